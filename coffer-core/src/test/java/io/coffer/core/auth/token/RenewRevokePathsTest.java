package io.coffer.core.auth.token;

import static io.coffer.core.auth.token.TokenAuthHarness.ROOT;
import static io.coffer.core.auth.token.TokenAuthHarness.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** renew*, revoke*, and what the request pipeline does with use limits and expiry. */
class RenewRevokePathsTest {

    private final TokenAuthHarness h = new TokenAuthHarness();

    @AfterEach
    void close() {
        h.close();
    }

    /** A token with the root policy, so that the root-only authorizer lets it through the pipeline. */
    private Map<String, Object> rootChild(Object... extra) {
        Map<String, Object> f = fields(extra);
        return h.create(f);
    }

    @Test
    void renewSelf_extendsTheCallersLease() {
        Map<String, Object> auth = rootChild("ttl", "10m");
        String token = (String) auth.get("client_token");
        h.clock.advance(Duration.ofMinutes(8));

        Response r = h.write("auth/token/renew-self", token, fields("increment", "30m"));

        assertThat(r.auth().orElseThrow()).containsEntry("client_token", token).containsEntry("lease_duration", 1800L)
                .containsEntry("renewable", true).containsEntry("accessor", auth.get("accessor"));
        h.clock.advance(Duration.ofMinutes(25));
        assertThat(h.call(Operation.READ, "auth/token/lookup-self", token, Map.of()).data().orElseThrow())
                .containsEntry("ttl", 300L);
    }

    @Test
    void renew_andRenewAccessor() {
        Map<String, Object> auth = h.create(fields("policies", List.of("a"), "ttl", "10m"));
        Map<String, Object> renewed = h.write("auth/token/renew", ROOT, fields("token", auth.get("client_token")))
                .auth().orElseThrow();
        assertThat(renewed).containsEntry("client_token", auth.get("client_token")).containsEntry("lease_duration", 600L);

        Map<String, Object> byAccessor = h.write("auth/token/renew-accessor", ROOT,
                fields("accessor", auth.get("accessor"), "increment", 1200)).auth().orElseThrow();
        assertThat(byAccessor).containsEntry("client_token", "").containsEntry("lease_duration", 1200L);

        assertThat(h.failure(Operation.UPDATE, "auth/token/renew", ROOT, Map.of()).getMessage()).isEqualTo("missing token");
        assertThat(h.failure(Operation.UPDATE, "auth/token/renew-self", ROOT, Map.of()).getMessage())
                .isEqualTo("lease is not renewable");
        assertThat(h.failure(Operation.UPDATE, "auth/token/renew", ROOT, fields("token", "hvs.gone")).getMessage())
                .isEqualTo("token not found");
    }

    @Test
    void renew_ofANonRenewableTokenIsRefused() {
        String token = (String) h.create(fields("policies", List.of("a"), "ttl", "10m", "renewable", false)).get("client_token");
        assertThat(h.failure(Operation.UPDATE, "auth/token/renew", ROOT, fields("token", token)).getMessage())
                .isEqualTo("lease is not renewable");
    }

    @Test
    void revoke_ofAParentRevokesItsChildrenButNotOrphans() {
        String parent = (String) rootChild("ttl", "1h").get("client_token");
        String child = (String) h.write("auth/token/create", parent, fields("ttl", "1h")).auth().orElseThrow().get("client_token");
        String orphan = (String) h.write("auth/token/create-orphan", parent, fields("ttl", "1h")).auth().orElseThrow()
                .get("client_token");

        assertThat(h.write("auth/token/revoke", ROOT, fields("token", parent)).isEmpty()).isTrue();

        for (String gone : List.of(parent, child)) {
            assertThat(h.failure(Operation.READ, "auth/token/lookup-self", gone, Map.of()).kind())
                    .isEqualTo(CofferException.Kind.PERMISSION_DENIED);
        }
        assertThat(h.call(Operation.READ, "auth/token/lookup-self", orphan, Map.of()).data()).isPresent();
        assertThat(h.write("auth/token/revoke", ROOT, fields("token", parent)).isEmpty()).as("revoking twice succeeds").isTrue();
        assertThat(h.failure(Operation.UPDATE, "auth/token/revoke", ROOT, Map.of()).getMessage()).isEqualTo("missing token");
    }

    @Test
    void revokeSelf_andRevokeAccessor() {
        String self = (String) rootChild().get("client_token");
        h.write("auth/token/revoke-self", self, Map.of());
        assertThat(h.failure(Operation.READ, "auth/token/lookup-self", self, Map.of()).kind())
                .isEqualTo(CofferException.Kind.PERMISSION_DENIED);

        Map<String, Object> auth = h.create(fields("policies", List.of("a")));
        assertThat(h.write("auth/token/revoke-accessor", ROOT, fields("accessor", auth.get("accessor"))).isEmpty()).isTrue();
        assertThat(h.failure(Operation.UPDATE, "auth/token/lookup", ROOT, fields("token", auth.get("client_token"))).kind())
                .isEqualTo(CofferException.Kind.PERMISSION_DENIED);
        Response unknown = h.write("auth/token/revoke-accessor", ROOT, fields("accessor", auth.get("accessor")));
        assertThat(unknown.warnings()).containsExactly("no token has this accessor");
    }

    @Test
    void revokeOrphan_needsSudoAndOrphansTheChildren() {
        String parent = (String) rootChild("ttl", "1h").get("client_token");
        String child = (String) h.write("auth/token/create", parent, fields("ttl", "1h")).auth().orElseThrow().get("client_token");
        String notSudo = h.nonRoot(List.of("a"));
        assertThat(h.directFailure(Operation.UPDATE, "revoke-orphan", notSudo, fields("token", parent)).getMessage())
                .contains("sudo");

        h.write("auth/token/revoke-orphan", ROOT, fields("token", parent));

        assertThat(h.call(Operation.READ, "auth/token/lookup-self", child, Map.of()).data().orElseThrow())
                .containsEntry("orphan", true);
        assertThat(h.failure(Operation.UPDATE, "auth/token/revoke-orphan", ROOT, fields("token", parent)).getMessage())
                .isEqualTo("no valid token to revoke");
    }

    @Test
    void numUses_eachRequestSpendsOneAndTheLastRevokes() {
        String token = (String) rootChild("num_uses", 3).get("client_token");

        assertThat(h.call(Operation.READ, "auth/token/lookup-self", token, Map.of()).data().orElseThrow())
                .containsEntry("num_uses", 2);
        h.write("secret/data/anything", token, fields("data", Map.of("k", "v")));
        Map<String, Object> last = h.call(Operation.READ, "auth/token/lookup-self", token, Map.of()).data().orElseThrow();
        assertThat(last).containsEntry("num_uses", -1);

        CofferException spent = h.failure(Operation.READ, "auth/token/lookup-self", token, Map.of());
        assertThat(spent.kind()).isEqualTo(CofferException.Kind.PERMISSION_DENIED);
        assertThat(h.failure(Operation.UPDATE, "auth/token/lookup", ROOT, fields("token", token)).kind())
                .isEqualTo(CofferException.Kind.PERMISSION_DENIED);
    }

    @Test
    void numUses_aDeniedRequestSpendsNothing() {
        String token = (String) h.create(fields("policies", List.of("a"), "num_uses", 1)).get("client_token");
        // The root-only authorizer refuses this token; a refused request must not count.
        for (int i = 0; i < 3; i++) {
            h.failure(Operation.READ, "secret/data/x", token, Map.of());
        }
        assertThat(h.write("auth/token/lookup", ROOT, fields("token", token)).data().orElseThrow()).containsEntry("num_uses", 1);
    }

    @Test
    void expiredToken_isDeniedLikeAnUnknownOne() {
        String token = (String) rootChild("ttl", "30s").get("client_token");
        assertThat(h.call(Operation.READ, "auth/token/lookup-self", token, Map.of()).data()).isPresent();
        h.clock.advance(Duration.ofSeconds(30));
        CofferException expired = h.failure(Operation.READ, "auth/token/lookup-self", token, Map.of());
        assertThat(expired.kind()).isEqualTo(CofferException.Kind.PERMISSION_DENIED);
        assertThat(expired.getMessage()).isEqualTo("permission denied");
    }
}
