package io.coffer.core.auth.jwt;

import io.coffer.core.auth.workload.CompactJws;
import io.coffer.core.auth.workload.PemPublicKeys;
import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.ClientText;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.RequestData;
import io.coffer.core.logical.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code config}: where the mount gets its signing keys (exactly one of PEM keys, a JWKS URL or an
 * OIDC discovery URL), the issuer it requires and the default role. A write replaces the whole
 * configuration, as in Vault, and checks a remote key source by fetching it once.
 *
 * <p>The OIDC browser flow ({@code oidc_client_id}, {@code oidc_client_secret}, response modes and
 * types), {@code jwks_pairs} and {@code provider_config} are not supported yet: setting them is a
 * 400 that says so, rather than a setting that silently does nothing.
 */
final class JwtConfigPaths {

    private static final String UNSUPPORTED = " is not supported by Coffer yet; configure jwt_validation_pubkeys, jwks_url "
            + "or oidc_discovery_url for JWT login";

    private final JwtConfigStore store;

    JwtConfigPaths(JwtConfigStore store) {
        this.store = store;
    }

    PathRoute route() {
        return PathRoute.path("config")
                .on(Operation.READ, this::read)
                .on(Operation.UPDATE, this::write)
                .synopsis("Configures the JWT authentication backend.");
    }

    private Response read(EngineRequest req) {
        JwtConfig c = store.active().map(JwtConfigStore.Active::config)
                .orElseThrow(() -> new CofferException(CofferException.Kind.NOT_FOUND, List.of()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("bound_issuer", c.boundIssuer());
        data.put("default_role", c.defaultRole());
        data.put("jwks_ca_pem", c.jwksCaPem());
        data.put("jwks_pairs", List.of());
        data.put("jwks_url", c.jwksUrl());
        data.put("jwt_supported_algs", c.jwtSupportedAlgs());
        data.put("jwt_validation_pubkeys", c.jwtValidationPubkeys());
        data.put("namespace_in_state", c.namespaceInState());
        data.put("oidc_client_id", "");
        data.put("oidc_discovery_ca_pem", c.oidcDiscoveryCaPem());
        data.put("oidc_discovery_url", c.oidcDiscoveryUrl());
        data.put("oidc_response_mode", "");
        data.put("oidc_response_types", List.of());
        data.put("provider_config", Map.of());
        data.put("unsupported_critical_cert_extensions", List.of());
        return Response.of(data);
    }

    private Response write(EngineRequest req) {
        RequestData f = req.fields();
        boolean namespaceInState = f.bool("namespace_in_state")
                .orElseGet(() -> store.active().map(a -> a.config().namespaceInState()).orElse(true));
        JwtConfig config = new JwtConfig(
                text(f, "oidc_discovery_url"),
                text(f, "oidc_discovery_ca_pem"),
                text(f, "jwks_url"),
                text(f, "jwks_ca_pem"),
                f.stringList("jwt_validation_pubkeys").orElse(List.of()),
                f.stringList("jwt_supported_algs").orElse(List.of()),
                text(f, "bound_issuer"),
                text(f, "default_role").toLowerCase(Locale.ROOT),
                namespaceInState);
        boolean hasPairs = f.raw("jwks_pairs").filter(p -> !(p instanceof List<?> l && l.isEmpty())).isPresent();

        int sources = (config.oidcDiscoveryUrl().isEmpty() ? 0 : 1) + (config.jwtValidationPubkeys().isEmpty() ? 0 : 1)
                + (config.jwksUrl().isEmpty() ? 0 : 1) + (hasPairs ? 1 : 0);
        if (sources != 1) {
            throw CofferException.invalid(
                    "exactly one of 'jwt_validation_pubkeys', 'jwks_url', 'jwks_pairs' or 'oidc_discovery_url' must be set");
        }
        String clientId = text(f, "oidc_client_id");
        boolean hasSecret = !text(f, "oidc_client_secret").isEmpty();
        if (clientId.isEmpty() == hasSecret) {
            throw CofferException.invalid("both 'oidc_client_id' and 'oidc_client_secret' must be set for OIDC");
        }
        if (hasSecret) {
            throw CofferException.invalid("the OIDC authorization-code flow (oidc_client_id, oidc_client_secret)" + UNSUPPORTED);
        }
        if (hasPairs) {
            throw CofferException.invalid("jwks_pairs" + UNSUPPORTED);
        }
        if (!text(f, "oidc_response_mode").isEmpty() || !f.stringList("oidc_response_types").orElse(List.of()).isEmpty()) {
            throw CofferException.invalid("oidc_response_mode and oidc_response_types belong to the OIDC flow, which" + UNSUPPORTED);
        }
        if (!f.map("provider_config").orElse(Map.of()).isEmpty()) {
            throw CofferException.invalid("provider_config" + UNSUPPORTED);
        }
        for (String alg : config.jwtSupportedAlgs()) {
            if (!CompactJws.PUBLIC_KEY_ALGORITHMS.contains(alg)) {
                throw CofferException.invalid("invalid jwt_supported_algs: unsupported signing algorithm " + ClientText.quote(alg));
            }
        }

        SigningKeys keys;
        if (!config.jwtValidationPubkeys().isEmpty()) {
            for (String pem : config.jwtValidationPubkeys()) {
                try {
                    PemPublicKeys.parse(pem);
                } catch (IllegalArgumentException e) {
                    throw CofferException.invalid("error parsing public key: " + e.getMessage());
                }
            }
            keys = store.keysFor(config);
        } else if (!config.jwksUrl().isEmpty()) {
            keys = checkedRemote(config, config.jwksUrl(), config.jwksCaPem(), "jwks_ca_pem", "error checking jwks URL ");
        } else {
            keys = checkedRemote(config, config.oidcDiscoveryUrl(), config.oidcDiscoveryCaPem(), "oidc_discovery_ca_pem",
                    "error checking oidc discovery URL ");
        }
        store.save(config, keys);
        return Response.empty();
    }

    /** Builds the remote key source and fetches it once, so that a wrong URL fails now rather than at login. */
    private SigningKeys checkedRemote(JwtConfig config, String url, String caPem, String caField, String failure) {
        URI uri = uri(url);
        if (!caPem.isBlank()) {
            try {
                KeyDocuments.checkCaPem(caPem);
            } catch (IllegalArgumentException e) {
                throw CofferException.invalid("error checking " + caField + ": " + e.getMessage());
            }
        }
        SigningKeys keys = store.keysFor(config);
        try {
            ((RemoteJwks) keys).prime();
        } catch (KeyDocuments.FetchException e) {
            throw CofferException.invalid(failure + uri + ": " + e.getMessage());
        }
        return keys;
    }

    /** {@code text} as an http(s) URL; a 400 otherwise. */
    static URI uri(String text) {
        try {
            URI u = new URI(text);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
                return u;
            }
        } catch (java.net.URISyntaxException e) {
            // Reported below without echoing the text.
        }
        throw CofferException.invalid("the key URL must be an absolute http or https URL");
    }

    private static String text(RequestData f, String field) {
        return f.string(field).map(String::trim).orElse("");
    }
}
