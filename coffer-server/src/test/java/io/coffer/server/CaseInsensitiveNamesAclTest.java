package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AppRole roles, userpass users and JWT/Kubernetes roles are looked up case-insensitively (as in
 * Vault). The ACL must see the name the engine acts on: a policy that denies {@code role/admin}
 * also denies {@code role/ADMIN}, and one that grants {@code role/web} also grants
 * {@code role/WEB}. Through the real HTTP server.
 */
class CaseInsensitiveNamesAclTest {

    private static final String ROOT = DevServer.ROOT_TOKEN;
    private static CofferServer server;
    private static Http http;
    private static String operator;

    @BeforeAll
    static void start() {
        server = DevServer.startWithAuthMethods("approle", "userpass", "jwt");
        http = new Http(server.url());
        assertThat(http.put("/v1/sys/policies/acl/operator", ROOT, Http.json(Map.of("policy", """
                path "auth/approle/role/*" { capabilities = ["create", "read", "update", "delete"] }
                path "auth/approle/role/admin" { capabilities = ["deny"] }
                path "auth/approle/role/admin/*" { capabilities = ["deny"] }
                path "auth/userpass/users/*" { capabilities = ["create", "read", "update"] }
                path "auth/userpass/users/alice" { capabilities = ["deny"] }
                path "auth/userpass/users/alice/*" { capabilities = ["deny"] }
                path "auth/jwt/role/*" { capabilities = ["create", "read", "update"] }
                path "auth/jwt/role/deploy" { capabilities = ["deny"] }
                """))).status()).isEqualTo(204);
        assertThat(http.put("/v1/auth/approle/role/admin", ROOT, "{\"token_policies\":[\"dev\"]}").status()).isEqualTo(204);
        assertThat(http.put("/v1/auth/userpass/users/alice", ROOT, "{\"password\":\"long-enough-pw\"}").status()).isEqualTo(204);
        assertThat(http.put("/v1/auth/jwt/role/deploy", ROOT, Http.json(Map.of("role_type", "jwt", "user_claim", "sub",
                "bound_audiences", "coffer", "token_policies", "dev"))).status()).isEqualTo(204);
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) http.put("/v1/auth/token/create", ROOT,
                Http.json(Map.of("policies", List.of("operator")))).json().get("auth");
        operator = (String) a.get("client_token");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void deniedNames_stayDeniedInAnyCase() {
        for (String name : List.of("admin", "ADMIN", "Admin", "aDmIn")) {
            assertThat(http.put("/v1/auth/approle/role/" + name, operator, "{\"token_policies\":[\"admin\"]}").status())
                    .as(name).isEqualTo(403);
            assertThat(http.get("/v1/auth/approle/role/" + name + "/role-id", operator).status()).as(name).isEqualTo(403);
            assertThat(http.put("/v1/auth/approle/role/" + name + "/secret-id", operator, "{}").status()).as(name).isEqualTo(403);
            assertThat(http.put("/v1/auth/approle/role/" + name + "/policies", operator, "{\"token_policies\":[\"admin\"]}")
                    .status()).as(name).isEqualTo(403);
        }
        for (String name : List.of("ALICE", "Alice")) {
            assertThat(http.put("/v1/auth/userpass/users/" + name + "/password", operator, "{\"password\":\"taken-over-pw\"}")
                    .status()).as(name).isEqualTo(403);
            assertThat(http.put("/v1/auth/userpass/users/" + name, operator, "{\"token_policies\":[\"admin\"]}").status())
                    .as(name).isEqualTo(403);
        }
        assertThat(http.put("/v1/auth/jwt/role/DEPLOY", operator, Http.json(Map.of("token_policies", "admin"))).status())
                .isEqualTo(403);
        assertThat(http.get("/v1/auth/approle/role/admin", ROOT).body()).contains("\"token_policies\":[\"dev\"]");
        assertThat(http.put("/v1/auth/userpass/login/alice", null, "{\"password\":\"long-enough-pw\"}").status()).isEqualTo(200);
    }

    @Test
    void grantedNames_areGrantedInAnyCase() {
        assertThat(http.put("/v1/auth/approle/role/WEB", operator, "{\"token_policies\":[\"dev\"]}").status()).isEqualTo(204);
        assertThat(http.get("/v1/auth/approle/role/web", operator).status()).isEqualTo(200);
        assertThat(http.get("/v1/auth/approle/role/Web/role-id", operator).status()).isEqualTo(200);
    }

    /** A new management route that names a role or user must declare it, or the deny bypass is back. */
    @Test
    void everyManagementRouteWithACaseInsensitiveName_declaresIt() {
        java.util.regex.Pattern nameGroup = java.util.regex.Pattern.compile(
                "\\(\\?<([a-zA-Z]+)>" + java.util.regex.Pattern.quote(io.coffer.core.auth.Names.PATTERN) + "\\)");
        int checked = 0;
        for (String mount : List.of("approle/", "userpass/", "jwt/")) {
            var engine = server.node().handler().authMounts().match(mount).orElseThrow().mount().engine();
            for (var route : engine.routes()) {
                String pattern = route.pattern().pattern();
                if (pattern.startsWith("login")) {
                    continue; // unauthenticated: no ACL to sidestep
                }
                var m = nameGroup.matcher(pattern);
                while (m.find()) {
                    assertThat(route.canonicalNames()).as(mount + pattern).containsKey(m.group(1));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(15);
    }
}
