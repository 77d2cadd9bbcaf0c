package io.coffer.core.auth.kubernetes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The claims of the two kinds of service-account token Kubernetes issues. */
public final class ServiceAccountTokens {

    private ServiceAccountTokens() {
    }

    /** A legacy secret-based token: flat claims, no expiry. */
    public static Map<String, Object> legacy(String namespace, String name, String uid) {
        Map<String, Object> c = new HashMap<>();
        c.put("iss", "kubernetes/serviceaccount");
        c.put("sub", "system:serviceaccount:" + namespace + ":" + name);
        c.put("kubernetes.io/serviceaccount/namespace", namespace);
        c.put("kubernetes.io/serviceaccount/secret.name", name + "-token-x7k2p");
        c.put("kubernetes.io/serviceaccount/service-account.name", name);
        c.put("kubernetes.io/serviceaccount/service-account.uid", uid);
        return c;
    }

    /** A projected (bound) token as a pod mounts it: audience, expiry, and the {@code kubernetes.io} object. */
    public static Map<String, Object> projected(String namespace, String name, String uid, String audience, Instant now) {
        Map<String, Object> c = new HashMap<>();
        c.put("iss", "https://kubernetes.default.svc.cluster.local");
        c.put("sub", "system:serviceaccount:" + namespace + ":" + name);
        c.put("aud", java.util.List.of(audience));
        c.put("iat", now.getEpochSecond());
        c.put("nbf", now.getEpochSecond());
        c.put("exp", now.getEpochSecond() + 3600);
        c.put("kubernetes.io", Map.of(
                "namespace", namespace,
                "pod", Map.of("name", name + "-5d8f7", "uid", "pod-" + uid),
                "serviceaccount", Map.of("name", name, "uid", uid)));
        return c;
    }
}
