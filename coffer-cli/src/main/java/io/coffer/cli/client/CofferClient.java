package io.coffer.cli.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Talks to one server's {@code /v1/} API. Paths are given without the {@code /v1/} prefix, e.g.
 * {@code secret/data/foo}.
 *
 * <p>Every request carries {@code X-Vault-Request: true} (as Vault's own client sends, so servers
 * can tell API calls from browser requests) and, when a token is configured, {@code X-Vault-Token}.
 * Methods that answer {@code Optional<Secret>} follow the vault CLI's reading of a 404: "nothing
 * there" (empty) unless the body still carries data or warnings. Any other status of 400 or more
 * throws {@link ApiException}; a request that gets no answer throws {@link TransportException}.
 */
public final class CofferClient implements AutoCloseable {

    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String JSON = "application/json";

    private final ClientSettings settings;
    private final HttpClient http;

    public CofferClient(ClientSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                // Plain HTTP/1.1: the JDK would otherwise try an h2c upgrade on http:// addresses,
                // which some servers and proxies mishandle.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.requestTimeout())
                .sslContext(TlsTrust.contextFor(settings))
                // Never re-send the token to wherever a redirect points.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** GET, for reads. */
    public Optional<Secret> get(String path) {
        return get(path, Map.of());
    }

    /** GET with query parameters, e.g. {@code version=2}. */
    public Optional<Secret> get(String path, Map<String, String> query) {
        return secretOrEmptyOn404(exchange("GET", path, multi(query), null, null));
    }

    /**
     * GET with query parameters that may repeat, e.g. {@code ?key=a&key=b}; how the vault CLI's
     * {@code read PATH k=v...} passes its arguments.
     */
    public Optional<Secret> readWithData(String path, Map<String, List<String>> parameters) {
        return secretOrEmptyOn404(exchange("GET", path, parameters, null, null));
    }

    /**
     * Lists keys under {@code path}. Sent as {@code GET ?list=true} rather than the {@code LIST} verb,
     * exactly as the vault CLI does, because proxies and load balancers may reject unknown verbs;
     * Vault-compatible servers accept both.
     */
    public Optional<Secret> list(String path) {
        return secretOrEmptyOn404(exchange("GET", path, Map.of("list", List.of("true")), null, null));
    }

    /** PUT with a JSON body, for writes. */
    public Optional<Secret> put(String path, Object body) {
        return secretOrThrow(exchange("PUT", path, Map.of(), body, JSON));
    }

    /** POST with a JSON body. */
    public Optional<Secret> post(String path, Object body) {
        return secretOrThrow(exchange("POST", path, Map.of(), body, JSON));
    }

    /** PATCH with a JSON merge patch (RFC 7396) body: {@code null} members delete keys. */
    public Optional<Secret> patch(String path, Object mergePatch) {
        return secretOrThrow(exchange("PATCH", path, Map.of(), mergePatch, MERGE_PATCH));
    }

    /** DELETE. */
    public Optional<Secret> delete(String path) {
        return secretOrThrow(exchange("DELETE", path, Map.of(), null, null));
    }

    /** DELETE with query parameters that may repeat; the vault CLI's {@code delete PATH k=v...}. */
    public Optional<Secret> deleteWithData(String path, Map<String, List<String>> parameters) {
        return secretOrThrow(exchange("DELETE", path, parameters, null, null));
    }

    /**
     * Sends one request and returns whatever came back, error statuses included.
     *
     * @param body        the value to send as JSON, or {@code null} for no body
     * @param contentType the body's media type; ignored without a body
     */
    public ApiResponse send(String method, String path, Map<String, String> query, Object body, String contentType) {
        return exchange(method, path, multi(query), body, contentType).response();
    }

    /** A request as sent and the answer to it; the URL is kept for error messages. */
    private record Exchange(String method, URI uri, ApiResponse response) {
    }

    private Exchange exchange(String method, String path, Map<String, List<String>> query, Object body, String contentType) {
        URI uri = uriWith(path, query);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("X-Vault-Request", "true");
        settings.tokenIfAny().ifPresent(token -> request.header("X-Vault-Token", token));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JsonCodec.encode(body)));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new TransportException(goStyle(method, uri) + ": request timed out after " + settings.requestTimeout(), e);
        } catch (IOException e) {
            throw new TransportException(goStyle(method, uri) + ": " + reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(goStyle(method, uri) + ": interrupted", e);
        }
        return new Exchange(method, uri, toApiResponse(response));
    }

    /** The full URL of {@code path}, as shown in error messages. */
    public URI uriFor(String path, Map<String, String> query) {
        return uriWith(path, multi(query));
    }

    private URI uriWith(String path, Map<String, List<String>> query) {
        String base = settings.address().toString();
        StringBuilder uri = new StringBuilder(base).append("/v1/").append(UrlPaths.encodePath(stripLeadingSlashes(path)));
        StringJoiner params = new StringJoiner("&");
        query.forEach((name, values) -> values.forEach(
                value -> params.add(UrlPaths.encodeQuery(name) + "=" + UrlPaths.encodeQuery(value))));
        if (params.length() > 0) {
            uri.append('?').append(params);
        }
        return URI.create(uri.toString());
    }

    /** Single-valued parameters as the multi-valued form, keeping their order. */
    private static Map<String, List<String>> multi(Map<String, String> query) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        query.forEach((name, value) -> multi.put(name, List.of(value)));
        return multi;
    }

    @Override
    public void close() {
        http.close();
    }

    private static Optional<Secret> secretOrEmptyOn404(Exchange exchange) {
        ApiResponse response = exchange.response();
        if (response.statusCode() == 404) {
            Optional<Secret> secret = response.secret();
            boolean carriesSomething = secret.map(s -> s.data() != null || !s.warnings().isEmpty()).orElse(false);
            return carriesSomething ? secret : Optional.empty();
        }
        return secretOrThrow(exchange);
    }

    private static Optional<Secret> secretOrThrow(Exchange exchange) {
        ApiResponse response = exchange.response();
        if (response.statusCode() >= 400) {
            throw new ApiException(exchange.method(), exchange.uri().toString(), response);
        }
        return response.secret();
    }

    private static ApiResponse toApiResponse(HttpResponse<byte[]> response) {
        byte[] bytes = response.body();
        String raw = new String(bytes, StandardCharsets.UTF_8);
        Map<String, Object> body = null;
        if (!raw.isBlank()) {
            try {
                body = JsonCodec.decodeObject(bytes);
            } catch (IllegalArgumentException notJson) {
                body = null;
            }
        }
        return new ApiResponse(response.statusCode(), body, raw);
    }

    private static String stripLeadingSlashes(String path) {
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        return path.substring(start);
    }

    /** {@code Get "https://…"}: the way Go's HTTP client names a failed request in Vault's errors. */
    private static String goStyle(String method, URI uri) {
        return method.charAt(0) + method.substring(1).toLowerCase(Locale.ROOT) + " \"" + uri + "\"";
    }

    private static String reason(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
