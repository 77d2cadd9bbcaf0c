package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.storage.InMemoryStorage;
import io.coffer.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sys/init, unseal, seal, seal-status and health over HTTP, with Vault's codes and bodies. */
class SealLifecycleTest {

    @TempDir
    Path dir;

    private CofferServer server;
    private Http http;

    @BeforeEach
    void start() {
        ServerConfig config = ServerConfig.builder().listen("127.0.0.1:0").dataDir(dir).tlsDisable(true).build();
        server = CofferServer.start(config, c -> new InMemoryStorage());
        http = new Http(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void health_reportsEachStateWithVaultsCodesAndAJsonBody() {
        Http.Reply uninit = http.get("/v1/sys/health", null);
        assertThat(uninit.status()).isEqualTo(501);
        assertThat(uninit.json()).containsEntry("initialized", false).containsEntry("sealed", true);
        assertThat(uninit.header("Cache-Control")).isEqualTo("no-store");
        assertThat(http.send("HEAD", "/v1/sys/health", null, null).status()).isEqualTo(501);
        assertThat(http.get("/v1/sys/health?uninitcode=200", null).status()).isEqualTo(200);

        Map<String, Object> init = init(3, 2);
        Http.Reply sealed = http.get("/v1/sys/health", null);
        assertThat(sealed.status()).isEqualTo(503);
        assertThat(sealed.json()).containsEntry("initialized", true).containsEntry("sealed", true);
        assertThat(http.get("/v1/sys/health?sealedcode=299", null).status()).isEqualTo(299);

        unsealWith(keys(init).subList(0, 2));
        Http.Reply active = http.get("/v1/sys/health", null);
        assertThat(active.status()).isEqualTo(200);
        assertThat(active.json()).containsEntry("sealed", false).containsEntry("standby", false).containsKey("cluster_id");
        assertThat(http.get("/v1/sys/health?activecode=204", null).status()).isEqualTo(204);
        assertThat(http.get("/v1/sys/health?standbyok=true", null).status()).isEqualTo(200);
        assertThat(http.get("/v1/sys/health?activecode=abc", null).status()).isEqualTo(400);
    }

    @Test
    void init_returnsKeysAndRootTokenOnceAndRefusesASecondInit() {
        assertThat(http.get("/v1/sys/init", null).json()).containsEntry("initialized", false);
        Map<String, Object> init = init(5, 3);
        assertThat(keys(init)).hasSize(5);
        assertThat((List<?>) init.get("keys_base64")).hasSize(5);
        assertThat((String) init.get("root_token")).startsWith("hvs.");
        assertThat(http.get("/v1/sys/init", null).json()).containsEntry("initialized", true);

        Http.Reply again = http.put("/v1/sys/init", null, "{\"secret_shares\":1,\"secret_threshold\":1}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json()).containsEntry("errors", List.of("Vault is already initialized"));
    }

    @Test
    void init_rejectsInvalidShareConfiguration() {
        assertThat(http.put("/v1/sys/init", null, "{\"secret_shares\":2,\"secret_threshold\":3}").status()).isEqualTo(400);
        assertThat(http.put("/v1/sys/init", null, "{\"secret_shares\":\"x\",\"secret_threshold\":3}").status()).isEqualTo(400);
        assertThat(http.put("/v1/sys/init", null, "[1,2]").status()).isEqualTo(400);
        assertThat(http.get("/v1/sys/init", null).json()).containsEntry("initialized", false);
    }

    @Test
    void unseal_reportsProgressRejectsBadSharesAndUnsealsAtThreshold() {
        Map<String, Object> init = init(5, 3);
        List<String> keys = keys(init);
        String root = (String) init.get("root_token");

        Http.Reply sealedRead = http.get("/v1/sys/mounts", root);
        assertThat(sealedRead.status()).isEqualTo(503);
        assertThat(sealedRead.json()).containsEntry("errors", List.of("Vault is sealed"));

        Map<String, Object> first = http.put("/v1/sys/unseal", null, Http.json(Map.of("key", keys.get(0)))).json();
        assertThat(first).containsEntry("sealed", true).containsEntry("progress", 1).containsEntry("t", 3).containsEntry("n", 5);

        Http.Reply duplicate = http.put("/v1/sys/unseal", null, Http.json(Map.of("key", keys.get(0))));
        assertThat(duplicate.status()).isEqualTo(400);
        Http.Reply malformed = http.put("/v1/sys/unseal", null, "{\"key\":\"zz-not-a-key\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").toString()).contains("hex or base64");
        assertThat(http.put("/v1/sys/unseal", null, "{}").status()).isEqualTo(400);

        Map<String, Object> reset = http.put("/v1/sys/unseal", null, "{\"reset\":true}").json();
        assertThat(reset).containsEntry("progress", 0);

        unsealWith(keys.subList(2, 5));
        assertThat(http.get("/v1/sys/seal-status", null).json()).containsEntry("sealed", false).containsKey("cluster_name");
        assertThat(http.get("/v1/sys/mounts", root).status()).isEqualTo(200);

        assertThat(http.put("/v1/sys/seal", root, null).status()).isEqualTo(204);
        assertThat(http.get("/v1/sys/seal-status", null).json()).containsEntry("sealed", true).doesNotContainKey("cluster_name");
    }

    @Test
    void unseal_forgedShareIsReportedAndNeverUnseals() {
        List<String> keys = keys(init(3, 2));
        char[] forged = keys.get(1).toCharArray();
        forged[3] = forged[3] == 'a' ? 'b' : 'a';
        http.put("/v1/sys/unseal", null, Http.json(Map.of("key", keys.get(0))));
        Http.Reply r = http.put("/v1/sys/unseal", null, Http.json(Map.of("key", new String(forged))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("do not combine").doesNotContain(keys.get(0)).doesNotContain(new String(forged));
        assertThat(http.get("/v1/sys/seal-status", null).json()).containsEntry("sealed", true).containsEntry("progress", 0);
    }

    @Test
    void tokens_missingOrUnknownGet403AndBothHeadersAuthenticate() {
        Map<String, Object> init = init(1, 1);
        unsealWith(keys(init));
        String root = (String) init.get("root_token");
        assertThat(http.get("/v1/sys/mounts", null).json()).containsEntry("errors", List.of("permission denied"));
        assertThat(http.get("/v1/sys/mounts", "hvs.bogus").status()).isEqualTo(403);
        assertThat(http.get("/v1/sys/mounts", root).status()).isEqualTo(200);
        Http.Reply bearer = http.send("GET", "/v1/sys/mounts", null, null);
        assertThat(bearer.status()).isEqualTo(403);
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "/v1/sys/mounts"))
                .header("Authorization", "Bearer " + root).build();
        try {
            assertThat(java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Map<String, Object> init(int shares, int threshold) {
        Http.Reply r = http.put("/v1/sys/init", null, Http.json(Map.of("secret_shares", shares, "secret_threshold", threshold)));
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    @SuppressWarnings("unchecked")
    private static List<String> keys(Map<String, Object> init) {
        return (List<String>) init.get("keys");
    }

    private void unsealWith(List<String> keys) {
        Map<String, Object> last = null;
        for (String k : keys) {
            last = http.put("/v1/sys/unseal", null, Http.json(Map.of("key", k))).json();
        }
        assertThat(last).containsEntry("sealed", false);
    }
}
