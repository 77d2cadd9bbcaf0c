package io.coffer.core.auth.kubernetes;

import io.coffer.core.auth.workload.PemPublicKeys;
import io.coffer.core.auth.workload.RoleFields;
import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.RequestData;
import io.coffer.core.logical.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code config}: the cluster's API server and CA, and the keys that sign its service-account
 * tokens. With {@code pem_keys}, logins are verified locally; without, each login is checked with
 * the API server's TokenReview API. A write replaces the whole configuration, as in Vault. The
 * reviewer JWT is stored behind the barrier and only reported as set or not.
 */
final class KubernetesConfigPaths {

    private final KubernetesConfigStore store;

    KubernetesConfigPaths(KubernetesConfigStore store) {
        this.store = store;
    }

    PathRoute route() {
        return PathRoute.path("config")
                .on(Operation.READ, this::read)
                .on(Operation.UPDATE, this::write)
                .synopsis("Configures the JWT public keys and Kubernetes API information.");
    }

    private Response read(EngineRequest req) {
        KubernetesConfig c = store.active().map(KubernetesConfigStore.Active::config).orElseThrow(RoleFields::notFound);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("disable_iss_validation", c.disableIssValidation());
        d.put("disable_local_ca_jwt", c.disableLocalCaJwt());
        d.put("issuer", c.issuer());
        d.put("kubernetes_ca_cert", c.caCert());
        d.put("kubernetes_host", c.host());
        d.put("pem_keys", c.pemKeys());
        d.put("token_reviewer_jwt_set", !c.tokenReviewerJwt().isEmpty());
        d.put("use_annotations_as_alias_metadata", false);
        return Response.of(d);
    }

    private Response write(EngineRequest req) {
        RequestData f = req.fields();
        String host = f.string("kubernetes_host").map(String::trim).orElse("");
        if (host.isEmpty()) {
            throw CofferException.invalid("no host provided");
        }
        String caCert = f.string("kubernetes_ca_cert").orElse("");
        if (!caCert.isBlank() && !hasCertificate(caCert)) {
            throw CofferException.invalid("The provided CA PEM data contains no valid certificates");
        }
        if (f.bool("use_annotations_as_alias_metadata").orElse(false)) {
            throw CofferException.invalid("use_annotations_as_alias_metadata needs to read service accounts from the "
                    + "Kubernetes API, which Coffer does not do yet");
        }
        List<String> pems = f.stringList("pem_keys").orElse(List.of());
        for (String pem : pems) {
            PublicKey key;
            try {
                key = PemPublicKeys.parse(pem);
            } catch (IllegalArgumentException e) {
                throw CofferException.invalid("data does not contain any valid RSA or ECDSA public keys");
            }
            if (!(key instanceof RSAPublicKey) && !(key instanceof ECPublicKey)) {
                throw CofferException.invalid("data does not contain any valid RSA or ECDSA public keys");
            }
        }
        hostUri(host);
        KubernetesConfig config = new KubernetesConfig(host, caCert, f.string("token_reviewer_jwt").orElse(""), pems,
                f.string("issuer").orElse(""), f.bool("disable_iss_validation").orElse(true),
                f.bool("disable_local_ca_jwt").orElse(false));
        store.save(config);
        return Response.empty();
    }

    /**
     * The API server's base URL: {@code kubernetes_host} as given, or {@code https://} plus a bare
     * host or host:port.
     */
    static URI hostUri(String host) {
        String text = host.contains("://") ? host : "https://" + host;
        try {
            URI u = new URI(text);
            String scheme = u.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && u.getHost() != null) {
                return u;
            }
        } catch (URISyntaxException e) {
            // Reported below.
        }
        throw CofferException.invalid("kubernetes_host must be a host, a host:port pair or an https URL of the API server");
    }

    private static boolean hasCertificate(String pem) {
        try {
            return !CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8))).isEmpty();
        } catch (CertificateException e) {
            return false;
        }
    }
}
