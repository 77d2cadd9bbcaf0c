package io.coffer.core.auth.jwt;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * A jwt mount's configuration, stored at {@code config} behind the barrier. Exactly one key source
 * is set: {@link #jwtValidationPubkeys}, {@link #jwksUrl} or {@link #oidcDiscoveryUrl}.
 *
 * @param oidcDiscoveryUrl     issuer URL whose {@code .well-known/openid-configuration} names the JWKS
 * @param oidcDiscoveryCaPem   CA certificates trusted for the discovery URL; empty for the system's
 * @param jwksUrl              URL of a JSON Web Key Set
 * @param jwksCaPem            CA certificates trusted for the JWKS URL; empty for the system's
 * @param jwtValidationPubkeys PEM public keys (or certificates) that may sign tokens
 * @param jwtSupportedAlgs     accepted {@code alg} values; empty for every public-key algorithm
 * @param boundIssuer          required {@code iss}; empty for any
 * @param defaultRole          role used when a login names none
 * @param namespaceInState     kept for wire compatibility (OIDC flow option)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record JwtConfig(
        @JsonProperty("oidc_discovery_url") String oidcDiscoveryUrl,
        @JsonProperty("oidc_discovery_ca_pem") String oidcDiscoveryCaPem,
        @JsonProperty("jwks_url") String jwksUrl,
        @JsonProperty("jwks_ca_pem") String jwksCaPem,
        @JsonProperty("jwt_validation_pubkeys") List<String> jwtValidationPubkeys,
        @JsonProperty("jwt_supported_algs") List<String> jwtSupportedAlgs,
        @JsonProperty("bound_issuer") String boundIssuer,
        @JsonProperty("default_role") String defaultRole,
        @JsonProperty("namespace_in_state") boolean namespaceInState) {

    JwtConfig {
        oidcDiscoveryUrl = Objects.requireNonNullElse(oidcDiscoveryUrl, "");
        oidcDiscoveryCaPem = Objects.requireNonNullElse(oidcDiscoveryCaPem, "");
        jwksUrl = Objects.requireNonNullElse(jwksUrl, "");
        jwksCaPem = Objects.requireNonNullElse(jwksCaPem, "");
        jwtValidationPubkeys = jwtValidationPubkeys == null ? List.of() : List.copyOf(jwtValidationPubkeys);
        jwtSupportedAlgs = jwtSupportedAlgs == null ? List.of() : List.copyOf(jwtSupportedAlgs);
        boundIssuer = Objects.requireNonNullElse(boundIssuer, "");
        defaultRole = Objects.requireNonNullElse(defaultRole, "");
    }
}
