package io.coffer.core.auth.jwt;

import io.coffer.core.error.CofferException;
import io.coffer.core.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Finds an issuer's JWKS through its OIDC discovery document
 * ({@code <issuer>/.well-known/openid-configuration}), which must name the same issuer. The JWKS
 * URL is remembered once found.
 */
final class OidcDiscovery implements RemoteJwks.Location {

    private final String issuer;
    private final KeyDocuments documents;
    private volatile URI jwksUri;

    OidcDiscovery(String issuer, KeyDocuments documents) {
        this.issuer = issuer;
        this.documents = documents;
    }

    @Override
    public URI resolve() throws KeyDocuments.FetchException {
        URI known = jwksUri;
        if (known != null) {
            return known;
        }
        URI wellKnown = JwtConfigPaths.uri(stripSlash(issuer) + "/.well-known/openid-configuration");
        Map<String, Object> doc;
        try {
            doc = Json.parseObject(documents.get(wellKnown).getBytes(StandardCharsets.UTF_8));
        } catch (CofferException e) {
            throw new KeyDocuments.FetchException("the discovery document at " + wellKnown + " is not a JSON object");
        }
        if (!issuer.equals(doc.get("issuer"))) {
            throw new KeyDocuments.FetchException("issuer did not match the issuer returned by the discovery document");
        }
        if (!(doc.get("jwks_uri") instanceof String uri) || uri.isBlank()) {
            throw new KeyDocuments.FetchException("the discovery document names no jwks_uri");
        }
        try {
            known = URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new KeyDocuments.FetchException("the discovery document's jwks_uri is not a URL");
        }
        jwksUri = known;
        return known;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
