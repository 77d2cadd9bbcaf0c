package io.coffer.core.auth.kubernetes;

import java.util.Map;

/**
 * Who a service-account token speaks for, read from either kind of token Kubernetes issues:
 * legacy secret-based tokens carry flat {@code kubernetes.io/serviceaccount/...} claims, projected
 * (bound) tokens a {@code kubernetes.io} object with {@code namespace}, {@code serviceaccount} and
 * {@code pod}. The projected values win when both are present, as in Vault.
 *
 * @param name       service-account name
 * @param namespace  its namespace
 * @param uid        service-account UID; empty when the token has none
 * @param secretName the token secret's name (legacy tokens only; empty for projected ones)
 */
record ServiceAccount(String name, String namespace, String uid, String secretName) {

    private static final String LEGACY = "kubernetes.io/serviceaccount/";

    /** Reads the claims; non-string values count as absent. */
    static ServiceAccount from(Map<String, Object> claims) {
        String name = text(claims.get(LEGACY + "service-account.name"));
        String uid = text(claims.get(LEGACY + "service-account.uid"));
        String namespace = text(claims.get(LEGACY + "namespace"));
        String secretName = text(claims.get(LEGACY + "secret.name"));
        if (claims.get("kubernetes.io") instanceof Map<?, ?> projected) {
            namespace = text(projected.get("namespace"));
            if (projected.get("serviceaccount") instanceof Map<?, ?> sa) {
                name = text(sa.get("name"));
                uid = text(sa.get("uid"));
            }
        }
        return new ServiceAccount(name, namespace, uid, secretName);
    }

    private static String text(Object v) {
        return v instanceof String s ? s : "";
    }
}
