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

/** auth/token/roles CRUD and LIST, and tokens created against roles. */
class RolePathsTest {

    private final TokenAuthHarness h = new TokenAuthHarness();

    @AfterEach
    void close() {
        h.close();
    }

    private Map<String, Object> readRole(String name) {
        return h.call(Operation.READ, "auth/token/roles/" + name, ROOT, Map.of()).data().orElseThrow();
    }

    @Test
    void role_writeReadListDelete() {
        Response written = h.write("auth/token/roles/ci", ROOT, fields("allowed_policies", "dev, ops", "orphan", true,
                "token_period", "10m", "path_suffix", "v1", "token_explicit_max_ttl", 7200, "token_num_uses", 4));
        assertThat(written.isEmpty()).isTrue();

        assertThat(readRole("ci")).containsOnlyKeys("allowed_entity_aliases", "allowed_policies", "allowed_policies_glob",
                "disallowed_policies", "disallowed_policies_glob", "explicit_max_ttl", "name", "orphan", "path_suffix",
                "period", "renewable", "token_explicit_max_ttl", "token_no_default_policy", "token_num_uses",
                "token_period", "token_type")
                .containsEntry("name", "ci")
                .containsEntry("allowed_policies", List.of("dev", "ops"))
                .containsEntry("disallowed_policies", List.of())
                .containsEntry("orphan", true)
                .containsEntry("renewable", true)
                .containsEntry("token_period", 600L)
                .containsEntry("period", 0L)
                .containsEntry("token_explicit_max_ttl", 7200L)
                .containsEntry("path_suffix", "v1")
                .containsEntry("token_num_uses", 4)
                .containsEntry("token_type", "default-service");

        h.write("auth/token/roles/web", ROOT, Map.of());
        assertThat(h.call(Operation.LIST, "auth/token/roles", ROOT, Map.of()).data().orElseThrow())
                .containsEntry("keys", List.of("ci", "web"));

        h.call(Operation.DELETE, "auth/token/roles/ci", ROOT, Map.of());
        h.call(Operation.DELETE, "auth/token/roles/web", ROOT, Map.of());
        assertThat(h.failure(Operation.READ, "auth/token/roles/ci", ROOT, Map.of()).kind())
                .isEqualTo(CofferException.Kind.NOT_FOUND);
        CofferException emptyList = h.failure(Operation.LIST, "auth/token/roles/", ROOT, Map.of());
        assertThat(emptyList.kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(emptyList.messages()).isEmpty();
    }

    @Test
    void role_writeIsCreateOrUpdateByExistenceAndUpdateKeepsOtherFields() {
        assertThat(h.target(Operation.UPDATE, "roles/ci", ROOT, Map.of()).effectiveOperation()).isEqualTo(Operation.CREATE);
        h.write("auth/token/roles/ci", ROOT, fields("allowed_policies", List.of("dev"), "renewable", false));
        assertThat(h.target(Operation.UPDATE, "roles/ci", ROOT, Map.of()).effectiveOperation()).isEqualTo(Operation.UPDATE);

        h.write("auth/token/roles/ci", ROOT, fields("orphan", true));

        assertThat(readRole("ci")).containsEntry("allowed_policies", List.of("dev")).containsEntry("renewable", false)
                .containsEntry("orphan", true);
    }

    @Test
    void role_deprecatedFieldsReadBackAsWritten() {
        h.write("auth/token/roles/old", ROOT, fields("period", 300, "explicit_max_ttl", "1h"));
        assertThat(readRole("old")).containsEntry("period", 300L).containsEntry("token_period", 300L)
                .containsEntry("explicit_max_ttl", 3600L).containsEntry("token_explicit_max_ttl", 3600L);

        Response both = h.write("auth/token/roles/old", ROOT, fields("token_period", 60, "period", 30));
        assertThat(both.warnings()).hasSize(1);
        assertThat(readRole("old")).containsEntry("period", 0L).containsEntry("token_period", 60L);
    }

    @Test
    void role_rejectsUnsupportedOrInvalidSettings() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(fields("token_bound_cidrs", List.of("10.0.0.0/8")),
                fields("path_suffix", "a/b"), fields("path_suffix", "a..b"), fields("token_type", "batch"),
                fields("token_type", "weird"), fields("token_num_uses", -1))) {
            assertThat(h.failure(Operation.UPDATE, "auth/token/roles/bad", ROOT, bad).kind())
                    .as(bad.toString()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        }
        assertThat(h.failure(Operation.READ, "auth/token/roles/bad", ROOT, Map.of()).kind())
                .isEqualTo(CofferException.Kind.NOT_FOUND);
    }

    @Test
    void createAgainstRole_appliesTheRolesRules() {
        h.write("auth/token/roles/ci", ROOT, fields("allowed_policies", List.of("dev", "ops"), "orphan", true,
                "token_period", "10m", "path_suffix", "v1", "renewable", true));

        Map<String, Object> auth = h.write("auth/token/create/ci", ROOT, fields("policies", List.of("dev"))).auth().orElseThrow();
        assertThat(auth).containsEntry("policies", List.of("default", "dev")).containsEntry("orphan", true)
                .containsEntry("lease_duration", 600L).containsEntry("renewable", true);
        Map<String, Object> lookup = h.write("auth/token/lookup", ROOT, fields("token", auth.get("client_token")))
                .data().orElseThrow();
        assertThat(lookup).containsEntry("path", "auth/token/create/ci/v1").containsEntry("role", "ci")
                .containsEntry("period", 600L);

        Map<String, Object> all = h.write("auth/token/create/ci", ROOT, Map.of()).auth().orElseThrow();
        assertThat(all).containsEntry("policies", List.of("default", "dev", "ops"));
        assertThat(h.failure(Operation.UPDATE, "auth/token/create/ci", ROOT, fields("policies", List.of("admin"))).getMessage())
                .contains("allowed policies");
    }

    @Test
    void createAgainstRole_allowsPoliciesBeyondTheParentsButNotDisallowedOnes() {
        h.write("auth/token/roles/wide", ROOT, fields("allowed_policies_glob", List.of("team-*"),
                "disallowed_policies", List.of("team-admin")));
        String parent = h.nonRoot(List.of("a"));

        Map<String, Object> auth = h.direct(Operation.UPDATE, "create/wide", parent, fields("policies", List.of("team-x")))
                .auth().orElseThrow();
        assertThat(auth).containsEntry("policies", List.of("default", "team-x")).containsEntry("orphan", false);
        assertThat(h.directFailure(Operation.UPDATE, "create/wide", parent, fields("policies", List.of("team-admin")))
                .getMessage()).contains("disallowed");
        assertThat(h.directFailure(Operation.UPDATE, "create/wide", parent, fields("policies", List.of("other")))
                .getMessage()).contains("allowed policies");
    }

    @Test
    void createAgainstRole_numUsesAndRenewabilityOnlyTighten() {
        h.write("auth/token/roles/tight", ROOT, fields("token_num_uses", 3, "renewable", false));
        Map<String, Object> auth = h.write("auth/token/create/tight", ROOT, fields("num_uses", 10, "ttl", "1h"))
                .auth().orElseThrow();
        assertThat(auth).containsEntry("num_uses", 3).containsEntry("renewable", false);
        assertThat(h.write("auth/token/create/tight", ROOT, fields("num_uses", 2, "ttl", "1h")).auth().orElseThrow())
                .containsEntry("num_uses", 2);
    }

    @Test
    void createAgainstRole_unknownRoleIsABadRequest() {
        CofferException e = h.failure(Operation.UPDATE, "auth/token/create/nope", ROOT, Map.of());
        assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(e.getMessage()).isEqualTo("unknown role nope");
    }
}
