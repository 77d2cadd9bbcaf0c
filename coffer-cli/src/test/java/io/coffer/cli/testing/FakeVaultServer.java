package io.coffer.cli.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays the server side for CLI tests: answers canned Vault-shaped responses and records every
 * request exactly as it arrived, so tests can assert on method, path, headers and body. Not a
 * Coffer server; real end-to-end tests run against the real one.
 *
 * <p>Responses are keyed by {@code "METHOD /v1/path?query"}. Unknown requests get Vault's 404,
 * {@code {"errors":[]}}.
 */
public final class FakeVaultServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, CannedResponse> responses = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    private record CannedResponse(int status, String body) {
    }

    public FakeVaultServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base address to give the CLI, e.g. {@code http://127.0.0.1:54321}. */
    public String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code requestLine} ({@code "GET /v1/sys/seal-status"}) with {@code status} and JSON {@code body}. */
    public FakeVaultServer on(String requestLine, int status, String body) {
        responses.put(requestLine, new CannedResponse(status, body));
        return this;
    }

    /** Declares {@code mount} (e.g. {@code secret/}) as a KV mount of {@code version} for the preflight of {@code path}. */
    public FakeVaultServer kvMount(String path, String mount, int version) {
        return on("GET /v1/sys/internal/ui/mounts/" + path, 200,
                "{\"data\":{\"path\":\"" + mount + "\",\"type\":\"kv\",\"options\":{\"version\":\"" + version + "\"}}}");
    }

    public List<RecordedRequest> requests() {
        return new ArrayList<>(requests);
    }

    /** The recorded request lines, in order. */
    public List<String> requestLines() {
        return requests.stream().map(RecordedRequest::line).toList();
    }

    /** The last request whose line starts with {@code prefix}. */
    public RecordedRequest last(String prefix) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (requests.get(i).line().startsWith(prefix)) {
                return requests.get(i);
            }
        }
        throw new AssertionError("no request starting with " + prefix + " among " + requestLines());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), target, exchange.getRequestHeaders(), body);
            requests.add(request);
            CannedResponse response = responses.getOrDefault(request.line(), new CannedResponse(404, "{\"errors\":[]}"));
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (response.status() == 204 || bytes.length == 0) {
                exchange.sendResponseHeaders(response.status(), -1);
                return;
            }
            exchange.sendResponseHeaders(response.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
