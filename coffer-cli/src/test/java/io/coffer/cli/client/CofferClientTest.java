package io.coffer.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cli.testing.FakeVaultServer;
import io.coffer.cli.testing.RecordedRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CofferClientTest {

    private FakeVaultServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeVaultServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CofferClient client(String token) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("COFFER_ADDR", server.address());
        if (token != null) {
            env.put("COFFER_TOKEN", token);
        }
        return new CofferClient(ClientSettings.resolve(ClientOverrides.NONE, Environment.of(env)));
    }

    @Test
    void sendsTheTokenAndMarksRequestsAsApiCalls() {
        server.on("GET /v1/secret/data/foo", 200, "{\"data\":{\"data\":{\"a\":\"b\"}}}");
        try (CofferClient client = client("s.token")) {
            Optional<Secret> secret = client.get("secret/data/foo");
            assertThat(secret).isPresent();
            assertThat(secret.get().data()).containsKey("data");
        }
        RecordedRequest request = server.last("GET /v1/secret/data/foo");
        assertThat(request.header("X-Vault-Token")).isEqualTo("s.token");
        assertThat(request.header("X-Vault-Request")).isEqualTo("true");
    }

    @Test
    void sendsNoTokenHeaderWithoutAToken() {
        server.on("GET /v1/sys/seal-status", 200, "{\"sealed\":false}");
        try (CofferClient client = client(null)) {
            client.get("sys/seal-status");
        }
        assertThat(server.last("GET /v1/sys/seal-status").headers()).doesNotContainKey("X-vault-token");
    }

    @Test
    void putSendsJson() {
        server.on("PUT /v1/sys/init", 200, "{\"root_token\":\"r\"}");
        try (CofferClient client = client("t")) {
            client.put("sys/init", Map.of("secret_shares", 5));
        }
        RecordedRequest request = server.last("PUT /v1/sys/init");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.bodyText()).isEqualTo("{\"secret_shares\":5}");
    }

    @Test
    void putWithoutBodySendsNone() {
        server.on("PUT /v1/sys/seal", 204, "");
        try (CofferClient client = client("t")) {
            assertThat(client.put("sys/seal", null)).isEmpty();
        }
        assertThat(server.last("PUT /v1/sys/seal").body()).isEmpty();
    }

    @Test
    void patchSendsAMergePatch() {
        server.on("PATCH /v1/secret/data/foo", 200, "{\"data\":{\"version\":2}}");
        try (CofferClient client = client("t")) {
            client.patch("secret/data/foo", Map.of("data", Map.of("a", "b")));
        }
        assertThat(server.last("PATCH /v1/secret/data/foo").header("Content-Type")).isEqualTo("application/merge-patch+json");
    }

    @Test
    void postAndDeleteUseTheirVerbs() {
        server.on("POST /v1/sys/rotate", 204, "").on("DELETE /v1/secret/data/foo", 204, "");
        try (CofferClient client = client("t")) {
            client.post("sys/rotate", null);
            client.delete("secret/data/foo");
        }
        assertThat(server.requestLines()).containsExactly("POST /v1/sys/rotate", "DELETE /v1/secret/data/foo");
    }

    @Test
    void listIsAGetWithListTrueAsTheVaultCliSendsIt() {
        server.on("GET /v1/secret/metadata/app?list=true", 200, "{\"data\":{\"keys\":[\"a\",\"b/\"]}}");
        try (CofferClient client = client("t")) {
            assertThat(client.list("secret/metadata/app").orElseThrow().data().get("keys")).isEqualTo(List.of("a", "b/"));
        }
    }

    @Test
    void queryParametersAreEncoded() {
        server.on("GET /v1/secret/data/foo?version=2", 200, "{\"data\":{}}");
        try (CofferClient client = client("t")) {
            assertThat(client.get("secret/data/foo", Map.of("version", "2"))).isPresent();
        }
    }

    @Test
    void pathSegmentsArePercentEncoded() {
        try (CofferClient client = client("t")) {
            client.get("secret/data/my app/ü");
        }
        assertThat(server.requestLines()).containsExactly("GET /v1/secret/data/my%20app/%C3%BC");
    }

    @Test
    void notFoundIsEmpty() {
        try (CofferClient client = client("t")) {
            assertThat(client.get("secret/data/missing")).isEmpty();
        }
    }

    @Test
    void notFoundWithDataIsStillASecret() {
        // KV v2 answers a deleted version with 404 and its metadata; the vault CLI shows that.
        server.on("GET /v1/secret/data/gone", 404, "{\"data\":{\"data\":null,\"metadata\":{\"version\":1}}}");
        try (CofferClient client = client("t")) {
            assertThat(client.get("secret/data/gone")).isPresent();
        }
    }

    @Test
    void errorStatusesBecomeVaultStyledApiExceptions() {
        server.on("GET /v1/secret/data/foo", 403, "{\"errors\":[\"permission denied\"]}");
        try (CofferClient client = client("s.secret-token")) {
            assertThatThrownBy(() -> client.get("secret/data/foo"))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.errors()).containsExactly("permission denied");
                        assertThat(e.getMessage()).isEqualTo("Error making API request.\n\n"
                                + "URL: GET " + server.address() + "/v1/secret/data/foo\n"
                                + "Code: 403. Errors:\n\n"
                                + "* permission denied");
                        assertThat(e.getMessage()).doesNotContain("secret-token");
                    });
        }
    }

    @Test
    void severalErrorsGoOnePerLine() {
        server.on("PUT /v1/sys/init", 400, "{\"errors\":[\"one\",\"two\"]}");
        try (CofferClient client = client("t")) {
            assertThatThrownBy(() -> client.put("sys/init", Map.of())).hasMessageEndingWith("* one\n* two");
        }
    }

    @Test
    void nonJsonErrorBodiesAreShownRaw() {
        server.on("GET /v1/sys/seal-status", 502, "upstream unavailable");
        try (CofferClient client = client("t")) {
            assertThatThrownBy(() -> client.get("sys/seal-status"))
                    .hasMessageEndingWith("Code: 502. Raw Message:\n\nupstream unavailable");
        }
    }

    @Test
    void sendReturnsErrorStatusesWithoutThrowing() {
        server.on("GET /v1/sys/leader", 503, "{\"errors\":[\"Vault is sealed\"]}");
        try (CofferClient client = client("t")) {
            ApiResponse response = client.send("GET", "sys/leader", Map.of(), null, null);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.errors()).containsExactly("Vault is sealed");
        }
    }

    @Test
    void unreachableServersAreTransportErrors() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ClientSettings settings = new ClientSettings(java.net.URI.create("http://127.0.0.1:" + closedPort), "t", null, false,
                Duration.ofSeconds(5));
        try (CofferClient client = new CofferClient(settings)) {
            assertThatThrownBy(() -> client.get("sys/seal-status"))
                    .isInstanceOf(TransportException.class)
                    .hasMessage("Get \"http://127.0.0.1:" + closedPort + "/v1/sys/seal-status\": connection refused");
        }
    }

    @Test
    void readWithData_repeatedParameters_areAllSentInOrder() {
        server.on("GET /v1/pki/certs?serial=a+b&serial=c&full=1", 200, "{\"data\":{\"n\":2}}");
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("serial", List.of("a b", "c"));
        parameters.put("full", List.of("1"));
        try (CofferClient client = client("t")) {
            assertThat(client.readWithData("pki/certs", parameters)).isPresent();
        }
        assertThat(server.requestLines()).containsExactly("GET /v1/pki/certs?serial=a+b&serial=c&full=1");
    }

    @Test
    void deleteWithData_noParameters_sendsABareDelete() {
        server.on("DELETE /v1/secret/foo", 204, "");
        try (CofferClient client = client("t")) {
            assertThat(client.deleteWithData("secret/foo", Map.of())).isEmpty();
        }
        assertThat(server.requestLines()).containsExactly("DELETE /v1/secret/foo");
    }
}
