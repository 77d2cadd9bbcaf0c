package io.coffer.core.auth.token;

import static io.coffer.core.auth.token.TokenAuthHarness.ROOT;
import static io.coffer.core.auth.token.TokenAuthHarness.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** auth/token/create, create-orphan: fields, policy rules, TTL rules, sudo-only options. */
class CreatePathsTest {

    private static final long H = 3600;

    private final TokenAuthHarness h = new TokenAuthHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void create_answersVaultsAuthBlock() {
        Response r = h.write("auth/token/create", ROOT, fields("policies", List.of("dev"), "meta", Map.of("team", "payments"),
                "display_name", "ci", "num_uses", 3, "ttl", "2h"));

        assertThat(r.data()).isEmpty();
        Map<String, Object> auth = r.auth().orElseThrow();
        assertThat(auth).containsOnlyKeys("client_token", "accessor", "policies", "token_policies", "metadata",
                "lease_duration", "renewable", "entity_id", "token_type", "orphan", "mfa_requirement", "num_uses");
        assertThat((String) auth.get("client_token")).startsWith("hvs.").hasSize(28);
        assertThat((String) auth.get("accessor")).hasSize(24);
        assertThat(auth).containsEntry("policies", List.of("default", "dev"))
                .containsEntry("token_policies", List.of("default", "dev"))
                .containsEntry("metadata", Map.of("team", "payments"))
                .containsEntry("lease_duration", 2 * H)
                .containsEntry("renewable", true)
                .containsEntry("entity_id", "")
                .containsEntry("token_type", "service")
                .containsEntry("orphan", false)
                .containsEntry("num_uses", 3);
        Map<String, Object> looked = h.write("auth/token/lookup", ROOT, fields("token", auth.get("client_token")))
                .data().orElseThrow();
        assertThat(looked).containsEntry("display_name", "token-ci").containsEntry("path", "auth/token/create");
    }

    @Test
    void create_byRootWithoutPoliciesOrTtl_isANonExpiringRootToken() {
        Map<String, Object> auth = h.create(Map.of());
        assertThat(auth).containsEntry("policies", List.of("root")).containsEntry("lease_duration", 0L)
                .containsEntry("renewable", false);
    }

    @Test
    void create_ttlDefaultsFollowTheTokenMountsTuning() {
        assertThat(h.create(fields("policies", List.of("dev")))).containsEntry("lease_duration", 768 * H);

        h.write("sys/auth/token/tune", ROOT, fields("default_lease_ttl", "1h", "max_lease_ttl", "4h"));

        assertThat(h.create(fields("policies", List.of("dev")))).containsEntry("lease_duration", H);
        Response capped = h.write("auth/token/create", ROOT, fields("policies", List.of("dev"), "ttl", "10h"));
        assertThat(capped.auth().orElseThrow()).containsEntry("lease_duration", 4 * H);
        assertThat(capped.warnings()).hasSize(1);
    }

    @Test
    void create_explicitMaxAndPeriodShapeTheLease() {
        assertThat(h.create(fields("policies", List.of("dev"), "ttl", "5h", "explicit_max_ttl", "2h")))
                .containsEntry("lease_duration", 2 * H);
        assertThat(h.create(fields("policies", List.of("dev"), "ttl", "5h", "period", "30m")))
                .containsEntry("lease_duration", 1800L).containsEntry("renewable", true);
        assertThat(h.create(fields("ttl", 90))).containsEntry("policies", List.of("root")).containsEntry("lease_duration", 90L);
        assertThat(h.create(fields("explicit_max_ttl", 120))).containsEntry("lease_duration", 120L);
    }

    @Test
    void create_childPoliciesMustBeASubsetOfTheParents() {
        String parent = h.nonRoot(List.of("a", "b"));

        Map<String, Object> subset = h.direct(Operation.UPDATE, "create", parent, fields("policies", List.of("a")))
                .auth().orElseThrow();
        assertThat(subset).containsEntry("policies", List.of("a", "default"));
        Map<String, Object> inherited = h.direct(Operation.UPDATE, "create", parent, Map.of()).auth().orElseThrow();
        assertThat(inherited).containsEntry("policies", List.of("a", "b", "default"));

        CofferException escalation = h.directFailure(Operation.UPDATE, "create", parent, fields("policies", List.of("a", "c")));
        assertThat(escalation.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(escalation.getMessage()).contains("subset");
        assertThat(h.directFailure(Operation.UPDATE, "create", parent, fields("policies", List.of("root"))).kind())
                .isEqualTo(CofferException.Kind.INVALID_REQUEST);
    }

    @Test
    void create_defaultIsAddedOnlyAsVaultDoes() {
        String withoutDefault = (String) h.create(fields("policies", List.of("a"), "no_default_policy", true)).get("client_token");
        Map<String, Object> child = h.direct(Operation.UPDATE, "create", withoutDefault, fields("policies", List.of("a")))
                .auth().orElseThrow();
        assertThat(child).containsEntry("policies", List.of("a"));
        assertThat(h.create(fields("policies", List.of("A ", "a", ""), "no_default_policy", true)))
                .containsEntry("policies", List.of("a"));
        assertThat(h.create(fields("policies", "x,y"))).containsEntry("policies", List.of("default", "x", "y"));
    }

    @Test
    void create_sudoOnlyOptionsAreRefusedToOtherTokens() {
        String parent = h.nonRoot(List.of("a"));
        for (Map<String, Object> f : List.<Map<String, Object>>of(fields("no_parent", true), fields("period", "1h"),
                fields("id", "my-chosen-token"))) {
            CofferException e = h.directFailure(Operation.UPDATE, "create", parent, f);
            assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
            assertThat(e.getMessage()).contains("sudo");
        }
    }

    @Test
    void createOrphan_needsNoSudoAndNoParentDoesForRoot() {
        String parent = h.nonRoot(List.of("a"));
        assertThat(h.direct(Operation.UPDATE, "create-orphan", parent, Map.of()).auth().orElseThrow())
                .containsEntry("orphan", true);
        assertThat(h.create(fields("no_parent", true, "policies", List.of("a")))).containsEntry("orphan", true);
        assertThat(h.create(fields("policies", List.of("a")))).containsEntry("orphan", false);
    }

    @Test
    void create_limitedUseParentCannotCreateChildren() {
        String limited = (String) h.create(fields("policies", List.of("a"), "num_uses", 5)).get("client_token");
        assertThat(h.directFailure(Operation.UPDATE, "create", limited, Map.of()).getMessage()).contains("limited number of uses");
    }

    @Test
    void create_requestedIdIsUsedOnceAndNeverEchoedInErrors() {
        Map<String, Object> auth = h.create(fields("id", "custom-token-123", "policies", List.of("a")));
        assertThat(auth).containsEntry("client_token", "custom-token-123");
        assertThat(h.direct(Operation.READ, "lookup-self", "custom-token-123", Map.of()).data().orElseThrow())
                .containsEntry("policies", List.of("a", "default"));
        CofferException duplicate = h.failure(Operation.UPDATE, "auth/token/create", ROOT, fields("id", "custom-token-123"));
        assertThat(duplicate.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(duplicate.getMessage()).doesNotContain("custom-token-123");
    }

    @Test
    void create_rejectsWhatCofferDoesNotSupportOrVaultForbids() {
        assertThat(h.failure(Operation.UPDATE, "auth/token/create", ROOT, fields("type", "batch")).getMessage()).contains("batch");
        assertThat(h.failure(Operation.UPDATE, "auth/token/create", ROOT, fields("num_uses", -1)).kind())
                .isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(h.failure(Operation.UPDATE, "auth/token/create", ROOT, fields("entity_alias", "x")).kind())
                .isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(h.failure(Operation.UPDATE, "auth/token/create", ROOT, fields("policies", List.of("response-wrapping"))).kind())
                .isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(h.failure(Operation.UPDATE, "auth/token/create", ROOT, fields("ttl", "soon")).kind())
                .isEqualTo(CofferException.Kind.INVALID_REQUEST);
    }

    @Test
    void create_expiringRootCannotCreateNonExpiringRoot() {
        String expiringRoot = (String) h.create(fields("ttl", "1h")).get("client_token");
        assertThat(h.failure(Operation.UPDATE, "auth/token/create", expiringRoot, Map.of()).getMessage())
                .contains("never expires");
    }

    @Test
    void create_warnsAboutFieldsItIgnores() {
        Response r = h.write("auth/token/create", ROOT, fields("policies", List.of("a"), "token_ttl", "1h"));
        assertThat(r.warnings()).singleElement().asString().contains("token_ttl");
    }

    @Test
    void displayName_isSanitizedAsVaultDoes() {
        assertThat(CreatePaths.displayName("")).isEqualTo("token");
        assertThat(CreatePaths.displayName("my app!")).isEqualTo("token-my-app");
        assertThat(CreatePaths.displayName("svc_1")).isEqualTo("token-svc-1");
    }
}
