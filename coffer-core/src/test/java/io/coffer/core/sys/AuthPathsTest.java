package io.coffer.core.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.auth.token.TokenAuthFactory;
import io.coffer.core.engine.kv.KvEngineFactory;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Request;
import io.coffer.core.logical.Response;
import io.coffer.core.node.CofferNode;
import io.coffer.core.storage.InMemoryStorage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** sys/auth, sys/auth/:path and sys/auth/:path/tune through the request pipeline of a dev node. */
class AuthPathsTest {

    private static final String ROOT = "root-token";

    private final CofferNode node = CofferNode.builder(new InMemoryStorage()).engine(new KvEngineFactory())
            .authMethod(TokenAuthFactory::new).authMethod(new LoginMethodForTests()).build();

    AuthPathsTest() {
        node.startDev(Optional.of(ROOT));
    }

    @AfterEach
    void close() {
        node.close();
    }

    private Response call(Operation op, String path, String token, Map<String, Object> data) {
        return node.handler().handle(Request.builder(op, path).clientToken(token).data(data).build());
    }

    private CofferException failure(Operation op, String path, Map<String, Object> data) {
        CofferException[] caught = new CofferException[1];
        assertThatThrownBy(() -> call(op, path, ROOT, data)).isInstanceOfSatisfying(CofferException.class, e -> caught[0] = e);
        return caught[0];
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void list_showsTheBuiltinTokenMountInVaultsShape() {
        Response r = call(Operation.READ, "sys/auth", ROOT, Map.of());

        assertThat(r.copiesDataToTopLevel()).isTrue();
        @SuppressWarnings("unchecked")
        Map<String, Object> token = (Map<String, Object>) r.data().orElseThrow().get("token/");
        assertThat(token).containsOnlyKeys("accessor", "config", "description", "external_entropy_access", "local",
                "options", "plugin_version", "running_plugin_version", "running_sha256", "seal_wrap", "type", "uuid")
                .containsEntry("type", "token").containsEntry("description", "token based credentials")
                .containsEntry("local", false).containsEntry("seal_wrap", false).containsEntry("options", null);
        assertThat((String) token.get("accessor")).startsWith("auth_token_");
        assertThat(token.get("config")).isEqualTo(Map.of("default_lease_ttl", 0L, "max_lease_ttl", 0L,
                "force_no_cache", false, "token_type", "default-service"));
    }

    @Test
    void enable_readAndDisableAnAuthMethod() {
        assertThat(call(Operation.UPDATE, "sys/auth/apps/login", ROOT, fields("type", LoginMethodForTests.TYPE,
                "description", "for apps", "config", Map.of("default_lease_ttl", "1h", "max_lease_ttl", "2h"))).isEmpty())
                .isTrue();

        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) call(Operation.READ, "sys/auth/apps/login", ROOT, Map.of())
                .data().orElseThrow().get("config");
        assertThat(config).containsEntry("default_lease_ttl", 3600L).containsEntry("max_lease_ttl", 7200L);
        assertThat(call(Operation.READ, "sys/auth", ROOT, Map.of()).data().orElseThrow()).containsKeys("token/", "apps/login/");

        call(Operation.DELETE, "sys/auth/apps/login", ROOT, Map.of());
        assertThat(call(Operation.READ, "sys/auth", ROOT, Map.of()).data().orElseThrow()).containsOnlyKeys("token/");
        assertThat(call(Operation.DELETE, "sys/auth/never-enabled", ROOT, Map.of()).isEmpty()).isTrue();
        assertThat(failure(Operation.READ, "sys/auth/apps/login", Map.of()).kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
    }

    @Test
    void enable_refusesUnknownTypesASecondTokenMountAndBadConfig() {
        assertThat(failure(Operation.UPDATE, "sys/auth/x", fields("type", "nosuchmethod")).kind())
                .isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(failure(Operation.UPDATE, "sys/auth/x", Map.of()).getMessage()).contains("type");
        assertThat(failure(Operation.UPDATE, "sys/auth/token2", fields("type", "token")).kind())
                .isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(failure(Operation.UPDATE, "sys/auth/x", fields("type", LoginMethodForTests.TYPE,
                "config", Map.of("default_lease_ttl", "3h", "max_lease_ttl", "1h"))).kind())
                .isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(failure(Operation.UPDATE, "sys/auth/x", fields("type", LoginMethodForTests.TYPE,
                "config", Map.of("token_type", "batch"))).getMessage()).contains("batch");
        assertThat(failure(Operation.UPDATE, "sys/auth/token", fields("type", LoginMethodForTests.TYPE)).kind())
                .isEqualTo(CofferException.Kind.INVALID_REQUEST);
    }

    @Test
    void disable_ofTheTokenMountIsRefused() {
        CofferException e = failure(Operation.DELETE, "sys/auth/token", Map.of());
        assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(call(Operation.READ, "sys/auth", ROOT, Map.of()).data().orElseThrow()).containsKey("token/");
    }

    @Test
    void disable_revokesEveryTokenTheMethodIssuedAndNothingElse() {
        call(Operation.UPDATE, "sys/auth/apps", ROOT, fields("type", LoginMethodForTests.TYPE));
        call(Operation.UPDATE, "sys/auth/others", ROOT, fields("type", LoginMethodForTests.TYPE));
        String fromApps = login("auth/apps/login");
        String fromApps2 = login("auth/apps/login");
        String fromOthers = login("auth/others/login");
        assertThat(lookup(fromApps)).containsEntry("path", "auth/apps/login").containsEntry("policies", List.of("app", "default"));

        call(Operation.DELETE, "sys/auth/apps", ROOT, Map.of());

        for (String gone : List.of(fromApps, fromApps2)) {
            CofferException e = failure(Operation.UPDATE, "auth/token/lookup", fields("token", gone));
            assertThat(e.kind()).isEqualTo(CofferException.Kind.PERMISSION_DENIED);
        }
        assertThat(lookup(fromOthers)).containsEntry("path", "auth/others/login");
        assertThat(lookup(ROOT)).containsEntry("policies", List.of("root"));
    }

    @Test
    void tune_readsAndChangesTheTokenMountsTtls() {
        Response before = call(Operation.READ, "sys/auth/token/tune", ROOT, Map.of());
        assertThat(before.copiesDataToTopLevel()).isTrue();
        assertThat(before.data().orElseThrow()).containsOnlyKeys("default_lease_ttl", "description", "force_no_cache",
                "max_lease_ttl", "token_type")
                .containsEntry("default_lease_ttl", 768 * 3600L).containsEntry("max_lease_ttl", 768 * 3600L)
                .containsEntry("token_type", "default-service").containsEntry("description", "token based credentials");

        assertThat(call(Operation.UPDATE, "sys/auth/token/tune", ROOT, fields("default_lease_ttl", "1h",
                "max_lease_ttl", 7200, "description", "tuned")).isEmpty()).isTrue();

        assertThat(call(Operation.READ, "sys/auth/token/tune", ROOT, Map.of()).data().orElseThrow())
                .containsEntry("default_lease_ttl", 3600L).containsEntry("max_lease_ttl", 7200L)
                .containsEntry("description", "tuned");
        assertThat(failure(Operation.UPDATE, "sys/auth/token/tune", fields("max_lease_ttl", "30m")).kind())
                .isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(failure(Operation.UPDATE, "sys/auth/token/tune", fields("token_type", "service")).kind())
                .isEqualTo(CofferException.Kind.INVALID_REQUEST);

        call(Operation.UPDATE, "sys/auth/token/tune", ROOT, fields("default_lease_ttl", "system", "max_lease_ttl", "system"));
        assertThat(call(Operation.READ, "sys/auth/token/tune", ROOT, Map.of()).data().orElseThrow())
                .containsEntry("default_lease_ttl", 768 * 3600L).containsEntry("max_lease_ttl", 768 * 3600L);
        assertThat(failure(Operation.READ, "sys/auth/nothing/tune", Map.of()).kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
    }

    @Test
    void tune_ofALoginMountBoundsItsTokens() {
        call(Operation.UPDATE, "sys/auth/apps", ROOT, fields("type", LoginMethodForTests.TYPE));
        call(Operation.UPDATE, "sys/auth/apps/tune", ROOT, fields("default_lease_ttl", "20m", "max_lease_ttl", "1h"));
        String token = login("auth/apps/login");
        assertThat(lookup(token)).containsEntry("creation_ttl", 1200L);
        Map<String, Object> renewed = call(Operation.UPDATE, "auth/token/renew", ROOT, fields("token", token, "increment", "5h"))
                .auth().orElseThrow();
        assertThat((Long) renewed.get("lease_duration")).isLessThanOrEqualTo(3600L).isGreaterThan(3500L);
    }

    private String login(String path) {
        return (String) call(Operation.UPDATE, path, null, Map.of()).auth().orElseThrow().get("client_token");
    }

    private Map<String, Object> lookup(String token) {
        return call(Operation.UPDATE, "auth/token/lookup", ROOT, fields("token", token)).data().orElseThrow();
    }
}
