package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.mount.MountEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AppRole auth method over the real HTTP server: exact wire answers, use counting, expiry, throttling. */
class AppRoleHttpTest {

    static final String ROOT = DevServer.ROOT_TOKEN;
    static CofferServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = DevServer.start();
        http = new Http(server.url());
        // sys/auth comes with the token auth work; until then the Java API enables the method.
        for (String path : List.of("approle/", "approle-race/", "approle-burst/")) {
            server.node().handler().authMounts().mount(path, "approle", "", Map.of(), MountEntry.MountConfig.DEFAULT);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String roleId(String mount, String role) {
        return (String) data(http.get("/v1/auth/" + mount + "/role/" + role + "/role-id", ROOT)).get("role_id");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return (Map<String, Object>) reply.json().get("data");
    }

    static Http.Reply login(String mount, String roleId, String secretId) {
        return http.put("/v1/auth/" + mount + "/login", null, Http.json(Map.of("role_id", roleId, "secret_id", secretId)));
    }

    @Test
    void roleCrud_answersAsVaultDoes() {
        assertThat(http.put("/v1/auth/approle/role/crud", ROOT, "{\"token_policies\":\"dev\",\"token_ttl\":\"20m\"}").status())
                .isEqualTo(204);

        Http.Reply read = http.get("/v1/auth/approle/role/crud", ROOT);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).contains("\"data\":{\"bind_secret_id\":true,\"local_secret_ids\":false,"
                + "\"secret_id_bound_cidrs\":null,\"secret_id_num_uses\":0,\"secret_id_ttl\":0,\"token_bound_cidrs\":[],"
                + "\"token_explicit_max_ttl\":0,\"token_max_ttl\":0,\"token_no_default_policy\":false,\"token_num_uses\":0,"
                + "\"token_period\":0,\"token_policies\":[\"dev\"],\"token_ttl\":1200,\"token_type\":\"default\"}");

        assertThat(data(http.send("LIST", "/v1/auth/approle/role", ROOT, null)).get("keys")).asString().contains("crud");
        assertThat(data(http.get("/v1/auth/approle/role?list=true", ROOT)).get("keys")).asString().contains("crud");

        assertThat(http.send("DELETE", "/v1/auth/approle/role/crud", ROOT, null).status()).isEqualTo(204);
        Http.Reply gone = http.get("/v1/auth/approle/role/crud", ROOT);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body()).isEqualTo("{\"errors\":[]}");
    }

    @Test
    void management_needsAToken() {
        assertThat(http.get("/v1/auth/approle/role", null).status()).isEqualTo(403);
        assertThat(http.put("/v1/auth/approle/role/x", "hvs.made-up", "{}").status()).isEqualTo(403);
    }

    @Test
    void secretIdAndLogin_answerWithVaultsFieldsAndAnAuthBlock() {
        http.put("/v1/auth/approle/role/web", ROOT, "{\"token_policies\":\"web\",\"token_ttl\":\"20m\",\"secret_id_num_uses\":10}");
        String roleId = roleId("approle", "web");

        Map<String, Object> issued = data(http.send("POST", "/v1/auth/approle/role/web/secret-id", ROOT, null));
        assertThat(issued.keySet()).containsExactly("secret_id", "secret_id_accessor", "secret_id_num_uses", "secret_id_ttl");
        assertThat(issued).containsEntry("secret_id_num_uses", 10).containsEntry("secret_id_ttl", 0);

        Http.Reply login = login("approle", roleId, (String) issued.get("secret_id"));

        assertThat(login.status()).as(login.body()).isEqualTo(200);
        Map<String, Object> body = login.json();
        assertThat(body).containsEntry("data", null).containsEntry("lease_id", "");
        @SuppressWarnings("unchecked")
        Map<String, Object> auth = (Map<String, Object>) body.get("auth");
        assertThat((String) auth.get("client_token")).startsWith("hvs.");
        assertThat((String) auth.get("accessor")).isNotEmpty();
        assertThat(auth).containsEntry("policies", List.of("default", "web")).containsEntry("token_policies", List.of("default", "web"))
                .containsEntry("metadata", Map.of("role_name", "web")).containsEntry("lease_duration", 1200)
                .containsEntry("renewable", true).containsEntry("token_type", "service").containsEntry("orphan", true);
        // The secret ID is the client's alone: it is not echoed anywhere in the login answer.
        assertThat(login.body()).doesNotContain((String) issued.get("secret_id"));
    }

    @Test
    void exhaustedSecretId_isDeniedOnReuseWithNothingChanged() {
        http.put("/v1/auth/approle/role/once", ROOT, "{}");
        String roleId = roleId("approle", "once");
        Map<String, Object> issued = data(http.put("/v1/auth/approle/role/once/secret-id", ROOT, "{\"num_uses\":1}"));
        String secretId = (String) issued.get("secret_id");

        assertThat(login("approle", roleId, secretId).status()).isEqualTo(200);
        Http.Reply reuse = login("approle", roleId, secretId);

        assertThat(reuse.status()).isEqualTo(400);
        assertThat(reuse.body()).isEqualTo("{\"errors\":[\"invalid role or secret ID\"]}");
        assertThat(http.put("/v1/auth/approle/role/once/secret-id/lookup", ROOT, Http.json(Map.of("secret_id", secretId))).status())
                .isEqualTo(204);
        assertThat(http.send("LIST", "/v1/auth/approle/role/once/secret-id", ROOT, null).status()).isEqualTo(404);
    }

    @Test
    void unknownRoleAndWrongSecret_getTheSameClearAnswer() {
        http.put("/v1/auth/approle/role/guarded", ROOT, "{}");
        String roleId = roleId("approle", "guarded");
        Http.Reply unknownRole = login("approle", "no-such-role", "whatever");
        Http.Reply wrongSecret = login("approle", roleId, "whatever");
        for (Http.Reply r : List.of(unknownRole, wrongSecret)) {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).isEqualTo("{\"errors\":[\"invalid role or secret ID\"]}");
        }
        Http.Reply missing = http.put("/v1/auth/approle/login", null, "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).isEqualTo("{\"errors\":[\"missing role_id\"]}");
        Http.Reply unknownRoleSecretId = http.put("/v1/auth/approle/role/nope/secret-id", ROOT, "{}");
        assertThat(unknownRoleSecretId.status()).isEqualTo(404);
        assertThat(unknownRoleSecretId.body()).isEqualTo("{\"errors\":[\"role \\\"nope\\\" does not exist\"]}");
    }

    @Test
    void accessorPaths_lookupListAndDestroy() {
        http.put("/v1/auth/approle/role/acc", ROOT, "{}");
        Map<String, Object> issued = data(http.put("/v1/auth/approle/role/acc/secret-id", ROOT, "{\"metadata\":\"env=prod\"}"));
        String accessor = (String) issued.get("secret_id_accessor");

        assertThat(data(http.send("LIST", "/v1/auth/approle/role/acc/secret-id", ROOT, null))).containsEntry("keys", List.of(accessor));
        Map<String, Object> lookup = data(http.put("/v1/auth/approle/role/acc/secret-id-accessor/lookup", ROOT,
                Http.json(Map.of("secret_id_accessor", accessor))));
        assertThat(lookup).containsEntry("metadata", Map.of("env", "prod")).containsEntry("secret_id_accessor", accessor)
                .containsEntry("expiration_time", "0001-01-01T00:00:00Z");
        assertThat(http.put("/v1/auth/approle/role/acc/secret-id-accessor/destroy", ROOT,
                Http.json(Map.of("secret_id_accessor", accessor))).status()).isEqualTo(204);
        assertThat(login("approle", roleId("approle", "acc"), (String) issued.get("secret_id")).status()).isEqualTo(400);
    }

    @Test
    void expiredSecretId_isDenied() throws InterruptedException {
        http.put("/v1/auth/approle/role/brief", ROOT, "{\"secret_id_ttl\":\"1s\"}");
        String secretId = (String) data(http.put("/v1/auth/approle/role/brief/secret-id", ROOT, "{}")).get("secret_id");
        Thread.sleep(1_200);
        Http.Reply late = login("approle", roleId("approle", "brief"), secretId);
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.body()).isEqualTo("{\"errors\":[\"invalid role or secret ID\"]}");
    }

    @Test
    void concurrentLogins_withAOneUseSecretId_exactlyOneSucceeds() throws Exception {
        http.put("/v1/auth/approle-race/role/race", ROOT, "{}");
        String roleId = roleId("approle-race", "race");
        String secretId = (String) data(http.put("/v1/auth/approle-race/role/race/secret-id", ROOT, "{\"num_uses\":1}"))
                .get("secret_id");
        int clients = 12;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                statuses.add(pool.submit(() -> {
                    go.await();
                    return new Http(server.url()).put("/v1/auth/approle-race/login", null,
                            Http.json(Map.of("role_id", roleId, "secret_id", secretId))).status();
                }));
            }
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : statuses) {
                codes.add(f.get());
            }
            assertThat(codes).filteredOn(c -> c == 200).hasSize(1);
            assertThat(codes).filteredOn(c -> c != 200).containsOnly(400);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void burstOfLogins_isAnswered429WithRetryAfter() throws Exception {
        int attempts = 100;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Http.Reply>> replies = new ArrayList<>();
            Http client = new Http(server.url());
            for (int i = 0; i < attempts; i++) {
                replies.add(pool.submit(() -> client.put("/v1/auth/approle-burst/login", null,
                        "{\"role_id\":\"guessed-role-id\",\"secret_id\":\"guessed\"}")));
            }
            List<Http.Reply> limited = new ArrayList<>();
            for (Future<Http.Reply> f : replies) {
                Http.Reply r = f.get();
                assertThat(r.status()).isIn(400, 429);
                if (r.status() == 429) {
                    limited.add(r);
                }
            }
            assertThat(limited).isNotEmpty();
            Http.Reply first = limited.get(0);
            assertThat(first.body()).isEqualTo("{\"errors\":[\"request path \\\"auth/approle-burst/login\\\": rate limit quota exceeded\"]}");
            assertThat(Long.parseLong(first.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(first.header("Cache-Control")).isEqualTo("no-store");
        } finally {
            pool.shutdownNow();
        }
    }
}
