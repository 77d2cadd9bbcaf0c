package io.coffer.core.auth.kubernetes;

import io.coffer.core.auth.workload.CaTrust;
import io.coffer.core.error.CofferException;
import io.coffer.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks the cluster's API server whether a service-account token is valid right now (the
 * TokenReview API, {@code POST /apis/authentication.k8s.io/v1/tokenreviews}), which is how a
 * mount without {@code pem_keys} checks tokens, as Vault does. It also catches tokens of deleted
 * service accounts, which a signature check alone cannot.
 *
 * <p>The request authenticates with the configured reviewer JWT, or else with the token under
 * review itself (Vault's behaviour). Neither token appears in any error.
 */
final class TokenReviewer {

    static final String PATH = "/apis/authentication.k8s.io/v1/tokenreviews";
    private static final int MAX_RESPONSE_BYTES = 1024 * 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** Who the API server says the token belongs to. */
    record Reviewed(String name, String namespace, String uid) {
    }

    /** The review failed or said no; the message says why without quoting any token. */
    static final class ReviewFailed extends Exception {
        ReviewFailed(String message) {
            super(message, null, false, false);
        }
    }

    private final URI endpoint;
    private final String reviewerJwt;
    private final HttpClient client;

    /**
     * @param host        the API server base URL
     * @param caPem       the API server's CA; empty for the system's CAs
     * @param reviewerJwt bearer token for the review call; empty to use the reviewed token
     */
    TokenReviewer(URI host, String caPem, String reviewerJwt) {
        String base = host.toString().endsWith("/") ? host.toString().substring(0, host.toString().length() - 1) : host.toString();
        this.endpoint = URI.create(base + PATH);
        this.reviewerJwt = reviewerJwt;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT);
        if (!caPem.isBlank()) {
            b.sslContext(CaTrust.sslContext(caPem));
        }
        this.client = b.build();
    }

    /**
     * Reviews {@code jwt}, which must be valid for one of {@code audiences} when any are given.
     *
     * @throws ReviewFailed when the server cannot be asked, refuses, or does not vouch for the token
     */
    Reviewed review(String jwt, List<String> audiences) throws ReviewFailed {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("token", jwt);
        if (!audiences.isEmpty()) {
            spec.put("audiences", audiences);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiVersion", "authentication.k8s.io/v1");
        body.put("kind", "TokenReview");
        body.put("spec", spec);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + (reviewerJwt.isEmpty() ? jwt : reviewerJwt))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(body)))
                .build();
        Map<String, Object> answer = send(request);

        if (answer.get("status") instanceof String s && !s.equals("Success")) {
            throw new ReviewFailed("lookup failed: the API server answered with a failure status");
        }
        Map<String, Object> status = answer.get("status") instanceof Map<?, ?> m ? cast(m) : Map.of();
        if (status.get("error") instanceof String error && !error.isEmpty()) {
            throw new ReviewFailed("lookup failed: the API server reported an error reviewing the token");
        }
        if (!Boolean.TRUE.equals(status.get("authenticated"))) {
            throw new ReviewFailed("lookup failed: service account jwt not valid");
        }
        if (!audiences.isEmpty()) {
            List<?> granted = status.get("audiences") instanceof Collection<?> c ? List.copyOf(c) : List.of();
            if (audiences.stream().noneMatch(granted::contains)) {
                throw new ReviewFailed("lookup failed: service account jwt is not valid for the wanted audience");
            }
        }
        Map<String, Object> user = status.get("user") instanceof Map<?, ?> u ? cast(u) : Map.of();
        String username = user.get("username") instanceof String s ? s : "";
        String[] parts = username.split(":", -1);
        if (parts.length != 4) {
            throw new ReviewFailed("lookup failed: unexpected username format");
        }
        if (!parts[0].equals("system") || !parts[1].equals("serviceaccount")) {
            throw new ReviewFailed("lookup failed: username returned is not a service account");
        }
        return new Reviewed(parts[3], parts[2], user.get("uid") instanceof String uid ? uid : "");
    }

    private Map<String, Object> send(HttpRequest request) throws ReviewFailed {
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ReviewFailed("lookup failed: cannot reach the API server (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReviewFailed("lookup failed: interrupted");
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() == 401) {
                throw new ReviewFailed("lookup failed: service account unauthorized; this could mean it has been deleted "
                        + "or recreated with a new token");
            }
            if (response.statusCode() < 200 || response.statusCode() > 206) {
                throw new ReviewFailed("lookup failed: the API server answered HTTP " + response.statusCode());
            }
            byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            if (bytes.length > MAX_RESPONSE_BYTES) {
                throw new ReviewFailed("lookup failed: the API server's answer is too large");
            }
            return Json.parseObject(bytes);
        } catch (IOException | CofferException e) {
            throw new ReviewFailed("lookup failed: the API server's answer is not a JSON object");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
