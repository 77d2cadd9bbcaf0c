package io.coffer.core.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JWKS (and OIDC discovery document) served on a loopback port, whose keys a test can rotate and
 * whose fetches it can count.
 */
public final class JwksServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile String jwks = "{\"keys\":[]}";

    public JwksServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/keys", exchange -> {
            fetches.incrementAndGet();
            respond(exchange, 200, jwks);
        });
        server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange, 200,
                "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + jwksUrl() + "\"}"));
        server.start();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Publishes exactly {@code keys}. */
    public void publish(JWK... keys) {
        jwks = new JWKSet(List.of(keys)).toString(true);
    }

    /** Publishes a raw document, e.g. to test garbage. */
    public void publishRaw(String document) {
        jwks = document;
    }

    public String jwksUrl() {
        return issuer() + "/keys";
    }

    /** The issuer whose discovery document this server serves (the server's base URL). */
    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int fetches() {
        return fetches.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
