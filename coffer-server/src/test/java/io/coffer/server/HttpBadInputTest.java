package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.storage.InMemoryStorage;
import io.coffer.server.config.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and malformed requests get a clear 4xx and the server keeps serving. */
class HttpBadInputTest {

    @TempDir
    static Path dir;

    static CofferServer server;
    static Http http;
    static String root;

    @BeforeAll
    static void start() {
        ServerConfig config = ServerConfig.builder().listen("127.0.0.1:0").dataDir(dir).tlsDisable(true)
                .maxRequestBytes(64 * 1024).build();
        server = CofferServer.start(config, c -> new InMemoryStorage());
        http = new Http(server.url());
        Map<String, Object> init = http.put("/v1/sys/init", null, "{\"secret_shares\":1,\"secret_threshold\":1}").json();
        root = (String) init.get("root_token");
        http.put("/v1/sys/unseal", null, Http.json(Map.of("key", ((List<?>) init.get("keys")).get(0))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void malformedJson_is400WithAMessageThatEchoesNoInput() {
        Http.Reply r = http.send("POST", "/v1/sys/mounts/x", root, "{\"type\": \"kv\", \"secretvalue-123");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").toString()).contains("failed to parse JSON").doesNotContain("secretvalue-123");
        assertThat(http.send("POST", "/v1/sys/mounts/x", root, "[1,2,3]").status()).isEqualTo(400);
        assertThat(http.send("POST", "/v1/sys/mounts/x", root, "\"str\"").status()).isEqualTo(400);
        assertThat(http.send("POST", "/v1/sys/mounts/x", root, "{\"a\":1,\"a\":2}").status()).isEqualTo(400);
        assertThat(http.send("POST", "/v1/sys/mounts/x", root, "{} {}").status()).isEqualTo(400);
        assertServing();
    }

    @Test
    void wrongFieldTypes_are400() {
        assertThat(http.send("POST", "/v1/sys/mounts/x", root, "{\"type\": {\"a\":1}}").status()).isEqualTo(400);
        assertThat(http.send("POST", "/v1/sys/mounts/x", root, "{\"type\":\"kv-v2\",\"config\":\"nope\"}").status()).isEqualTo(400);
        assertThat(http.send("POST", "/v1/sys/mounts/x", root, "{\"type\":\"kv-v2\",\"options\":{\"version\":[1]}}").status())
                .isEqualTo(400);
        assertThat(http.get("/v1/sys/mounts", root).json()).doesNotContainKey("x/");
    }

    @Test
    void pathTraversal_andEmptySegments_are400() {
        for (String path : List.of("/v1/sys/../sys/mounts", "/v1/sys/%2e%2e/sys/mounts", "/v1/sys/%2E%2E/x", "/v1//sys/mounts",
                "/v1/sys//mounts", "/v1/secret/./x", "/v1/sys%2fmounts", "/v1/a%5cb")) {
            Http.Reply r = http.send("GET", path, root, null);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.json()).containsKey("errors");
        }
    }

    @Test
    void controlCharactersInPath_are400() throws IOException {
        assertThat(rawStatus("GET /v1/secret/data/a%00b HTTP/1.1")).isEqualTo(400);
        assertThat(rawStatus("GET /v1/secret/data/a%0Ab HTTP/1.1")).isEqualTo(400);
        assertThat(rawStatus("GET /v1/secret/data/a%7Fb HTTP/1.1")).isEqualTo(400);
        assertThat(rawStatus("GET /v1/secret/data/a%FFb HTTP/1.1")).isEqualTo(400);
    }

    @Test
    void oversizeBody_is413WithJsonErrorAndServerKeepsServing() throws IOException {
        // Announce a body over the limit and send only the headers: the server must answer 413 from
        // the Content-Length alone. (Streaming the whole body races the server's close after 413.)
        try (Socket s = new Socket(server.address().getAddress(), server.address().getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("POST /v1/sys/mounts/big HTTP/1.1\r\nHost: x\r\nX-Vault-Token: " + root
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (70 * 1024) + "\r\n\r\n{\"data\":\"")
                    .getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(reply).startsWith("HTTP/1.1 413").contains("larger than the limit").contains("no-store");
        }
        assertThat(http.get("/v1/sys/mounts", root).json()).doesNotContainKey("big/");
        assertServing();
    }

    @Test
    void unsupportedVerb_is405AndPatchWithoutMergePatchType_is415() {
        assertThat(http.send("OPTIONS", "/v1/sys/mounts", root, null).status()).isEqualTo(405);
        assertThat(http.send("DELETE", "/v1/sys/health", root, null).status()).isEqualTo(405);
        assertThat(http.send("PATCH", "/v1/sys/mounts/x", root, "{}").status()).isEqualTo(415);
    }

    @Test
    void unknownMountsAndPaths_are404WithErrors() {
        Http.Reply r = http.get("/v1/nomount/data/x", root);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("errors").toString()).contains("no handler for route");
        assertThat(http.get("/v1/sys/nonexistent", root).status()).isEqualTo(404);
        assertThat(http.get("/not-api", root).status()).isEqualTo(404);
    }

    @Test
    void secondInit_isRejectedAndNothingChanges() {
        Http.Reply r = http.put("/v1/sys/init", null, "{\"secret_shares\":1,\"secret_threshold\":1}");
        assertThat(r.status()).isEqualTo(400);
        assertServing();
    }

    @Test
    void malformedHttp_is400() throws IOException {
        assertThat(rawStatus("GARBAGE")).isIn(400, -1);
        assertServing();
    }

    @Test
    void pipelinedRequests_areAnsweredInOrder() throws IOException {
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            batch.append("GET /v1/sys/health?activecode=").append(200 + i).append(" HTTP/1.1\r\nHost: x\r\n\r\n");
        }
        batch.append("GET /v1/sys/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        try (Socket s = new Socket(server.address().getAddress(), server.address().getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(batch.toString().getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            List<Integer> statuses = java.util.regex.Pattern.compile("HTTP/1.1 (\\d{3})").matcher(all).results()
                    .map(m -> Integer.parseInt(m.group(1))).toList();
            List<Integer> expected = new java.util.ArrayList<>();
            for (int i = 0; i < 30; i++) {
                expected.add(200 + i);
            }
            expected.add(200);
            assertThat(statuses).containsExactlyElementsOf(expected);
        }
    }

    private void assertServing() {
        assertThat(http.get("/v1/sys/mounts", root).status()).isEqualTo(200);
    }

    private static int rawStatus(String requestLine) throws IOException {
        try (Socket s = new Socket(server.address().getAddress(), server.address().getPort())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write((requestLine + "\r\nHost: x\r\nX-Vault-Token: " + root + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            return head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : -1;
        }
    }
}
