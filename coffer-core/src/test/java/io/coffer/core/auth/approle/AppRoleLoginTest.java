package io.coffer.core.auth.approle;

import static io.coffer.core.auth.AuthHarness.data;
import static io.coffer.core.auth.AuthHarness.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.auth.AuthHarness;
import io.coffer.core.auth.TestClock;
import io.coffer.core.engine.LoginSubject;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Login;
import io.coffer.core.logical.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@code login}: credentials, use counting, expiry, CIDR bindings, and what a login grants. */
class AppRoleLoginTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-03-22T02:24:06Z"));
    private final AuthHarness h = new AuthHarness(new AppRoleEngineFactory(clock), "approle/");

    private String roleId(String role) {
        return (String) data(h.read("role/" + role + "/role-id")).get("role_id");
    }

    private String secretId(String role, String body) {
        return (String) data(h.write("role/" + role + "/secret-id", body)).get("secret_id");
    }

    private Login login(String roleId, String secretId) {
        return h.write("login", Map.of("role_id", roleId, "secret_id", secretId)).login().orElseThrow();
    }

    @Test
    void login_grantsTheRolesTokenSettingsWithRoleNameMetadata() {
        h.write("role/web", """
                {"token_policies": "web,db", "token_ttl": "20m", "token_max_ttl": "30m", "token_num_uses": 4,
                 "token_period": 0, "token_bound_cidrs": "127.0.0.1/32"}""");
        String roleId = roleId("web");
        String secretId = secretId("web", "{\"metadata\": \"{\\\"team\\\": \\\"core\\\"}\"}");

        var response = h.write("login", Map.of("role_id", roleId, "secret_id", secretId));

        assertThat(response.data()).isEmpty();
        Login login = response.login().orElseThrow();
        assertThat(login.policies()).containsExactly("web", "db");
        assertThat(login.metadata()).isEqualTo(Map.of("role_name", "web", "team", "core"));
        assertThat(login.ttl()).isEqualTo(1200);
        assertThat(login.maxTtl()).isEqualTo(1800);
        assertThat(login.numUses()).isEqualTo(4);
        assertThat(login.period()).isZero();
        assertThat(login.renewable()).isTrue();
        assertThat(login.boundCidrs()).containsExactly("127.0.0.1");
        assertThat(login.aliasName()).isEqualTo(roleId);
        assertThat(login.displayName()).isEmpty();
    }

    @Test
    void login_maxTtlIsTheStricterOfMaxAndExplicitMax() {
        h.write("role/app", "{\"token_max_ttl\": 600, \"token_explicit_max_ttl\": 300}");
        assertThat(login(roleId("app"), secretId("app", "{}")).maxTtl()).isEqualTo(300);
        h.write("role/app", "{\"token_max_ttl\": 0}");
        assertThat(login(roleId("app"), secretId("app", "{}")).maxTtl()).isEqualTo(300);
    }

    @Test
    void login_secretIdTokenCidrsReplaceTheRoles() {
        h.write("role/app", "{\"token_bound_cidrs\": \"127.0.0.0/8\"}");
        String secretId = secretId("app", "{\"token_bound_cidrs\": \"127.0.0.1/32\"}");
        assertThat(login(roleId("app"), secretId).boundCidrs()).containsExactly("127.0.0.1");
    }

    @Test
    void login_withTrimmedCredentialsWorks() {
        h.write("role/app", "{}");
        String secretId = secretId("app", "{}");
        assertThat(login(" " + roleId("app") + "\n", " " + secretId + " ").metadata()).containsEntry("role_name", "app");
    }

    @Test
    void wrongCredentials_allGetTheSameAnswer() {
        h.write("role/app", "{}");
        String roleId = roleId("app");
        String secretId = secretId("app", "{}");
        h.write("role/other", "{}");
        String otherSecret = secretId("other", "{}");

        List<Map<String, Object>> attempts = List.of(
                Map.of("role_id", "no-such-role-id", "secret_id", secretId),
                Map.of("role_id", roleId, "secret_id", "no-such-secret-id"),
                Map.of("role_id", roleId, "secret_id", otherSecret),
                Map.of("role_id", roleId, "secret_id", "x".repeat(5000)),
                Map.of("role_id", roleId.toUpperCase(), "secret_id", secretId));
        for (Map<String, Object> attempt : attempts) {
            CofferException e = failure(() -> h.write("login", attempt));
            assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
            assertThat(e.messages()).containsExactly("invalid role or secret ID");
        }
        // None of them cost the real secret ID a use or changed it.
        assertThat(login(roleId, secretId).metadata()).containsEntry("role_name", "app");
    }

    @Test
    void missingFields_areNamed() {
        h.write("role/app", "{}");
        assertThat(failure(() -> h.write("login", "{}")).messages()).containsExactly("missing role_id");
        assertThat(failure(() -> h.write("login", Map.of("role_id", "  "))).messages()).containsExactly("missing role_id");
        assertThat(failure(() -> h.write("login", Map.of("role_id", roleId("app")))).messages()).containsExactly("missing secret_id");
    }

    @Test
    void errorMessages_neverContainTheCredentials() {
        h.write("role/app", "{\"secret_id_bound_cidrs\": \"10.0.0.0/8\"}");
        String secretId = secretId("app", "{}");
        List<CofferException> errors = new ArrayList<>();
        errors.add(failure(() -> h.write("login", Map.of("role_id", "guess-role-id", "secret_id", secretId))));
        errors.add(failure(() -> h.write("login", Map.of("role_id", roleId("app"), "secret_id", secretId))));
        errors.add(failure(() -> h.write("login", Map.of("role_id", roleId("app"), "secret_id", "guess-secret"))));
        for (CofferException e : errors) {
            assertThat(e.getMessage()).doesNotContain(secretId).doesNotContain(roleId("app"))
                    .doesNotContain("guess-role-id").doesNotContain("guess-secret");
        }
    }

    @Test
    void numUses_countDownAndAnExhaustedSecretIdIsRefusedWithNothingChanged() {
        h.write("role/app", "{}");
        String roleId = roleId("app");
        String secretId = secretId("app", "{\"num_uses\": 2}");

        login(roleId, secretId);
        login(roleId, secretId);
        String storedBefore = h.everythingStored();

        CofferException third = failure(() -> login(roleId, secretId));
        assertThat(third.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(third.messages()).containsExactly("invalid role or secret ID");
        assertThat(h.everythingStored()).isEqualTo(storedBefore);
        assertThat(h.backend.list(AuthHarness.MOUNT_PREFIX)).doesNotContain("secret_id/", "accessor/");
    }

    @Test
    void numUses_unlimitedWhenZero() {
        h.write("role/app", "{}");
        String roleId = roleId("app");
        String secretId = secretId("app", "{}");
        for (int i = 0; i < 5; i++) {
            login(roleId, secretId);
        }
        assertThat(data(h.write("role/app/secret-id/lookup", Map.of("secret_id", secretId)))).containsEntry("secret_id_num_uses", 0);
    }

    @Test
    void concurrentLogins_withAOneUseSecretId_exactlyOneSucceeds() throws Exception {
        h.write("role/app", "{}");
        String roleId = roleId("app");
        for (int round = 0; round < 5; round++) {
            String secretId = secretId("app", "{\"num_uses\": 1}");
            int threads = 16;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        try {
                            login(roleId, secretId);
                            return true;
                        } catch (CofferException e) {
                            assertThat(e.messages()).containsExactly("invalid role or secret ID");
                            return false;
                        }
                    }));
                }
                start.countDown();
                int successes = 0;
                for (Future<Boolean> f : results) {
                    successes += f.get() ? 1 : 0;
                }
                assertThat(successes).as("round " + round).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void concurrentLogins_withAThreeUseSecretId_exactlyThreeSucceed() throws Exception {
        h.write("role/app", "{}");
        String roleId = roleId("app");
        String secretId = secretId("app", "{\"num_uses\": 3}");
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                results.add(pool.submit(() -> {
                    try {
                        login(roleId, secretId);
                        return true;
                    } catch (CofferException e) {
                        return false;
                    }
                }));
            }
            int successes = 0;
            for (Future<Boolean> f : results) {
                successes += f.get() ? 1 : 0;
            }
            assertThat(successes).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ttl_expiredSecretIdIsRefused() {
        h.write("role/app", "{\"secret_id_ttl\": \"1m\"}");
        String roleId = roleId("app");
        String secretId = secretId("app", "{}");
        clock.advance(Duration.ofSeconds(59));
        login(roleId, secretId);
        clock.advance(Duration.ofSeconds(1));

        CofferException expired = failure(() -> login(roleId, secretId));
        assertThat(expired.messages()).containsExactly("invalid role or secret ID");
        assertThat(h.backend.list(AuthHarness.MOUNT_PREFIX)).doesNotContain("secret_id/", "accessor/");
    }

    @Test
    void bindSecretIdFalse_logsInWithTheRoleIdAlone() {
        h.write("role/svc", "{\"bind_secret_id\": false, \"secret_id_bound_cidrs\": \"127.0.0.0/8\", \"token_policies\": \"svc\"}");
        Login login = h.write("login", Map.of("role_id", roleId("svc"))).login().orElseThrow();
        assertThat(login.policies()).containsExactly("svc");
        assertThat(login.metadata()).isEqualTo(Map.of("role_name", "svc"));
    }

    @Test
    void roleCidrs_refuseOtherAddressesBeforeTouchingTheSecretId() {
        h.write("role/app", "{\"secret_id_bound_cidrs\": \"10.0.0.0/8\"}");
        String roleId = roleId("app");
        String secretId = secretId("app", "{\"num_uses\": 1}");
        h.remoteAddress = "192.168.1.7";

        CofferException e = failure(() -> login(roleId, secretId));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(e.messages()).containsExactly("source address \"192.168.1.7\" unauthorized by CIDR restrictions on the role");

        h.remoteAddress = "10.2.3.4";
        assertThat(login(roleId, secretId).metadata()).containsEntry("role_name", "app");
    }

    @Test
    void secretIdCidrs_refuseOtherAddressesWithoutSpendingAUse() {
        h.write("role/app", "{}");
        String roleId = roleId("app");
        String secretId = secretId("app", "{\"num_uses\": 1, \"cidr_list\": \"10.0.0.0/8,fd00::/8\"}");
        h.remoteAddress = "11.0.0.1";
        CofferException e = failure(() -> login(roleId, secretId));
        assertThat(e.messages()).containsExactly("source address \"11.0.0.1\" unauthorized through CIDR restrictions on the secret ID");
        h.remoteAddress = "";
        assertThat(failure(() -> login(roleId, secretId)).kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);

        h.remoteAddress = "fd00:0:0:0:0:0:0:5";
        login(roleId, secretId);
        assertThat(failure(() -> login(roleId, secretId)).messages()).containsExactly("invalid role or secret ID");
    }

    @Test
    void onlyTheLoginPathIsUnauthenticated() {
        assertThat(h.engine.isUnauthenticated("login")).isTrue();
        for (String p : List.of("role/app", "role/app/secret-id", "login/x", "tidy/secret-id", "role")) {
            assertThat(h.engine.isUnauthenticated(p)).as(p).isFalse();
        }
    }

    @Test
    void loginSubject_isTheRoleIdAsSent() {
        LoginSubject subject = (LoginSubject) h.engine;
        assertThat(subject.loginSubject(h.resolve(Operation.UPDATE, "login", Map.of("role_id", " abc ")).engineRequest()))
                .isEqualTo("abc");
        assertThat(subject.loginSubject(h.resolve(Operation.UPDATE, "login", Map.of("role_id", List.of(1))).engineRequest()))
                .isEqualTo("[1]");
        assertThat(subject.loginSubject(h.resolve(Operation.UPDATE, "login", Map.of()).engineRequest())).isEmpty();
    }

    @Test
    void rootPolicy_isNeverGranted() {
        CofferException e = failure(() -> h.write("role/admin", "{\"token_policies\": \"root\"}"));
        assertThat(e.messages()).containsExactly("the \"root\" policy cannot be granted through an auth method");
        assertThat(failure(() -> h.read("role/admin")).kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
    }
}
