/**
 * What every auth method shares: CIDR bindings ({@link io.coffer.core.net.CidrBlock}), the
 * {@code token_*} settings that roles and users carry ({@link io.coffer.core.auth.TokenSettings}),
 * the per-mount HMAC key that credentials are stored under ({@link io.coffer.core.auth.MountSalt}),
 * and the name rule of roles and users ({@link io.coffer.core.auth.Names}).
 *
 * <p>Auth methods live in sub-packages ({@code approle}, {@code userpass}); each is a
 * {@link io.coffer.core.engine.SecretsEngine} mounted in the auth mount table. Depends on
 * {@code engine}, {@code barrier}, {@code logical}, {@code mount}, {@code policy} (policy name
 * normalization), {@code json} and {@code error} only; nothing in the core depends on it, the
 * wiring registers the methods.
 */
package io.coffer.core.auth;
