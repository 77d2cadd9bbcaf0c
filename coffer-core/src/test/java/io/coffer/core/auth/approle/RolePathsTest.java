package io.coffer.core.auth.approle;

import static io.coffer.core.auth.AuthHarness.data;
import static io.coffer.core.auth.AuthHarness.failure;
import static io.coffer.core.auth.AuthHarness.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.auth.AuthHarness;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Response;
import io.coffer.core.mount.MountEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code role/}, {@code role/<name>}, {@code role/<name>/role-id} and the single-field role paths. */
class RolePathsTest {

    private final AuthHarness h = new AuthHarness(new AppRoleEngineFactory(), "approle/");

    @Test
    void create_withNoFields_storesVaultsDefaultsAndReadShowsThemSorted() {
        Response created = h.write("role/app", "{}");
        assertThat(status(created)).isEqualTo(204);

        Map<String, Object> role = data(h.read("role/app"));
        assertThat(List.copyOf(role.keySet())).containsExactly("bind_secret_id", "local_secret_ids", "secret_id_bound_cidrs",
                "secret_id_num_uses", "secret_id_ttl", "token_bound_cidrs", "token_explicit_max_ttl", "token_max_ttl",
                "token_no_default_policy", "token_num_uses", "token_period", "token_policies", "token_ttl", "token_type");
        assertThat(role).containsEntry("bind_secret_id", true).containsEntry("local_secret_ids", false)
                .containsEntry("secret_id_bound_cidrs", null).containsEntry("secret_id_num_uses", 0)
                .containsEntry("secret_id_ttl", 0L).containsEntry("token_bound_cidrs", List.of())
                .containsEntry("token_explicit_max_ttl", 0L).containsEntry("token_max_ttl", 0L)
                .containsEntry("token_no_default_policy", false).containsEntry("token_num_uses", 0)
                .containsEntry("token_period", 0L).containsEntry("token_policies", List.of())
                .containsEntry("token_ttl", 0L).containsEntry("token_type", "default");
    }

    @Test
    void create_withEveryField_readsBackParsedValues() {
        h.write("role/full", """
                {"bind_secret_id": "true", "secret_id_bound_cidrs": "10.0.0.0/8, 127.0.0.1/32",
                 "secret_id_num_uses": "5", "secret_id_ttl": "10m", "token_policies": "dev,ops",
                 "token_ttl": 1200, "token_max_ttl": "30m", "token_explicit_max_ttl": "1h",
                 "token_num_uses": 3, "token_period": 0, "token_bound_cidrs": ["127.0.0.1/32", "192.168.0.0/16"],
                 "token_type": "service", "local_secret_ids": true}""");

        Map<String, Object> role = data(h.read("role/full"));
        assertThat(role).containsEntry("secret_id_bound_cidrs", List.of("10.0.0.0/8", "127.0.0.1/32"))
                .containsEntry("secret_id_num_uses", 5).containsEntry("secret_id_ttl", 600L)
                .containsEntry("token_policies", List.of("dev", "ops")).containsEntry("token_ttl", 1200L)
                .containsEntry("token_max_ttl", 1800L).containsEntry("token_explicit_max_ttl", 3600L)
                .containsEntry("token_num_uses", 3).containsEntry("token_type", "service")
                .containsEntry("local_secret_ids", true)
                // A single-address block shows without its prefix, as Vault renders token CIDRs.
                .containsEntry("token_bound_cidrs", List.of("127.0.0.1", "192.168.0.0/16"));
    }

    @Test
    void update_changesOnlyTheGivenFields() {
        h.write("role/app", "{\"token_ttl\": \"1h\", \"secret_id_num_uses\": 7}");
        h.write("role/app", "{\"token_ttl\": \"2h\"}");

        Map<String, Object> role = data(h.read("role/app"));
        assertThat(role).containsEntry("token_ttl", 7200L).containsEntry("secret_id_num_uses", 7);
    }

    @Test
    void update_keepsTheRoleId() {
        h.write("role/app", "{}");
        Object before = data(h.read("role/app/role-id")).get("role_id");
        h.write("role/app", "{\"token_ttl\": 60}");
        assertThat(data(h.read("role/app/role-id"))).containsEntry("role_id", before);
    }

    @Test
    void names_areCaseInsensitiveAndListedLowerCase() {
        h.write("role/MyApp", "{}");
        assertThat(status(h.read("role/myapp"))).isEqualTo(200);
        assertThat(status(h.read("role/MYAPP"))).isEqualTo(200);
        assertThat(data(h.list("role"))).containsEntry("keys", List.of("myapp"));
    }

    @Test
    void list_isNotFoundWhenThereAreNoRoles() {
        CofferException e = failure(() -> h.list("role/"));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(e.messages()).isEmpty();
    }

    @Test
    void read_ofUnknownRoleIsNotFoundWithNoMessage() {
        CofferException e = failure(() -> h.read("role/nope"));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(e.messages()).isEmpty();
    }

    @Test
    void existenceCheck_tellsCreateFromUpdate() {
        assertThat(h.resolve(Operation.UPDATE, "role/app", Map.of()).effectiveOperation()).isEqualTo(Operation.CREATE);
        h.write("role/app", "{}");
        assertThat(h.resolve(Operation.UPDATE, "role/app", Map.of()).effectiveOperation()).isEqualTo(Operation.UPDATE);
    }

    @Test
    void delete_removesRoleItsIndexAndItsSecretIds() {
        h.write("role/app", "{}");
        String roleId = (String) data(h.read("role/app/role-id")).get("role_id");
        String secretId = (String) data(h.write("role/app/secret-id", "{}")).get("secret_id");

        assertThat(status(h.delete("role/app"))).isEqualTo(204);

        assertThat(failure(() -> h.read("role/app")).kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(h.backend.list(AuthHarness.MOUNT_PREFIX)).containsOnly("salt");
        h.write("role/app", "{\"role_id\": \"" + roleId + "\"}");
        CofferException login = failure(() -> h.write("login", Map.of("role_id", roleId, "secret_id", secretId)));
        assertThat(login.messages()).containsExactly("invalid role or secret ID");
    }

    @Test
    void delete_ofUnknownRoleIsANoOp() {
        assertThat(status(h.delete("role/nope"))).isEqualTo(204);
    }

    @Test
    void create_withoutAnyConstraintIsRefusedAndStoresNothing() {
        CofferException e = failure(() -> h.write("role/open", "{\"bind_secret_id\": false}"));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(e.messages()).containsExactly("at least one constraint should be enabled on the role");
        assertThat(failure(() -> h.read("role/open")).kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
    }

    @Test
    void create_withoutSecretIdButWithCidrsIsAllowed() {
        h.write("role/cidr", "{\"bind_secret_id\": false, \"secret_id_bound_cidrs\": \"127.0.0.0/8\"}");
        assertThat(data(h.read("role/cidr"))).containsEntry("bind_secret_id", false);
        h.write("role/tok", "{\"bind_secret_id\": false, \"token_bound_cidrs\": \"127.0.0.1\"}");
        assertThat(data(h.read("role/tok"))).containsEntry("token_bound_cidrs", List.of("127.0.0.1"));
    }

    @Test
    void write_rejectsBadFieldsWithNothingChanged() {
        h.write("role/app", "{\"token_ttl\": 60}");
        Map<String, Object> before = data(h.read("role/app"));
        List<String> bad = List.of(
                "{\"secret_id_num_uses\": -1}", "{\"secret_id_ttl\": \"-5\"}", "{\"token_ttl\": -1}",
                "{\"token_max_ttl\": -1}", "{\"token_num_uses\": -2}", "{\"token_period\": -3}",
                "{\"token_ttl\": 120, \"token_max_ttl\": 60}", "{\"secret_id_bound_cidrs\": \"10.0.0.0/33\"}",
                "{\"secret_id_bound_cidrs\": \"example.com\"}", "{\"token_bound_cidrs\": \"10.0.0.1/x\"}",
                "{\"token_type\": \"batch\"}", "{\"token_type\": \"weird\"}", "{\"token_policies\": \"dev,root\"}",
                "{\"policies\": \"ROOT\"}", "{\"token_no_default_policy\": true}", "{\"local_secret_ids\": true}",
                "{\"role_id\": \"\"}", "{\"bind_secret_id\": \"maybe\"}", "{\"token_ttl\": \"soon\"}",
                "{\"secret_id_num_uses\": 99999999999}");
        for (String body : bad) {
            CofferException e = failure(() -> h.write("role/app", body));
            assertThat(e.kind()).as(body).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        }
        assertThat(data(h.read("role/app"))).isEqualTo(before);
    }

    @Test
    void write_messagesAreVaults() {
        h.write("role/app", "{}");
        assertThat(failure(() -> h.write("role/app", "{\"secret_id_num_uses\": -1}")).messages())
                .containsExactly("secret_id_num_uses cannot be negative");
        assertThat(failure(() -> h.write("role/app", "{\"token_ttl\": 120, \"token_max_ttl\": 60}")).messages())
                .containsExactly("'token_ttl' cannot be greater than 'token_max_ttl'");
        assertThat(failure(() -> h.write("role/app", "{\"local_secret_ids\": true}")).messages())
                .containsExactly("local_secret_ids can only be modified during role creation");
        assertThat(failure(() -> h.write("role/app", "{\"token_type\": \"weird\"}")).messages())
                .containsExactly("invalid 'token_type' value \"weird\"");
    }

    @Test
    void write_defaultServiceTokenTypeIsAdjustedWithAWarning() {
        Response r = h.write("role/app", "{\"token_type\": \"default-service\"}");
        assertThat(r.warnings()).containsExactly("default-service has no useful meaning; adjusting to service");
        assertThat(data(h.read("role/app"))).containsEntry("token_type", "service");
    }

    @Test
    void write_tokenMaxTtlAboveTheMountMaximumWarns() {
        AuthHarness capped = new AuthHarness(new AppRoleEngineFactory(), "approle/", new MountEntry.MountConfig(0, 3600, false));
        Response r = capped.write("role/app", "{\"token_max_ttl\": \"2h\"}");
        assertThat(status(r)).isEqualTo(200);
        assertThat(r.warnings()).singleElement().asString().contains("token_max_ttl is greater than the backend mount's maximum TTL");
    }

    @Test
    void deprecatedPolicies_setTokenPoliciesAndShowUntilReplaced() {
        h.write("role/app", "{\"policies\": \"Dev, ops,dev\"}");
        assertThat(data(h.read("role/app"))).containsEntry("policies", List.of("dev", "ops"))
                .containsEntry("token_policies", List.of("dev", "ops"));

        h.write("role/app", "{\"token_policies\": [\"audit\"]}");
        assertThat(data(h.read("role/app"))).doesNotContainKey("policies").containsEntry("token_policies", List.of("audit"));
    }

    @Test
    void deprecatedPeriod_setsTokenPeriod() {
        h.write("role/app", "{\"period\": \"1h\"}");
        assertThat(data(h.read("role/app"))).containsEntry("period", 3600L).containsEntry("token_period", 3600L);
    }

    @Test
    void deprecatedBoundCidrList_setsSecretIdBoundCidrs() {
        h.write("role/app", "{\"bound_cidr_list\": \"10.1.0.0/16\"}");
        assertThat(data(h.read("role/app"))).containsEntry("secret_id_bound_cidrs", List.of("10.1.0.0/16"));
    }

    @Test
    void roleId_isAUuidByDefaultAndCanBeChosen() {
        h.write("role/app", "{}");
        String generated = (String) data(h.read("role/app/role-id")).get("role_id");
        assertThat(generated).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

        h.write("role/custom", "{\"role_id\": \"my-role-id\"}");
        assertThat(data(h.read("role/custom/role-id"))).containsEntry("role_id", "my-role-id");
    }

    @Test
    void roleId_setMovesTheLoginIndex() {
        h.write("role/app", "{\"bind_secret_id\": false, \"secret_id_bound_cidrs\": \"127.0.0.1/32\"}");
        String old = (String) data(h.read("role/app/role-id")).get("role_id");

        assertThat(status(h.write("role/app/role-id", "{\"role_id\": \"new-id\"}"))).isEqualTo(204);

        assertThat(data(h.read("role/app/role-id"))).containsEntry("role_id", "new-id");
        assertThat(h.write("login", Map.of("role_id", "new-id")).login()).isPresent();
        assertThat(failure(() -> h.write("login", Map.of("role_id", old))).messages()).containsExactly("invalid role or secret ID");
    }

    @Test
    void roleId_inUseByAnotherRoleIsRefused() {
        h.write("role/a", "{\"role_id\": \"shared\"}");
        CofferException onCreate = failure(() -> h.write("role/b", "{\"role_id\": \"shared\"}"));
        assertThat(onCreate.messages()).containsExactly("role_id already in use");
        assertThat(failure(() -> h.read("role/b")).kind()).isEqualTo(CofferException.Kind.NOT_FOUND);

        h.write("role/c", "{}");
        CofferException onSet = failure(() -> h.write("role/c/role-id", "{\"role_id\": \"shared\"}"));
        assertThat(onSet.messages()).containsExactly("role_id already in use");
    }

    @Test
    void roleId_pathsOfUnknownRoleOrWithoutValue() {
        assertThat(failure(() -> h.read("role/nope/role-id")).kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(failure(() -> h.write("role/nope/role-id", "{\"role_id\": \"x\"}")).kind())
                .isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(failure(() -> h.read("role/nope/role-id")).messages()).isEmpty();
        h.write("role/app", "{}");
        assertThat(failure(() -> h.write("role/app/role-id", "{}")).messages()).containsExactly("missing role_id");
    }

    @Test
    void roleId_isStoredOnlyHashedInTheIndex() {
        h.write("role/app", "{\"role_id\": \"distinctive-role-id-value\"}");
        List<String> indexKeys = h.backend.list(AuthHarness.MOUNT_PREFIX + RoleStore.ROLE_ID_PREFIX);
        assertThat(indexKeys).singleElement().asString().matches("[0-9a-f]{64}");
    }

    @Test
    void fieldPaths_readWriteAndResetOneSetting() {
        h.write("role/app", "{\"token_ttl\": 60}");

        assertThat(data(h.read("role/app/token-ttl"))).isEqualTo(Map.of("token_ttl", 60L));
        assertThat(status(h.write("role/app/token-ttl", "{\"token_ttl\": \"5m\"}"))).isEqualTo(204);
        assertThat(data(h.read("role/app"))).containsEntry("token_ttl", 300L);
        assertThat(status(h.delete("role/app/token-ttl"))).isEqualTo(204);
        assertThat(data(h.read("role/app/token-ttl"))).isEqualTo(Map.of("token_ttl", 0L));

        h.write("role/app/secret-id-bound-cidrs", "{\"secret_id_bound_cidrs\": \"127.0.0.1/32\"}");
        h.write("role/app/bind-secret-id", "{\"bind_secret_id\": false}");
        assertThat(data(h.read("role/app/bind-secret-id"))).isEqualTo(Map.of("bind_secret_id", false));
        h.write("role/app/secret-id-bound-cidrs", "{\"secret_id_bound_cidrs\": \"10.0.0.0/8\"}");
        assertThat(data(h.read("role/app/secret-id-bound-cidrs"))).isEqualTo(Map.of("secret_id_bound_cidrs", List.of("10.0.0.0/8")));
        h.delete("role/app/bind-secret-id");
        assertThat(data(h.read("role/app/bind-secret-id"))).isEqualTo(Map.of("bind_secret_id", true));

        h.write("role/app/policies", "{\"token_policies\": \"a,b\"}");
        assertThat(data(h.read("role/app/policies"))).isEqualTo(Map.of("token_policies", List.of("a", "b")));
        h.write("role/app/secret-id-num-uses", "{\"secret_id_num_uses\": 4}");
        h.write("role/app/secret-id-ttl", "{\"secret_id_ttl\": \"1h\"}");
        h.write("role/app/token-max-ttl", "{\"token_max_ttl\": \"2h\"}");
        h.write("role/app/token-num-uses", "{\"token_num_uses\": 9}");
        h.write("role/app/token-bound-cidrs", "{\"token_bound_cidrs\": \"127.0.0.1\"}");
        h.write("role/app/period", "{\"token_period\": 30}");
        assertThat(data(h.read("role/app"))).containsEntry("secret_id_num_uses", 4).containsEntry("secret_id_ttl", 3600L)
                .containsEntry("token_max_ttl", 7200L).containsEntry("token_num_uses", 9)
                .containsEntry("token_bound_cidrs", List.of("127.0.0.1")).containsEntry("token_period", 30L);
        assertThat(data(h.read("role/app/local-secret-ids"))).isEqualTo(Map.of("local_secret_ids", false));
    }

    @Test
    void fieldPaths_refuseMissingValuesAndUnknownRoles() {
        h.write("role/app", "{}");
        assertThat(failure(() -> h.write("role/app/token-ttl", "{}")).messages()).containsExactly("missing token_ttl");
        assertThat(failure(() -> h.write("role/nope/token-ttl", "{\"token_ttl\": 5}")).kind())
                .isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(failure(() -> h.read("role/nope/token-ttl")).kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(status(h.delete("role/nope/token-ttl"))).isEqualTo(204);
        assertThat(failure(() -> h.read("role/nope")).kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(failure(() -> h.write("role/app/local-secret-ids", "{\"local_secret_ids\": true}")).kind())
                .isEqualTo(CofferException.Kind.UNSUPPORTED_OPERATION);
    }

    @Test
    void fieldPaths_keepTheConstraintRule() {
        h.write("role/app", "{}");
        CofferException e = failure(() -> h.write("role/app/bind-secret-id", "{\"bind_secret_id\": false}"));
        assertThat(e.messages()).containsExactly("at least one constraint should be enabled on the role");
        assertThat(data(h.read("role/app"))).containsEntry("bind_secret_id", true);
    }

    @Test
    void names_outsideTheRuleAreNotRouted() {
        for (String path : List.of("role/-bad", "role/bad-", "role/a b", "role/a/b/c")) {
            assertThat(failure(() -> h.write(path, "{}")).kind()).as(path).isEqualTo(CofferException.Kind.NOT_FOUND);
        }
        char[] longName = new char[4097];
        Arrays.fill(longName, 'a');
        CofferException tooLong = failure(() -> h.write("role/" + new String(longName), "{}"));
        assertThat(tooLong.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
    }

    @Test
    void roles_areIndependentOfEachOther() {
        List<String> ids = new ArrayList<>();
        for (String n : List.of("a", "b", "c")) {
            h.write("role/" + n, "{\"token_ttl\": " + (n.charAt(0) - 'a' + 1) + "}");
            ids.add((String) data(h.read("role/" + n + "/role-id")).get("role_id"));
        }
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(data(h.list("role/"))).containsEntry("keys", List.of("a", "b", "c"));
        assertThat(data(h.read("role/b"))).containsEntry("token_ttl", 2L);
    }
}
