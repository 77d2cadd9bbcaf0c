package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Small wire details where Vault's Go HTTP stack decides, and clients rely on them. */
class HttpWireDetailsTest {

    static CofferServer server;
    static Http http;
    static final String ROOT = DevServer.ROOT_TOKEN;

    @BeforeAll
    static void start() {
        server = DevServer.start();
        http = new Http(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void plusInPath_isAPlusNotASpace() {
        assertThat(http.put("/v1/secret/data/lang/c++", ROOT, "{\"data\":{\"k\":\"v\"}}").status()).isEqualTo(200);
        assertThat(http.get("/v1/secret/data/lang/c%2B%2B", ROOT).status()).isEqualTo(200);
        Http.Reply list = http.send("LIST", "/v1/secret/metadata/lang", ROOT, null);
        assertThat(list.json().get("data").toString()).contains("c++").doesNotContain("c  ");
    }

    @Test
    void listParameter_followsGoParseBool() {
        http.put("/v1/secret/data/folder/a", ROOT, "{\"data\":{\"k\":\"v\"}}");
        for (String yes : new String[] {"true", "1", "t", "T", "TRUE", "True"}) {
            assertThat(http.get("/v1/secret/metadata/folder?list=" + yes, ROOT).json().get("data").toString())
                    .as(yes).contains("keys");
        }
        assertThat(http.get("/v1/secret/metadata/folder?list=yes", ROOT).status()).isEqualTo(400);
        // list=false is a plain read of the key "folder", which has no metadata of its own.
        assertThat(http.get("/v1/secret/metadata/folder?list=false", ROOT).status()).isEqualTo(404);
    }

    @Test
    void wrapTtlHeader_isRefusedRatherThanAnsweredInPlaintext() {
        http.put("/v1/secret/data/wrapped", ROOT, "{\"data\":{\"password\":\"never-unwrapped\"}}");
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "/v1/secret/data/wrapped"))
                .header("X-Vault-Token", ROOT).header("X-Vault-Wrap-TTL", "60s").build();
        try {
            var r = java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("wrapping").doesNotContain("never-unwrapped");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void requestId_isTheSameInEnvelopeAndErrorsAreUnique() {
        Map<String, Object> a = http.get("/v1/sys/mounts", ROOT).json();
        Map<String, Object> b = http.get("/v1/sys/mounts", ROOT).json();
        assertThat(a.get("request_id")).isNotEqualTo(b.get("request_id"));
    }

    @Test
    void hugeInitParameters_are400NotServerErrors() throws java.io.IOException {
        CofferServer fresh = CofferServer.start(io.coffer.server.config.ServerConfig.builder().listen("127.0.0.1:0")
                .dataDir(java.nio.file.Files.createTempDirectory("coffer-wire")).tlsDisable(true).build(), c -> new io.coffer.core.storage.InMemoryStorage());
        try {
            Http h = new Http(fresh.url());
            assertThat(h.put("/v1/sys/init", null, "{\"secret_shares\":4294967297,\"secret_threshold\":2}").status()).isEqualTo(400);
            assertThat(h.put("/v1/sys/init", null, "{\"secret_shares\":3,\"secret_threshold\":-1}").status()).isEqualTo(400);
        } finally {
            fresh.close();
        }
    }
}
