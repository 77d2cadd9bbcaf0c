package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A policy name that only looks like {@code root} (a Unicode space after it, a zero-width
 * character inside it) used to pass every "no root" check and then resolve to {@code root} in
 * the ACL. Through the real HTTP server, a non-root administrator that may create tokens, token
 * roles, AppRole roles, userpass users and access keys is now refused with a 400 for every such
 * name, and the names that are accepted are exactly the ones the token then shows and is
 * authorized by.
 */
class PolicyNameEscalationHttpTest {

    private static final String ROOT = DevServer.ROOT_TOKEN;
    private static CofferServer server;
    private static Http http;
    private static String admin;

    @BeforeAll
    static void start() {
        server = DevServer.startWithAuthMethods("approle", "userpass", "jwt", "kubernetes");
        http = new Http(server.url());
        // A delegated administrator: everything about tokens and auth methods, nothing in sys/.
        writePolicy("auth-admin", """
                path "auth/token/create*" { capabilities = ["update", "sudo"] }
                path "auth/approle/role/*" { capabilities = ["create", "read", "update"] }
                path "auth/userpass/users/*" { capabilities = ["create", "read", "update"] }
                path "auth/approle/role/+/policies" { capabilities = ["create", "update"] }
                path "auth/userpass/users/+/policies" { capabilities = ["create", "update"] }
                path "auth/jwt/role/*" { capabilities = ["create", "read", "update"] }
                path "auth/kubernetes/role/*" { capabilities = ["create", "read", "update"] }
                path "auth/sigv4/keys" { capabilities = ["update"] }
                """);
        writePolicy("dev", "path \"secret/data/dev/*\" { capabilities = [\"read\"] }");
        assertThat(http.put("/v1/auth/token/roles/open", ROOT, "{\"disallowed_policies\":[\"root\"]}").status()).isEqualTo(204);
        assertThat(http.put("/v1/auth/token/roles/globbed", ROOT, "{\"allowed_policies_glob\":[\"*\"]}").status()).isEqualTo(204);
        admin = token(http.put("/v1/auth/token/create", ROOT, Http.json(Map.of("policies", List.of("auth-admin")))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void writePolicy(String name, String document) {
        assertThat(http.put("/v1/sys/policies/acl/" + name, ROOT, Http.json(Map.of("policy", document))).status()).isEqualTo(204);
    }

    @SuppressWarnings("unchecked")
    private static String token(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return (String) ((Map<String, Object>) reply.json().get("auth")).get("client_token");
    }

    /** The reply is a 400 whose body names no raw character of the request. */
    private static void assertRefused(Http.Reply reply, String name) {
        assertThat(reply.status()).as("status for %s: %s", escape(name), reply.body()).isEqualTo(400);
        String odd = name.replaceAll("[\\x20-\\x7e]", "");
        for (int i = 0; i < odd.length(); i++) {
            assertThat(reply.body()).doesNotContain(String.valueOf(odd.charAt(i)));
        }
        // Not even as a JSON escape: the message names the code point as U+XXXX.
        assertThat(reply.body()).doesNotContain("\\u");
    }

    private static String escape(String s) {
        return s.chars().mapToObj(c -> c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c))
                .reduce("", String::concat);
    }

    private static String body(String field, String name) {
        return Http.json(Map.of(field, List.of("dev", name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"root\u00a0", "root\u2003", "root\u3000", "\u2002root", "ro\u200bot", "root\ufeff", "r\u043eot"})
    void tokenCreate_byNonRootSudoToken_refusesLookalikeRoot(String name) {
        for (String path : List.of("create", "create-orphan", "create/open", "create/globbed")) {
            assertRefused(http.put("/v1/auth/token/" + path, admin, body("policies", name)), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"root\u2003", "ro\u200bot", "root\u00a0"})
    void tokenRole_refusesLookalikeNamesInEveryPolicyList(String name) {
        for (String field : List.of("allowed_policies", "disallowed_policies", "allowed_policies_glob", "disallowed_policies_glob")) {
            assertRefused(http.put("/v1/auth/token/roles/tricky", ROOT, body(field, name)), name);
        }
        assertThat(http.get("/v1/auth/token/roles/tricky", ROOT).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"root\u2003", "root\u205f", "ro\u200bot", "root\u00a0", "ROOT", "Root"})
    void authMethodRolesUsersAndAccessKeys_refuseLookalikeRoot(String name) {
        assertRefused(http.put("/v1/auth/approle/role/escalate", admin, body("token_policies", name)), name);
        assertRefused(http.put("/v1/auth/approle/role/escalate", admin, body("policies", name)), name);
        assertRefused(http.put("/v1/auth/userpass/users/mallory", admin,
                Http.json(Map.of("password", "long-enough-pw", "token_policies", List.of(name)))), name);
        assertRefused(http.put("/v1/auth/jwt/role/escalate", admin, Http.json(Map.of("role_type", "jwt", "user_claim", "sub",
                "bound_audiences", "coffer", "token_policies", List.of(name)))), name);
        assertRefused(http.put("/v1/auth/kubernetes/role/escalate", admin, Http.json(Map.of("bound_service_account_names", "web",
                "bound_service_account_namespaces", "prod", "token_policies", List.of(name)))), name);
        assertRefused(http.send("POST", "/v1/auth/sigv4/keys", admin, body("policies", name)), name);
        assertThat(http.get("/v1/auth/approle/role/escalate", ROOT).status()).isEqualTo(404);
        assertThat(http.get("/v1/auth/userpass/users/mallory", ROOT).status()).isEqualTo(404);

        // The one-setting endpoints of an existing role or user.
        assertThat(http.put("/v1/auth/approle/role/existing", ROOT, "{\"token_policies\":[\"dev\"]}").status()).isEqualTo(204);
        assertThat(http.put("/v1/auth/userpass/users/existing", ROOT, "{\"password\":\"long-enough-pw\",\"token_policies\":[\"dev\"]}")
                .status()).isEqualTo(204);
        assertRefused(http.put("/v1/auth/approle/role/existing/policies", admin, body("token_policies", name)), name);
        assertRefused(http.put("/v1/auth/userpass/users/existing/policies", admin, body("token_policies", name)), name);
        assertThat(http.get("/v1/auth/approle/role/existing", ROOT).body()).contains("\"token_policies\":[\"dev\"]");
        assertThat(http.get("/v1/auth/userpass/users/existing", ROOT).body()).contains("\"token_policies\":[\"dev\"]");
    }

    @Test
    void policyCrud_refusesNamesWithInvisibleOrLookalikeCharacters() {
        for (String encoded : List.of("admin%E2%80%8B", "admin%C2%A0", "adm%C4%B1n", "ad%20min", "admin%00")) {
            Http.Reply put = http.put("/v1/sys/policies/acl/" + encoded, ROOT, Http.json(Map.of("policy", "path \"*\" { capabilities = [\"read\"] }")));
            assertThat(put.status()).as(encoded + ": " + put.body()).isEqualTo(400);
            assertThat(http.put("/v1/sys/policy/" + encoded, ROOT, Http.json(Map.of("policy", "path \"*\" { capabilities = [\"read\"] }")))
                    .status()).as(encoded).isEqualTo(400);
        }
        assertThat(http.get("/v1/sys/policies/acl", ROOT).body()).doesNotContain("adm");
    }

    @Test
    @SuppressWarnings("unchecked")
    void acceptedNames_areTheOnesTheTokenShowsAndIsAuthorizedBy() {
        String child = token(http.put("/v1/auth/token/create", admin, "{\"policies\":[\" Dev \"]}"));
        Map<String, Object> self = (Map<String, Object>) http.get("/v1/auth/token/lookup-self", child).json().get("data");
        assertThat(self.get("policies")).isEqualTo(List.of("default", "dev"));
        assertThat(http.send("POST", "/v1/sys/capabilities-self", child, "{\"paths\":[\"secret/data/dev/x\"]}").body())
                .contains("\"read\"");
        assertThat(http.get("/v1/sys/policies/acl/dev", child).status()).isEqualTo(403);

        assertThat(http.put("/v1/auth/approle/role/web", admin, "{\"token_policies\":[\"Dev\"],\"bind_secret_id\":false,"
                + "\"secret_id_bound_cidrs\":\"127.0.0.0/8\"}").status()).isEqualTo(204);
        Map<String, Object> role = (Map<String, Object>) http.get("/v1/auth/approle/role/web", ROOT).json().get("data");
        assertThat(role.get("token_policies")).isEqualTo(List.of("dev"));
    }
}
