package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A login's token_bound_cidrs travel with its token and are enforced on every use. */
class BoundCidrTokenTest {

    static CofferServer server;
    static Http http;
    static final String ROOT = DevServer.ROOT_TOKEN;

    @BeforeAll
    static void start() {
        server = DevServer.start();
        http = new Http(server.url());
        assertThat(http.put("/v1/sys/auth/approle", ROOT, "{\"type\":\"approle\"}").status()).isEqualTo(204);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void tokenBoundElsewhere_doesNotAuthenticateFromHere() {
        assertThat(login("far", "10.0.0.0/8").status()).isEqualTo(200);
        String token = clientToken(login("far", "10.0.0.0/8"));
        Http.Reply r = http.get("/v1/auth/token/lookup-self", token);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("{\"errors\":[\"permission denied\"]}");
    }

    @Test
    void tokenBoundToLoopback_works() {
        String token = clientToken(login("near", "127.0.0.0/8"));
        Http.Reply r = http.get("/v1/auth/token/lookup-self", token);
        assertThat(r.status()).isEqualTo(200);
    }

    private static Http.Reply login(String role, String cidr) {
        assertThat(http.put("/v1/auth/approle/role/" + role, ROOT,
                Http.json(Map.of("token_bound_cidrs", cidr, "token_policies", "default"))).status()).isEqualTo(204);
        @SuppressWarnings("unchecked")
        String roleId = (String) ((Map<String, Object>) http.get("/v1/auth/approle/role/" + role + "/role-id", ROOT).json().get("data"))
                .get("role_id");
        @SuppressWarnings("unchecked")
        String secretId = (String) ((Map<String, Object>) http.put("/v1/auth/approle/role/" + role + "/secret-id", ROOT, "{}")
                .json().get("data")).get("secret_id");
        return http.put("/v1/auth/approle/login", null, Http.json(Map.of("role_id", roleId, "secret_id", secretId)));
    }

    @SuppressWarnings("unchecked")
    private static String clientToken(Http.Reply login) {
        assertThat(login.status()).isEqualTo(200);
        return (String) ((Map<String, Object>) login.json().get("auth")).get("client_token");
    }
}
