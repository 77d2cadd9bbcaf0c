package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code sys/policy}, {@code sys/policies/acl} and {@code sys/capabilities*} over HTTP, with Vault's exact shapes. */
class PolicyEndpointsTest {

    private static final String READ_APP = "path \"secret/data/app/*\" {\n  capabilities = [\"read\", \"list\"]\n}\n";

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

    private static Map<String, Object> data(Http.Reply r) {
        @SuppressWarnings("unchecked")
        Map<String, Object> d = (Map<String, Object>) r.json().get("data");
        return d;
    }

    private static Http.Reply putPolicy(String name, String document) {
        return http.put("/v1/sys/policies/acl/" + name, ROOT, Http.json(Map.of("policy", document)));
    }

    @Test
    void legacyList_returnsKeysAndPoliciesCopiedToTopLevel() {
        putPolicy("list-me", READ_APP);
        for (Http.Reply r : List.of(http.get("/v1/sys/policy", ROOT), http.send("LIST", "/v1/sys/policy", ROOT, null),
                http.get("/v1/sys/policy?list=true", ROOT), http.get("/v1/sys/policy/", ROOT))) {
            assertThat(r.status()).isEqualTo(200);
            @SuppressWarnings("unchecked")
            List<Object> keys = (List<Object>) data(r).get("keys");
            assertThat(keys).contains("default", "list-me").last().isEqualTo("root");
            assertThat(data(r).get("policies")).isEqualTo(keys);
            assertThat(r.json().get("keys")).isEqualTo(keys);
            assertThat(r.json().get("policies")).isEqualTo(keys);
            assertThat(r.json()).containsKeys("request_id", "lease_id", "renewable", "lease_duration", "wrap_info", "warnings", "auth");
        }
    }

    @Test
    void aclList_returnsKeysOnly() {
        Http.Reply r = http.send("LIST", "/v1/sys/policies/acl", ROOT, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(data(r)).containsOnlyKeys("keys");
        @SuppressWarnings("unchecked")
        List<Object> keys = (List<Object>) data(r).get("keys");
        assertThat(keys).contains("default").last().isEqualTo("root");
        assertThat(http.get("/v1/sys/policies/acl?list=true", ROOT).status()).isEqualTo(200);
        // Vault serves no plain read on the collection.
        assertThat(http.get("/v1/sys/policies/acl", ROOT).status()).isEqualTo(405);
    }

    @Test
    void read_defaultPolicyInBothShapes() {
        Http.Reply legacy = http.get("/v1/sys/policy/default", ROOT);
        assertThat(legacy.status()).isEqualTo(200);
        assertThat(data(legacy)).containsOnlyKeys("name", "rules").containsEntry("name", "default");
        assertThat((String) data(legacy).get("rules")).contains("path \"auth/token/lookup-self\"")
                .contains("path \"sys/capabilities-self\"").contains("path \"cubbyhole/*\"");
        assertThat(legacy.json().get("rules")).isEqualTo(data(legacy).get("rules"));

        Http.Reply acl = http.get("/v1/sys/policies/acl/default", ROOT);
        assertThat(data(acl)).containsOnlyKeys("name", "policy").containsEntry("name", "default");
        assertThat(data(acl).get("policy")).isEqualTo(data(legacy).get("rules"));
    }

    @Test
    void read_rootPolicyHasEmptyRules() {
        Http.Reply r = http.get("/v1/sys/policies/acl/root", ROOT);
        assertThat(r.status()).isEqualTo(200);
        assertThat(data(r)).containsEntry("name", "root").containsEntry("policy", "");
    }

    @Test
    void read_missingPolicyIsAnEmpty404() {
        Http.Reply r = http.get("/v1/sys/policies/acl/nope", ROOT);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json()).isEqualTo(Map.of("errors", List.of()));
        assertThat(http.get("/v1/sys/policy/nope", ROOT).status()).isEqualTo(404);
    }

    @Test
    void write_thenReadBackVerbatimUnderTheLowerCasedName() {
        Http.Reply w = putPolicy("App-Read", READ_APP);
        assertThat(w.status()).isEqualTo(200);
        assertThat(w.json().get("warnings")).isEqualTo(List.of("policy name was converted to app-read"));
        Http.Reply r = http.get("/v1/sys/policies/acl/app-read", ROOT);
        assertThat(data(r)).containsEntry("name", "app-read").containsEntry("policy", READ_APP);
        assertThat(putPolicy("app-read", READ_APP).status()).isEqualTo(204);
    }

    @Test
    void legacyWrite_acceptsRulesWithADeprecationWarning() {
        Http.Reply w = http.put("/v1/sys/policy/legacy", ROOT, Http.json(Map.of("rules", READ_APP)));
        assertThat(w.status()).isEqualTo(200);
        assertThat(w.json().get("warnings")).isEqualTo(List.of("'rules' is deprecated, please use 'policy' instead"));
        assertThat(data(http.get("/v1/sys/policy/legacy", ROOT))).containsEntry("rules", READ_APP);
        assertThat(http.put("/v1/sys/policy/legacy2", ROOT, Http.json(Map.of("policy", READ_APP))).status()).isEqualTo(204);
    }

    @Test
    void write_acceptsJsonAndBase64Documents() {
        String json = "{\"path\": {\"secret/data/json/*\": {\"capabilities\": [\"read\"]}}}";
        assertThat(putPolicy("json-doc", json).status()).isEqualTo(204);
        assertThat(data(http.get("/v1/sys/policies/acl/json-doc", ROOT))).containsEntry("policy", json);

        String encoded = Base64.getEncoder().encodeToString(READ_APP.getBytes(StandardCharsets.UTF_8));
        assertThat(putPolicy("b64-doc", encoded).status()).isEqualTo(204);
        assertThat(data(http.get("/v1/sys/policies/acl/b64-doc", ROOT))).containsEntry("policy", READ_APP);
    }

    @Test
    void write_unparsablePolicyIs400SayingWhereAndChangesNothing() {
        putPolicy("stable", READ_APP);
        Http.Reply syntax = putPolicy("stable", "path \"secret/*\" {\n  capabilities = [\"read\" \"list\"]\n}\n");
        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.json().get("errors")).isEqualTo(
                List.of("failed to parse policy: line 2, column 26: expected ',' or ']' in list, found string"));

        Http.Reply capability = putPolicy("stable", "path \"secret/*\" {\n  capabilities = [\"read\", \"wirte\"]\n}\n");
        assertThat(capability.status()).isEqualTo(400);
        assertThat(capability.json().get("errors"))
                .isEqualTo(List.of("failed to parse policy: path \"secret/*\" (line 1): invalid capability \"wirte\""));

        Http.Reply unclosed = putPolicy("fresh", "path \"secret/*\" {\n  capabilities = [\"read\"]\n");
        assertThat(unclosed.status()).isEqualTo(400);
        assertThat(unclosed.json().get("errors").toString()).contains("line 1, column 17: '{' is never closed");

        assertThat(data(http.get("/v1/sys/policies/acl/stable", ROOT))).containsEntry("policy", READ_APP);
        assertThat(http.get("/v1/sys/policies/acl/fresh", ROOT).status()).isEqualTo(404);
    }

    @Test
    void write_withoutDocumentIs400() {
        Http.Reply r = http.put("/v1/sys/policies/acl/empty", ROOT, "{}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors")).isEqualTo(List.of("'policy' parameter not supplied or empty"));
        // "rules" is only read by the legacy endpoint.
        assertThat(http.put("/v1/sys/policies/acl/empty", ROOT, Http.json(Map.of("rules", READ_APP))).status()).isEqualTo(400);
    }

    @Test
    void builtIns_rootIsImmutableAndDefaultUndeletable() {
        Http.Reply writeRoot = putPolicy("root", READ_APP);
        assertThat(writeRoot.status()).isEqualTo(400);
        assertThat(writeRoot.json().get("errors")).isEqualTo(List.of("cannot update \"root\" policy"));
        Http.Reply deleteRoot = http.send("DELETE", "/v1/sys/policies/acl/root", ROOT, null);
        assertThat(deleteRoot.status()).isEqualTo(400);
        assertThat(deleteRoot.json().get("errors")).isEqualTo(List.of("cannot delete \"root\" policy"));
        Http.Reply deleteDefault = http.send("DELETE", "/v1/sys/policy/default", ROOT, null);
        assertThat(deleteDefault.status()).isEqualTo(400);
        assertThat(deleteDefault.json().get("errors")).isEqualTo(List.of("cannot delete default policy"));
        assertThat(http.get("/v1/sys/policy/default", ROOT).status()).isEqualTo(200);
    }

    @Test
    void delete_isIdempotent() {
        putPolicy("doomed", READ_APP);
        assertThat(http.send("DELETE", "/v1/sys/policies/acl/doomed", ROOT, null).status()).isEqualTo(204);
        assertThat(http.get("/v1/sys/policies/acl/doomed", ROOT).status()).isEqualTo(404);
        assertThat(http.send("DELETE", "/v1/sys/policies/acl/doomed", ROOT, null).status()).isEqualTo(204);
    }

    @Test
    void capabilitiesSelf_answersPerPathAndTheLegacyKeyForOnePath() {
        putPolicy("caps", READ_APP + "path \"secret/data/app/admin\" { capabilities = [\"deny\"] }\n");
        String token = TestTokens.mint(server, "caps");

        Http.Reply many = http.put("/v1/sys/capabilities-self", token,
                Http.json(Map.of("paths", List.of("secret/data/app/x", "secret/data/app/admin", "secret/data/other"))));
        assertThat(many.status()).isEqualTo(200);
        assertThat(data(many)).containsOnlyKeys("secret/data/app/x", "secret/data/app/admin", "secret/data/other")
                .containsEntry("secret/data/app/x", List.of("list", "read"))
                .containsEntry("secret/data/app/admin", List.of("deny"))
                .containsEntry("secret/data/other", List.of("deny"));
        assertThat(many.json().get("secret/data/app/x")).isEqualTo(List.of("list", "read"));

        Http.Reply one = http.put("/v1/sys/capabilities-self", token, Http.json(Map.of("path", "secret/data/app/x")));
        assertThat(data(one)).containsEntry("secret/data/app/x", List.of("list", "read"))
                .containsEntry("capabilities", List.of("list", "read"));
        assertThat(one.json().get("capabilities")).isEqualTo(List.of("list", "read"));

        Http.Reply comma = http.put("/v1/sys/capabilities-self", token, Http.json(Map.of("paths", "sys/capabilities-self,sys/seal")));
        assertThat(data(comma)).containsEntry("sys/capabilities-self", List.of("update")).containsEntry("sys/seal", List.of("deny"));

        Http.Reply none = http.put("/v1/sys/capabilities-self", token, "{}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("errors")).isEqualTo(List.of("paths must be supplied"));
    }

    @Test
    void capabilitiesSelf_rootTokenHasRoot() {
        Http.Reply r = http.put("/v1/sys/capabilities-self", ROOT, Http.json(Map.of("paths", List.of("anything"))));
        assertThat(data(r)).containsEntry("anything", List.of("root")).containsEntry("capabilities", List.of("root"));
    }

    @Test
    void capabilities_ofAnotherTokenNeedsPermissionAndAValidToken() {
        putPolicy("caps-other", READ_APP);
        String token = TestTokens.mint(server, "caps-other");
        Http.Reply r = http.put("/v1/sys/capabilities", ROOT, Http.json(Map.of("token", token, "paths", List.of("secret/data/app/y"))));
        assertThat(r.status()).isEqualTo(200);
        assertThat(data(r)).containsEntry("secret/data/app/y", List.of("list", "read")).containsEntry("capabilities", List.of("list", "read"));

        Http.Reply invalid = http.put("/v1/sys/capabilities", ROOT, Http.json(Map.of("token", "hvs.not-a-real-token", "paths", "a")));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors")).isEqualTo(List.of("invalid token"));
        assertThat(invalid.body()).doesNotContain("hvs.not-a-real-token");

        assertThat(http.put("/v1/sys/capabilities", ROOT, Http.json(Map.of("paths", "a"))).status()).isEqualTo(400);
        // The default policy grants capabilities-self, not capabilities.
        Http.Reply denied = http.put("/v1/sys/capabilities", token, Http.json(Map.of("token", ROOT, "paths", "a")));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("errors")).isEqualTo(List.of("permission denied"));
    }
}
