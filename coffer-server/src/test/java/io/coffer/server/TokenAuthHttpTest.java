package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The exact wire shapes of auth/token/* and sys/auth over raw HTTP. */
class TokenAuthHttpTest {

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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> create(Map<String, Object> body) {
        Http.Reply r = http.put("/v1/auth/token/create", ROOT, Http.json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return map(r.json().get("auth"));
    }

    @Test
    void create_answersTheEnvelopeWithAnAuthBlock() {
        Http.Reply r = http.send("POST", "/v1/auth/token/create", ROOT,
                Http.json(Map.of("policies", List.of("dev"), "ttl", "1h", "num_uses", 0)));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        Map<String, Object> body = r.json();
        assertThat(body).containsKeys("request_id", "lease_id", "renewable", "lease_duration", "data", "wrap_info",
                "warnings", "auth").containsEntry("data", null).containsEntry("lease_duration", 0)
                .containsEntry("mount_type", "token");
        assertThat(map(body.get("auth"))).containsOnlyKeys("client_token", "accessor", "policies", "token_policies",
                "metadata", "lease_duration", "renewable", "entity_id", "token_type", "orphan", "mfa_requirement", "num_uses")
                .containsEntry("lease_duration", 3600).containsEntry("token_type", "service")
                .containsEntry("policies", List.of("default", "dev")).containsEntry("metadata", null);
    }

    @Test
    void lookupSelf_answersVaultsTokenData() {
        Map<String, Object> auth = create(Map.of("ttl", "30m", "meta", Map.of("owner", "ops")));
        String token = (String) auth.get("client_token");

        Http.Reply r = http.get("/v1/auth/token/lookup-self", token);

        assertThat(r.status()).isEqualTo(200);
        Map<String, Object> data = map(r.json().get("data"));
        assertThat(data.keySet()).containsExactly("accessor", "creation_time", "creation_ttl", "display_name", "entity_id",
                "expire_time", "explicit_max_ttl", "id", "issue_time", "meta", "num_uses", "orphan", "path", "policies",
                "renewable", "ttl", "type");
        assertThat(data).containsEntry("id", token).containsEntry("creation_ttl", 1800).containsEntry("meta", Map.of("owner", "ops"))
                .containsEntry("policies", List.of("root")).containsEntry("renewable", true);
        Instant expires = Instant.parse((String) data.get("expire_time"));
        assertThat(expires).isBetween(Instant.now().plusSeconds(1700), Instant.now().plusSeconds(1801));
        Instant.parse((String) data.get("issue_time"));
    }

    @Test
    void listAccessors_isSudoListOfKeys() {
        String accessor = (String) create(Map.of("policies", List.of("x"))).get("accessor");
        Http.Reply r = http.send("LIST", "/v1/auth/token/accessors", ROOT, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(map(r.json().get("data")).get("keys")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .contains(accessor);
        assertThat(http.get("/v1/auth/token/accessors?list=true", ROOT).status()).isEqualTo(200);
    }

    @Test
    void expiredToken_getsPermissionDenied() throws InterruptedException {
        String token = (String) create(Map.of("ttl", "1s")).get("client_token");
        Http.Reply r = http.get("/v1/auth/token/lookup-self", token);
        Instant deadline = Instant.now().plusSeconds(5);
        while (r.status() == 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            r = http.get("/v1/auth/token/lookup-self", token);
        }
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("{\"errors\":[\"permission denied\"]}");
    }

    @Test
    void errors_neverEchoTokens() {
        String secret = "hvs.NotARealTokenButSecret";
        Http.Reply lookup = http.put("/v1/auth/token/lookup", ROOT, Http.json(Map.of("token", secret)));
        assertThat(lookup.status()).isEqualTo(403);
        assertThat(lookup.body()).isEqualTo("{\"errors\":[\"bad token\"]}");
        Http.Reply renew = http.put("/v1/auth/token/renew", ROOT, Http.json(Map.of("token", secret)));
        assertThat(renew.status()).isEqualTo(400);
        assertThat(renew.body()).doesNotContain(secret);
        Http.Reply revoke = http.put("/v1/auth/token/revoke", ROOT, Http.json(Map.of("token", secret)));
        assertThat(revoke.status()).isEqualTo(204);
    }

    @Test
    void sysAuth_listsTheTokenMountWithDataCopiedToTheTopLevel() {
        Http.Reply r = http.get("/v1/sys/auth", ROOT);
        assertThat(r.status()).isEqualTo(200);
        Map<String, Object> body = r.json();
        Map<String, Object> token = map(map(body.get("data")).get("token/"));
        assertThat(map(body.get("token/"))).isEqualTo(token);
        assertThat(token).containsEntry("type", "token").containsKeys("accessor", "uuid", "running_plugin_version");
        assertThat(map(token.get("config"))).containsEntry("token_type", "default-service").containsEntry("max_lease_ttl", 0);
    }

    @Test
    void sysAuth_refusesUnknownTypesAndDisablingTheTokenMethod() {
        Http.Reply unknown = http.put("/v1/sys/auth/custom", ROOT, Http.json(Map.of("type", "nosuch")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json()).containsKey("errors");

        Http.Reply disable = http.send("DELETE", "/v1/sys/auth/token", ROOT, null);
        assertThat(disable.status()).isEqualTo(400);
        assertThat(http.send("DELETE", "/v1/sys/auth/never-there", ROOT, null).status()).isEqualTo(204);
    }

    @Test
    void sysAuth_enableLoginRenewAndDisableARealMethod() {
        assertThat(http.put("/v1/sys/auth/people", ROOT, Http.json(Map.of("type", "userpass", "description", "humans",
                "config", Map.of("max_lease_ttl", "2h")))).status()).isEqualTo(204);
        assertThat(map(http.get("/v1/sys/auth", ROOT).json().get("people/"))).containsEntry("type", "userpass")
                .containsEntry("description", "humans");
        http.put("/v1/auth/people/users/erin", ROOT, Http.json(Map.of("password", "pw-erin", "token_ttl", "1h")));
        Http.Reply login = http.put("/v1/auth/people/login/erin", null, Http.json(Map.of("password", "pw-erin")));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String token = (String) map(login.json().get("auth")).get("client_token");

        Http.Reply renewed = http.put("/v1/auth/token/renew", ROOT, Http.json(Map.of("token", token, "increment", "5h")));
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(((Number) map(renewed.json().get("auth")).get("lease_duration")).longValue())
                .as("capped by the people/ mount's max of 2h").isBetween(7100L, 7200L);
        assertThat(renewed.json().get("warnings")).isNotNull();

        assertThat(http.send("DELETE", "/v1/sys/auth/people", ROOT, null).status()).isEqualTo(204);

        assertThat(http.put("/v1/auth/token/lookup", ROOT, Http.json(Map.of("token", token))).status()).isEqualTo(403);
        // Without a mount there is no login path, and a request without a token is denied, as in Vault.
        assertThat(http.put("/v1/auth/people/login/erin", null, Http.json(Map.of("password", "pw-erin"))).status())
                .isEqualTo(403);
        assertThat(map(http.get("/v1/sys/auth", ROOT).json().get("data"))).doesNotContainKey("people/");
    }

    @Test
    void sysAuthTune_readsAndWrites() {
        Http.Reply before = http.get("/v1/sys/auth/token/tune", ROOT);
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json()).containsEntry("default_lease_ttl", 2764800).containsEntry("token_type", "default-service");

        assertThat(http.put("/v1/sys/auth/token/tune", ROOT, Http.json(Map.of("max_lease_ttl", "100h"))).status())
                .isEqualTo(204);
        assertThat(map(http.get("/v1/sys/auth/token/tune", ROOT).json().get("data"))).containsEntry("max_lease_ttl", 360000);
        assertThat(create(Map.of("policies", List.of("x")))).containsEntry("lease_duration", 360000);

        http.put("/v1/sys/auth/token/tune", ROOT, Http.json(Map.of("max_lease_ttl", "system")));
        assertThat(map(http.get("/v1/sys/auth/token/tune", ROOT).json().get("data"))).containsEntry("max_lease_ttl", 2764800);
    }
}
