package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.mount.MountEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The userpass auth method over the real HTTP server. */
class UserpassHttpTest {

    static final String ROOT = DevServer.ROOT_TOKEN;
    static CofferServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = DevServer.start();
        http = new Http(server.url());
        server.node().handler().authMounts().mount("userpass/", "userpass", "", Map.of(), MountEntry.MountConfig.DEFAULT);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void userAndLogin_answerAsVaultDoes() {
        assertThat(http.put("/v1/auth/userpass/users/alice", ROOT, "{\"password\":\"s3cr3t-pw\",\"token_policies\":\"dev\","
                + "\"token_ttl\":\"1h\"}").status()).isEqualTo(204);

        Http.Reply read = http.get("/v1/auth/userpass/users/alice", ROOT);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).doesNotContain("s3cr3t-pw").doesNotContain("password");
        assertThat(http.send("LIST", "/v1/auth/userpass/users", ROOT, null).body()).contains("\"keys\":[\"alice\"");

        Http.Reply login = http.put("/v1/auth/userpass/login/alice", null, "{\"password\":\"s3cr3t-pw\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> auth = (Map<String, Object>) login.json().get("auth");
        assertThat((String) auth.get("client_token")).startsWith("hvs.");
        assertThat(auth).containsEntry("policies", List.of("default", "dev")).containsEntry("metadata", Map.of("username", "alice"))
                .containsEntry("lease_duration", 3600).containsEntry("renewable", true);
        assertThat(login.body()).doesNotContain("s3cr3t-pw");
    }

    @Test
    void wrongPasswordAndUnknownUser_getTheSameAnswer() {
        http.put("/v1/auth/userpass/users/bob", ROOT, "{\"password\":\"right\"}");
        Http.Reply wrong = http.put("/v1/auth/userpass/login/bob", null, "{\"password\":\"wrong\"}");
        Http.Reply unknown = http.put("/v1/auth/userpass/login/nobody", null, "{\"password\":\"right\"}");
        for (Http.Reply r : List.of(wrong, unknown)) {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).isEqualTo("{\"errors\":[\"invalid username or password\"]}");
        }
        assertThat(http.put("/v1/auth/userpass/login/bob", null, "{}").body()).isEqualTo("{\"errors\":[\"missing password\"]}");
    }

    @Test
    void passwordReset_andDelete() {
        http.put("/v1/auth/userpass/users/carol", ROOT, "{\"password\":\"one\"}");
        assertThat(http.put("/v1/auth/userpass/users/carol/password", ROOT, "{\"password\":\"two\"}").status()).isEqualTo(204);
        assertThat(http.put("/v1/auth/userpass/login/carol", null, "{\"password\":\"one\"}").status()).isEqualTo(400);
        assertThat(http.put("/v1/auth/userpass/login/carol", null, "{\"password\":\"two\"}").status()).isEqualTo(200);
        assertThat(http.send("DELETE", "/v1/auth/userpass/users/carol", ROOT, null).status()).isEqualTo(204);
        assertThat(http.put("/v1/auth/userpass/login/carol", null, "{\"password\":\"two\"}").status()).isEqualTo(400);
    }

    @Test
    void boundCidrs_outsideTheBlockIsForbidden() {
        http.put("/v1/auth/userpass/users/dave", ROOT, "{\"password\":\"pw\",\"token_bound_cidrs\":\"10.0.0.0/8\"}");
        Http.Reply r = http.put("/v1/auth/userpass/login/dave", null, "{\"password\":\"pw\"}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("{\"errors\":[\"permission denied\"]}");
    }
}
