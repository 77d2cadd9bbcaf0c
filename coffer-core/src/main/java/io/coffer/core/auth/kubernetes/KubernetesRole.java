package io.coffer.core.auth.kubernetes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.coffer.core.auth.TokenSettings;
import java.util.List;
import java.util.Objects;

/**
 * A kubernetes role, stored at {@code role/<name>}.
 *
 * @param serviceAccountNames      allowed service-account names; {@code *} or globs such as {@code app-*}
 * @param serviceAccountNamespaces allowed namespaces; {@code *} or globs
 * @param audience                 when set, the token's {@code aud} must contain it
 * @param aliasNameSource          {@code serviceaccount_uid} or {@code serviceaccount_name}
 * @param token                    the token_* fields
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record KubernetesRole(
        @JsonProperty("bound_service_account_names") List<String> serviceAccountNames,
        @JsonProperty("bound_service_account_namespaces") List<String> serviceAccountNamespaces,
        @JsonProperty("audience") String audience,
        @JsonProperty("alias_name_source") String aliasNameSource,
        @JsonProperty("token") TokenSettings token) {

    static final String ALIAS_BY_UID = "serviceaccount_uid";
    static final String ALIAS_BY_NAME = "serviceaccount_name";

    static final KubernetesRole NEW = new KubernetesRole(List.of(), List.of(), "", "", TokenSettings.DEFAULT);

    KubernetesRole {
        serviceAccountNames = serviceAccountNames == null ? List.of() : List.copyOf(serviceAccountNames);
        serviceAccountNamespaces = serviceAccountNamespaces == null ? List.of() : List.copyOf(serviceAccountNamespaces);
        audience = Objects.requireNonNullElse(audience, "");
        aliasNameSource = Objects.requireNonNullElse(aliasNameSource, "");
        token = Objects.requireNonNullElse(token, TokenSettings.DEFAULT);
    }
}
