/**
 * What the workload-identity auth methods ({@code jwt}/{@code oidc} and {@code kubernetes}) share:
 * parsing a compact JWS and checking its signature against public keys ({@link
 * io.coffer.core.auth.workload.CompactJws}), Vault's checks of the registered claims with their
 * leeways ({@link io.coffer.core.auth.workload.JwtClaimsCheck}), PEM public keys, Vault's glob
 * matching, CIDR blocks, the {@code token_*} fields every role carries ({@link
 * io.coffer.core.auth.workload.TokenSettings}) and role storage.
 *
 * <p>Nothing here ever puts a JWT, or any part of one, into an exception message or a log line.
 * Depends on {@code logical}, {@code engine}, {@code barrier}, {@code json}, {@code error}, {@code token}
 * (the system TTL limit) and
 * nimbus-jose-jwt; never on a particular auth method.
 */
package io.coffer.core.auth.workload;
