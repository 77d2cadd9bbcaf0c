/**
 * What the workload-identity auth methods ({@code jwt}/{@code oidc} and {@code kubernetes}) share
 * beyond what every auth method shares ({@code io.coffer.core.auth}: token settings, CIDR blocks,
 * names): parsing a compact JWS and checking its signature against public keys ({@link
 * io.coffer.core.auth.workload.CompactJws}), Vault's checks of the registered claims with their
 * leeways ({@link io.coffer.core.auth.workload.JwtClaimsCheck}), PEM public keys, CA trust for
 * outbound TLS, Vault's glob matching, role storage and role field decoding.
 *
 * <p>Nothing here ever puts a JWT, or any part of one, into an exception message or a log line.
 * Depends on {@code auth}, {@code logical}, {@code engine}, {@code barrier}, {@code mount},
 * {@code json}, {@code error}, {@code ratelimit} (signature checks run on its login work pool)
 * and nimbus-jose-jwt; never on a particular auth method.
 */
package io.coffer.core.auth.workload;
