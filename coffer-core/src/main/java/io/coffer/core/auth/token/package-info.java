/**
 * The token auth method: the engine behind the built-in {@code auth/token/} mount, serving Vault's
 * token endpoints (create, create-orphan, create against a role, lookup, renew and revoke by token,
 * by the caller's own token or by accessor, revoke-orphan, accessor listing) and token roles, with
 * Vault's request fields, policy rules and response shapes. Persistence, TTL arithmetic and
 * revocation live in {@code io.coffer.core.token}; roles live in the mount's own storage.
 *
 * <p>Sudo: Vault lets a caller with {@code sudo} on the path create orphans, periodic tokens and
 * tokens with chosen ids, and revoke-orphan. A caller counts as sudo when its token holds the
 * {@code root} policy or its ACL grants {@code sudo} on the request path
 * ({@link io.coffer.core.token.TokenStore#hasSudo}).
 *
 * <p>Depends on {@code engine}, {@code token}, {@code logical}, {@code mount}, {@code barrier}
 * (the mount's storage view), {@code policy} (policy name normalization), {@code json} and
 * {@code error}.
 */
package io.coffer.core.auth.token;
