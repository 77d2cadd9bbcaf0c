package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests of non-root tokens through the real HTTP server are allowed or refused by their policies. */
class AclEnforcementTest {

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

    private static void policy(String name, String document) {
        assertThat(http.put("/v1/sys/policies/acl/" + name, ROOT, Http.json(Map.of("policy", document))).status())
                .isIn(200, 204);
    }

    private static Http.Reply write(String path, String token, Map<String, Object> data) {
        return http.put("/v1/" + path, token, Http.json(Map.of("data", data)));
    }

    private static void assertDenied(Http.Reply r) {
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json()).isEqualTo(Map.of("errors", List.of("permission denied")));
    }

    @Test
    void readOnlyToken_readsButCannotWriteListOrDelete() {
        assertThat(write("secret/data/ro/config", ROOT, Map.of("password", "pw-1")).status()).isEqualTo(200);
        policy("ro", "path \"secret/data/ro/*\" { capabilities = [\"read\"] }");
        String token = TestTokens.mint(server, "ro");

        Http.Reply read = http.get("/v1/secret/data/ro/config", token);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).contains("pw-1");

        Http.Reply denied = write("secret/data/ro/config", token, Map.of("password", "stolen"));
        assertDenied(denied);
        assertDenied(http.send("LIST", "/v1/secret/metadata/ro", token, null));
        assertDenied(http.send("DELETE", "/v1/secret/data/ro/config", token, null));
        assertDenied(http.get("/v1/secret/data/elsewhere", token));
        assertThat(http.get("/v1/secret/data/ro/config", ROOT).body()).contains("pw-1").doesNotContain("stolen");
    }

    @Test
    void kvWrites_areCreateForNewKeysAndUpdateForExistingOnes() {
        policy("creator", "path \"secret/data/cu/*\" { capabilities = [\"create\"] }");
        policy("updater", "path \"secret/data/cu/*\" { capabilities = [\"update\"] }");
        String creator = TestTokens.mint(server, "creator");
        String updater = TestTokens.mint(server, "updater");

        assertThat(write("secret/data/cu/one", creator, Map.of("v", "1")).status()).isEqualTo(200);
        assertDenied(write("secret/data/cu/one", creator, Map.of("v", "2")));

        assertDenied(write("secret/data/cu/two", updater, Map.of("v", "1")));
        assertThat(write("secret/data/cu/one", updater, Map.of("v", "2")).status()).isEqualTo(200);
        assertThat(http.get("/v1/secret/data/cu/one", ROOT).body()).contains("\"v\":\"2\"");
    }

    @Test
    void list_isCheckedOnTheFolderPathWithItsSlash() {
        write("secret/data/lst/a", ROOT, Map.of("k", "v"));
        policy("lister", "path \"secret/metadata/lst/*\" { capabilities = [\"list\"] }");
        String token = TestTokens.mint(server, "lister");
        Http.Reply viaVerb = http.send("LIST", "/v1/secret/metadata/lst", token, null);
        assertThat(viaVerb.status()).isEqualTo(200);
        assertThat(viaVerb.body()).contains("\"keys\":[\"a\"]");
        assertThat(http.get("/v1/secret/metadata/lst/?list=true", token).status()).isEqualTo(200);
        assertDenied(http.get("/v1/secret/metadata/lst/a", token));
    }

    @Test
    void sudoProtectedPaths_needSudo() {
        policy("rotate-no-sudo", "path \"sys/rotate\" { capabilities = [\"update\"] }");
        policy("rotate-sudo", "path \"sys/rotate\" { capabilities = [\"update\", \"sudo\"] }");
        assertDenied(http.put("/v1/sys/rotate", TestTokens.mint(server, "rotate-no-sudo"), "{}"));
        assertThat(http.put("/v1/sys/rotate", TestTokens.mint(server, "rotate-sudo"), "{}").status()).isEqualTo(204);
    }

    @Test
    void policyAdministration_needsOrdinaryCapabilitiesOnly() {
        policy("policy-admin", "path \"sys/policies/acl/*\" { capabilities = [\"read\", \"update\", \"delete\"] }");
        String admin = TestTokens.mint(server, "policy-admin");
        assertThat(http.put("/v1/sys/policies/acl/delegated", admin,
                Http.json(Map.of("policy", "path \"x\" { capabilities = [\"read\"] }"))).status()).isEqualTo(204);
        assertThat(http.get("/v1/sys/policies/acl/delegated", admin).status()).isEqualTo(200);
        assertDenied(http.send("LIST", "/v1/sys/policies/acl", admin, null));
        assertDenied(http.get("/v1/sys/policy/delegated", admin));
    }

    @Test
    void unknownPaths_areForbiddenRatherThanNotFoundForTokensWithoutAccess() {
        String token = TestTokens.mint(server);
        assertDenied(http.get("/v1/nomount/x", token));
        assertThat(http.get("/v1/nomount/x", ROOT).status()).isEqualTo(404);
    }

    @Test
    void policyChanges_applyToExistingTokensOnTheirNextRequest() {
        write("secret/data/live/x", ROOT, Map.of("k", "v"));
        String token = TestTokens.mint(server, "live");
        assertDenied(http.get("/v1/secret/data/live/x", token));
        policy("live", "path \"secret/data/live/*\" { capabilities = [\"read\"] }");
        assertThat(http.get("/v1/secret/data/live/x", token).status()).isEqualTo(200);
        policy("live", "path \"secret/data/live/*\" { capabilities = [\"deny\"] }");
        assertDenied(http.get("/v1/secret/data/live/x", token));
    }

    @Test
    void deniedRequests_haveNoSideEffects() {
        policy("nothing", "path \"secret/data/other/*\" { capabilities = [\"read\"] }");
        String token = TestTokens.mint(server, "nothing");
        assertDenied(http.send("POST", "/v1/sys/mounts/sneaky", token, Http.json(Map.of("type", "kv", "options", Map.of("version", "2")))));
        assertThat(http.get("/v1/sys/mounts", ROOT).json()).doesNotContainKey("sneaky/");
        assertDenied(http.put("/v1/sys/policies/acl/nothing", token, Http.json(Map.of("policy", "path \"*\" { capabilities = [\"sudo\"] }"))));
        assertThat(http.get("/v1/sys/policies/acl/nothing", ROOT).body()).contains("secret/data/other/*");
    }
}
