package io.coffer.core.auth.userpass;

import static io.coffer.core.auth.AuthHarness.data;
import static io.coffer.core.auth.AuthHarness.failure;
import static io.coffer.core.auth.AuthHarness.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.auth.AuthHarness;
import io.coffer.core.engine.LoginSubject;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Login;
import io.coffer.core.logical.Operation;
import io.coffer.core.error.RateLimitedException;
import io.coffer.core.ratelimit.LoginWorkPool;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Users, their bcrypt-hashed passwords, and {@code login/<username>}. */
class UserpassEngineTest {

    private final LoginWorkPool pool = new LoginWorkPool(1, 0);
    private final AuthHarness h = new AuthHarness(new UserpassEngineFactory(pool), "userpass/");

    @AfterEach
    void closePool() {
        pool.close();
    }

    private Login login(String user, String password) {
        return h.write("login/" + user, Map.of("password", password)).login().orElseThrow();
    }

    @Test
    void create_thenLogin_grantsTheUsersTokenSettings() {
        assertThat(status(h.write("users/alice", """
                {"password": "correct horse", "token_policies": "dev,ops", "token_ttl": "1h", "token_max_ttl": "2h",
                 "token_num_uses": 2}"""))).isEqualTo(204);

        Login login = login("alice", "correct horse");

        assertThat(login.policies()).containsExactly("dev", "ops");
        assertThat(login.metadata()).isEqualTo(Map.of("username", "alice"));
        assertThat(login.displayName()).isEqualTo("alice");
        assertThat(login.aliasName()).isEqualTo("alice");
        assertThat(login.ttl()).isEqualTo(3600);
        assertThat(login.maxTtl()).isEqualTo(7200);
        assertThat(login.numUses()).isEqualTo(2);
        assertThat(login.renewable()).isTrue();
    }

    @Test
    void password_isStoredOnlyAsABcryptHash() {
        h.write("users/bob", Map.of("password", "Tr0ub4dor&3"));
        String stored = h.everythingStored();
        assertThat(stored).doesNotContain("Tr0ub4dor&3").contains("$2a$10$");
        assertThat(data(h.read("users/bob"))).doesNotContainKeys("password", "password_hash");
    }

    @Test
    void wrongPasswordAndUnknownUser_getTheSameAnswer() {
        h.write("users/carol", Map.of("password", "right"));
        CofferException wrong = failure(() -> login("carol", "wrong"));
        CofferException unknown = failure(() -> login("mallory", "right"));
        CofferException tooLong = failure(() -> login("carol", "right" + "x".repeat(80)));
        for (CofferException e : List.of(wrong, unknown, tooLong)) {
            assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
            assertThat(e.messages()).containsExactly("invalid username or password");
            assertThat(e.getMessage()).doesNotContain("right").doesNotContain("wrong");
        }
        assertThat(failure(() -> h.write("login/carol", "{}")).messages()).containsExactly("missing password");
    }

    @Test
    void names_areCaseInsensitive() {
        h.write("users/Dave", Map.of("password", "pw"));
        assertThat(login("DAVE", "pw").metadata()).containsEntry("username", "dave");
        assertThat(data(h.list("users"))).containsEntry("keys", List.of("dave"));
    }

    @Test
    void read_showsTokenFieldsSortedAndUnknownIsNotFound() {
        h.write("users/erin", Map.of("password", "pw", "token_bound_cidrs", "127.0.0.1/32"));
        Map<String, Object> user = data(h.read("users/erin"));
        assertThat(List.copyOf(user.keySet())).containsExactly("token_bound_cidrs", "token_explicit_max_ttl", "token_max_ttl",
                "token_no_default_policy", "token_num_uses", "token_period", "token_policies", "token_ttl", "token_type");
        assertThat(user).containsEntry("token_bound_cidrs", List.of("127.0.0.1"));
        CofferException missing = failure(() -> h.read("users/nobody"));
        assertThat(missing.kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(missing.messages()).isEmpty();
    }

    @Test
    void create_withoutPasswordIsRefused() {
        assertThat(failure(() -> h.write("users/frank", "{\"token_ttl\": 60}")).messages()).containsExactly("missing password");
        assertThat(failure(() -> h.write("users/frank", Map.of("password", ""))).messages()).containsExactly("missing password");
        assertThat(failure(() -> h.read("users/frank")).kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
    }

    @Test
    void create_withAPasswordLongerThanBcryptTakesIsRefused() {
        CofferException e = failure(() -> h.write("users/gail", Map.of("password", "p".repeat(73))));
        assertThat(e.messages()).containsExactly("password is longer than 72 bytes, the most bcrypt can hash");
        assertThat(failure(() -> h.read("users/gail")).kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
    }

    @Test
    void update_withoutPasswordKeepsItAndChangesSettings() {
        h.write("users/hank", Map.of("password", "pw", "token_ttl", 60));
        h.write("users/hank", Map.of("token_ttl", 120));
        assertThat(data(h.read("users/hank"))).containsEntry("token_ttl", 120L);
        assertThat(login("hank", "pw").ttl()).isEqualTo(120);
    }

    @Test
    void passwordReset_replacesThePassword() {
        h.write("users/ivy", Map.of("password", "old", "token_policies", "p"));
        assertThat(status(h.write("users/ivy/password", Map.of("password", "new")))).isEqualTo(204);
        assertThat(login("ivy", "new").policies()).containsExactly("p");
        assertThat(failure(() -> login("ivy", "old")).messages()).containsExactly("invalid username or password");
        assertThat(failure(() -> h.write("users/ivy/password", "{}")).messages()).containsExactly("missing password");
        CofferException unknown = failure(() -> h.write("users/nobody/password", Map.of("password", "x")));
        assertThat(unknown.kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(unknown.messages()).containsExactly("username does not exist");
    }

    @Test
    void policiesPath_replacesThePolicies() {
        h.write("users/jo", Map.of("password", "pw", "token_policies", "a"));
        h.write("users/jo/policies", Map.of("token_policies", "b,c"));
        assertThat(data(h.read("users/jo"))).containsEntry("token_policies", List.of("b", "c"));
        h.write("users/jo/policies", Map.of("policies", "D"));
        assertThat(data(h.read("users/jo"))).containsEntry("token_policies", List.of("d")).containsEntry("policies", List.of("d"));
        assertThat(failure(() -> h.write("users/nobody/policies", Map.of("policies", "x"))).kind())
                .isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(failure(() -> h.write("users/jo/policies", Map.of("policies", "root"))).kind())
                .isEqualTo(CofferException.Kind.INVALID_REQUEST);
    }

    @Test
    void deprecatedFields_setTokenFieldsAndShowOnRead() {
        h.write("users/kim", Map.of("password", "pw", "ttl", "1h", "max_ttl", "2h", "bound_cidrs", "127.0.0.1", "policies", "x"));
        Map<String, Object> user = data(h.read("users/kim"));
        assertThat(user).containsEntry("ttl", 3600L).containsEntry("token_ttl", 3600L)
                .containsEntry("max_ttl", 7200L).containsEntry("token_max_ttl", 7200L)
                .containsEntry("bound_cidrs", List.of("127.0.0.1")).containsEntry("policies", List.of("x"));
    }

    @Test
    void boundCidrs_refuseLoginsFromElsewhereWith403() {
        h.write("users/lee", Map.of("password", "pw", "token_bound_cidrs", "10.0.0.0/8"));
        CofferException e = failure(() -> login("lee", "pw"));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.PERMISSION_DENIED);
        h.remoteAddress = "10.9.8.7";
        assertThat(login("lee", "pw").boundCidrs()).containsExactly("10.0.0.0/8");
    }

    @Test
    void delete_removesTheUser() {
        h.write("users/max", Map.of("password", "pw"));
        assertThat(status(h.delete("users/max"))).isEqualTo(204);
        assertThat(failure(() -> login("max", "pw")).messages()).containsExactly("invalid username or password");
        assertThat(status(h.delete("users/max"))).isEqualTo(204);
        CofferException empty = failure(() -> h.list("users/"));
        assertThat(empty.kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
    }

    @Test
    void existenceCheck_tellsCreateFromUpdate() {
        assertThat(h.resolve(Operation.UPDATE, "users/ned", Map.of()).effectiveOperation()).isEqualTo(Operation.CREATE);
        h.write("users/ned", Map.of("password", "pw"));
        assertThat(h.resolve(Operation.UPDATE, "users/ned", Map.of()).effectiveOperation()).isEqualTo(Operation.UPDATE);
    }

    @Test
    void onlyLoginPathsAreUnauthenticatedAndTheirSubjectIsTheUser() {
        assertThat(h.engine.isUnauthenticated("login/ann")).isTrue();
        assertThat(h.engine.isUnauthenticated("users/ann")).isFalse();
        assertThat(h.engine.isUnauthenticated("login")).isFalse();
        assertThat(((LoginSubject) h.engine).loginSubject(h.resolve(Operation.UPDATE, "login/Ann", Map.of()).engineRequest()))
                .isEqualTo("ann");
    }

    @Test
    void rootPolicy_isRefused() {
        assertThat(failure(() -> h.write("users/oz", Map.of("password", "pw", "token_policies", "root"))).kind())
                .isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(failure(() -> h.read("users/oz")).kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
    }

    @Test
    void fullLoginPool_refusesKnownAndUnknownUsersAlike_andPasswordWritesToo() throws Exception {
        h.write("users/alice", Map.of("password", "correct horse"));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch taken = new CountDownLatch(1);
        Thread busy = Thread.ofVirtual().start(() -> pool.run(() -> {
            taken.countDown();
            try {
                return release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return false;
            }
        }));
        assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();

        // The unknown user's dummy check goes through the same pool: the answers cannot tell them apart.
        for (String user : List.of("alice", "nobody")) {
            assertThat(failure(() -> login(user, "wrong"))).isInstanceOf(RateLimitedException.class)
                    .hasMessage("too many logins are being checked at once; retry later");
        }
        assertThat(failure(() -> h.write("users/bob", Map.of("password", "pw")))).isInstanceOf(RateLimitedException.class);

        release.countDown();
        busy.join(java.time.Duration.ofSeconds(10));
        assertThat(login("alice", "correct horse").displayName()).isEqualTo("alice");
        assertThat(failure(() -> login("nobody", "wrong")).getMessage()).isEqualTo("invalid username or password");
    }
}
