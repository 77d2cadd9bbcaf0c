package io.coffer.core.auth.kubernetes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * A kubernetes mount's configuration, stored at {@code config} behind the barrier.
 *
 * @param host                 the API server ({@code kubernetes_host}), kept for TokenReview
 * @param caCert               PEM CA of the API server
 * @param tokenReviewerJwt     bearer token for TokenReview; a credential, never returned by reads
 * @param pemKeys              PEM public keys (or certificates) that sign service-account tokens
 * @param issuer               required {@code iss} unless issuer validation is disabled; empty for none
 * @param disableIssValidation skip the issuer check (Vault's default: true)
 * @param disableLocalCaJwt    kept for wire compatibility (Coffer never reads the pod's own files)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record KubernetesConfig(
        @JsonProperty("kubernetes_host") String host,
        @JsonProperty("kubernetes_ca_cert") String caCert,
        @JsonProperty("token_reviewer_jwt") String tokenReviewerJwt,
        @JsonProperty("pem_keys") List<String> pemKeys,
        @JsonProperty("issuer") String issuer,
        @JsonProperty("disable_iss_validation") boolean disableIssValidation,
        @JsonProperty("disable_local_ca_jwt") boolean disableLocalCaJwt) {

    KubernetesConfig {
        host = Objects.requireNonNullElse(host, "");
        caCert = Objects.requireNonNullElse(caCert, "");
        tokenReviewerJwt = Objects.requireNonNullElse(tokenReviewerJwt, "");
        pemKeys = pemKeys == null ? List.of() : List.copyOf(pemKeys);
        issuer = Objects.requireNonNullElse(issuer, "");
    }

    @Override
    public String toString() {
        return "KubernetesConfig[host=" + host + ", pemKeys=" + pemKeys.size() + "]";
    }
}
