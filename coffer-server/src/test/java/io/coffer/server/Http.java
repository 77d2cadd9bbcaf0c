package io.coffer.server;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A minimal raw HTTP client for asserting exact wire behaviour in tests. */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Http(String base) {
        this.base = base;
    }

    record Reply(int status, String body, HttpResponse<String> raw) {
        Map<String, Object> json() {
            try {
                return JSON.readValue(body, new TypeReference<>() {
                });
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Reply send(String method, String path, String token, String body) {
        return send(method, path, token, body, "application/json");
    }

    Reply send(String method, String path, String token, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("X-Vault-Token", token);
        }
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        registerSecrets(body, REQUEST_SECRETS);
        if (token != null) {
            SuiteSecrets.register(token);
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            registerSecrets(r.body(), RESPONSE_SECRETS);
            return new Reply(r.statusCode(), r.body(), r);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    Reply get(String path, String token) {
        return send("GET", path, token, null);
    }

    Reply put(String path, String token, String body) {
        return send("PUT", path, token, body);
    }

    /** Request fields whose string values (at any depth) are credentials or secret data. */
    private static final java.util.Set<String> REQUEST_SECRETS = java.util.Set.of("password", "secret_id", "role_id",
            "token", "client_token", "jwt", "key", "data", "value", "custom_secret_id", "token_reviewer_jwt", "input");
    /** Response fields that carry credentials; response data at large also holds harmless names and ids. */
    private static final java.util.Set<String> RESPONSE_SECRETS = java.util.Set.of("client_token", "secret_id", "role_id",
            "keys", "keys_base64", "root_token", "id");

    /**
     * Registers every credential and secret value in a JSON body with {@link SuiteSecrets}, so that
     * the suite's final log scan searches for all of them without each test having to.
     */
    private static void registerSecrets(String body, java.util.Set<String> fields) {
        if (body == null || body.isEmpty() || body.charAt(0) != '{') {
            return;
        }
        try {
            collect(JSON.readTree(body), false, fields);
        } catch (IOException e) {
            // Not JSON (a bad-input test): nothing to register.
        }
    }

    private static void collect(com.fasterxml.jackson.databind.JsonNode node, boolean sensitive, java.util.Set<String> fields) {
        if (node.isTextual()) {
            String v = node.asText();
            // Short strings ("kv", "v") would match harmless log text; tests use longer secrets.
            if (sensitive && v.length() >= 6) {
                SuiteSecrets.register(v);
            }
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, sensitive, fields));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), sensitive || fields.contains(e.getKey()), fields));
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
