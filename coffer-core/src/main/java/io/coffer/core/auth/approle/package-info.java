/**
 * The AppRole auth method (mount type {@code approle}): roles, their role IDs, secret IDs with
 * accessors, use counts, TTLs and CIDR bindings, and the {@code login} path that trades a role ID
 * and secret ID for a token. Wire behaviour (fields, defaults, response shapes, messages) is
 * Vault's, except that client mistakes Vault answers with a 500 get a 4xx here.
 *
 * <p>Two layers, as in the KV engine: {@link io.coffer.core.auth.approle.RoleStore},
 * {@link io.coffer.core.auth.approle.SecretIdStore} and {@link io.coffer.core.auth.approle.AppRoleLogin}
 * hold the rules; the {@code *Paths} classes declare routes and translate fields and responses.
 *
 * <p>Storage layout inside the mount's view (all behind the barrier):
 * <ul>
 *   <li>{@code salt}: the mount's HMAC key ({@link io.coffer.core.auth.MountSalt});</li>
 *   <li>{@code role/<name>}: the role, JSON;</li>
 *   <li>{@code role_id/<hmac of role id>}: the name of the role that has that role ID;</li>
 *   <li>{@code secret_id/<role name>/<hmac of secret id>}: a secret ID's properties, never the secret ID;</li>
 *   <li>{@code accessor/<hmac of accessor>}: which secret ID (by HMAC) an accessor names.</li>
 * </ul>
 *
 * <p>Concurrency: one engine instance serves a mount on this node. Role changes are serialized
 * by a mount-wide read-write lock (secret ID operations and logins take it shared); every change
 * to one secret ID happens under that secret ID's lock (striped by HMAC), which makes use
 * counting atomic: of concurrent logins with a one-use secret ID exactly one succeeds. Storage
 * offers no transactions, so a secret ID is deleted before its accessor: a crash in between
 * leaves an accessor that names nothing, never a usable secret ID without its accessor.
 *
 * <p>Depends on {@code auth}, {@code engine}, {@code barrier}, {@code logical}, {@code mount},
 * {@code json} and {@code error} only.
 */
package io.coffer.core.auth.approle;
