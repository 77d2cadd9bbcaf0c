package io.coffer.core.auth.kubernetes;

import com.sun.net.httpserver.HttpServer;
import io.coffer.core.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a Kubernetes API server's TokenReview endpoint on loopback: answers with whatever
 * the test sets, and remembers the last review it was asked for.
 */
public final class TokenReviewStub implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger reviews = new AtomicInteger();
    private volatile int status = 200;
    private volatile String answer = "{}";
    private volatile String lastAuthorization;
    private volatile Map<String, Object> lastRequest;

    public TokenReviewStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/apis/authentication.k8s.io/v1/tokenreviews", exchange -> {
            reviews.incrementAndGet();
            lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
            lastRequest = Json.parseObject(exchange.getRequestBody().readAllBytes());
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /** Answers every review: authenticated as {@code system:serviceaccount:<namespace>:<name>} with {@code uid}. */
    public void authenticate(String namespace, String name, String uid, String... audiences) {
        status = 200;
        answer = new String(Json.write(Map.of("apiVersion", "authentication.k8s.io/v1", "kind", "TokenReview",
                "status", Map.of("authenticated", true, "audiences", java.util.List.of(audiences),
                        "user", Map.of("username", "system:serviceaccount:" + namespace + ":" + name, "uid", uid,
                                "groups", java.util.List.of("system:serviceaccounts"))))), StandardCharsets.UTF_8);
    }

    /** Answers every review with {@code httpStatus} and {@code body}. */
    public void answer(int httpStatus, String body) {
        status = httpStatus;
        answer = body;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int reviews() {
        return reviews.get();
    }

    public String lastAuthorization() {
        return lastAuthorization;
    }

    public Map<String, Object> lastRequest() {
        return lastRequest;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
