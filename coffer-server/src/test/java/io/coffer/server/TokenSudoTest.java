package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Token operations that Vault reserves for sudo callers follow the caller's ACL, not only the root policy. */
class TokenSudoTest {

    static CofferServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = DevServer.start();
        http = new Http(server.url());
        String root = DevServer.ROOT_TOKEN;
        assertThat(http.put("/v1/sys/policies/acl/creator", root,
                Http.json(Map.of("policy", "path \"auth/token/create\" { capabilities = [\"update\"] }"))).status()).isEqualTo(204);
        assertThat(http.put("/v1/sys/policies/acl/sudo-creator", root,
                Http.json(Map.of("policy", "path \"auth/token/create\" { capabilities = [\"update\", \"sudo\"] }"))).status())
                .isEqualTo(204);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void orphanCreation_needsSudoOnThePath() {
        String plain = createToken(DevServer.ROOT_TOKEN, "creator");
        String sudo = createToken(DevServer.ROOT_TOKEN, "sudo-creator");

        Http.Reply refused = http.put("/v1/auth/token/create", plain, "{\"no_parent\":true,\"policies\":[\"default\"]}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("sudo");

        Http.Reply allowed = http.put("/v1/auth/token/create", sudo, "{\"no_parent\":true,\"policies\":[\"default\"]}");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.json().get("auth").toString()).contains("orphan=true");
    }

    @Test
    void childOfNonRootToken_isNotAnOrphanAndGetsSubsetOfPolicies() {
        String plain = createToken(DevServer.ROOT_TOKEN, "creator");
        Http.Reply child = http.put("/v1/auth/token/create", plain, "{\"policies\":[\"creator\"]}");
        assertThat(child.status()).isEqualTo(200);
        assertThat(child.json().get("auth").toString()).contains("orphan=false");
        assertThat(http.put("/v1/auth/token/create", plain, "{\"policies\":[\"sudo-creator\"]}").status()).isEqualTo(400);
    }

    @SuppressWarnings("unchecked")
    private static String createToken(String parent, String policy) {
        Http.Reply r = http.put("/v1/auth/token/create", parent, Http.json(Map.of("policies", java.util.List.of(policy))));
        assertThat(r.status()).isEqualTo(200);
        return (String) ((Map<String, Object>) r.json().get("auth")).get("client_token");
    }
}
