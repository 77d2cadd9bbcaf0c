/**
 * The {@code jwt} auth method (also mountable as type {@code oidc}): login with a JWT signed by a
 * trusted issuer, checked against PEM public keys, a JWKS URL or an OIDC discovery document, and
 * matched to a role by audience, subject and claims. See {@code docs/auth-jwt-kubernetes.md}.
 *
 * <p>Lives here: the engine and its factory, config and role documents with their paths, the
 * login path, the signing-key sources (static keys, JWKS over HTTP(S) with a bounded cache) and
 * claim lookups. Depends on {@code auth.workload}, {@code engine}, {@code logical}, {@code barrier},
 * {@code mount}, {@code json}, {@code error}, {@code ratelimit} and nimbus-jose-jwt.
 */
package io.coffer.core.auth.jwt;
