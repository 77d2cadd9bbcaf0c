package io.coffer.core.auth.approle;

import static io.coffer.core.auth.AuthHarness.data;
import static io.coffer.core.auth.AuthHarness.failure;
import static io.coffer.core.auth.AuthHarness.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.auth.AuthHarness;
import io.coffer.core.auth.TestClock;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Response;
import io.coffer.core.mount.MountEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Generating, looking up, listing and destroying secret IDs, by value and by accessor. */
class SecretIdPathsTest {

    private static final Instant START = Instant.parse("2026-03-22T02:24:06.945319214Z");
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final TestClock clock = new TestClock(START);
    private final AuthHarness h = new AuthHarness(new AppRoleEngineFactory(clock), "approle/");

    @Test
    void generate_answersVaultsFourFieldsWithRoleDefaults() {
        h.write("role/app", "{\"secret_id_num_uses\": 5, \"secret_id_ttl\": \"10m\"}");

        Map<String, Object> issued = data(h.write("role/app/secret-id", "{}"));

        assertThat(List.copyOf(issued.keySet())).containsExactly("secret_id", "secret_id_accessor", "secret_id_num_uses",
                "secret_id_ttl");
        assertThat((String) issued.get("secret_id")).matches(UUID);
        assertThat((String) issued.get("secret_id_accessor")).matches(UUID);
        assertThat(issued).containsEntry("secret_id_num_uses", 5).containsEntry("secret_id_ttl", 600L);
    }

    @Test
    void generate_storesNeitherTheSecretIdNorAnythingThatRevealsIt() {
        h.write("role/app", "{}");
        String secretId = (String) data(h.write("role/app/secret-id", "{}")).get("secret_id");
        String custom = "my-very-own-custom-secret";
        h.write("role/app/custom-secret-id", Map.of("secret_id", custom));

        String stored = h.everythingStored();
        assertThat(stored).doesNotContain(secretId).doesNotContain(custom);
        assertThat(h.backend.list(AuthHarness.MOUNT_PREFIX + SecretIdStore.SECRET_ID_PREFIX + "app/"))
                .hasSize(2).allMatch(k -> k.matches("[0-9a-f]{64}"));
    }

    @Test
    void generate_requestOverridesWithinTheRolesLimits() {
        h.write("role/app", "{\"secret_id_num_uses\": 5, \"secret_id_ttl\": \"10m\"}");
        Map<String, Object> issued = data(h.write("role/app/secret-id", "{\"num_uses\": 2, \"ttl\": \"60s\"}"));
        assertThat(issued).containsEntry("secret_id_num_uses", 2).containsEntry("secret_id_ttl", 60L);

        assertThat(failure(() -> h.write("role/app/secret-id", "{\"num_uses\": 6}")).messages())
                .containsExactly("num_uses cannot be higher than the role's secret_id_num_uses");
        assertThat(failure(() -> h.write("role/app/secret-id", "{\"num_uses\": 0}")).messages())
                .containsExactly("num_uses cannot be higher than the role's secret_id_num_uses");
        assertThat(failure(() -> h.write("role/app/secret-id", "{\"num_uses\": -1}")).messages())
                .containsExactly("num_uses cannot be negative");
        assertThat(failure(() -> h.write("role/app/secret-id", "{\"ttl\": \"11m\"}")).messages())
                .containsExactly("ttl cannot be longer than the role's secret_id_ttl");
        assertThat(failure(() -> h.write("role/app/secret-id", "{\"ttl\": 0}")).messages())
                .containsExactly("ttl cannot be longer than the role's secret_id_ttl");
    }

    @Test
    void generate_withoutRoleLimitsAcceptsAnyUsesAndTtl() {
        h.write("role/app", "{}");
        Map<String, Object> issued = data(h.write("role/app/secret-id", "{\"num_uses\": 100, \"ttl\": 7200}"));
        assertThat(issued).containsEntry("secret_id_num_uses", 100).containsEntry("secret_id_ttl", 7200L);
    }

    @Test
    void generate_capsTheTtlAtTheMountMaximum() {
        AuthHarness capped = new AuthHarness(new AppRoleEngineFactory(clock), "approle/", new MountEntry.MountConfig(0, 300, false));
        capped.write("role/app", "{}");
        Map<String, Object> issued = data(capped.write("role/app/secret-id", "{\"ttl\": \"1h\"}"));
        assertThat(issued).containsEntry("secret_id_ttl", 300L);
        Map<String, Object> lookup = data(capped.write("role/app/secret-id/lookup", Map.of("secret_id", issued.get("secret_id"))));
        // The lookup shows the TTL asked for and the capped expiration, as Vault does.
        assertThat(lookup).containsEntry("secret_id_ttl", 3600L).containsEntry("expiration_time", "2026-03-22T02:29:06.945319214Z");
    }

    @Test
    void generate_forUnknownRoleOrRoleWithoutSecretIdsIsRefused() {
        CofferException unknown = failure(() -> h.write("role/nope/secret-id", "{}"));
        assertThat(unknown.kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(unknown.messages()).containsExactly("role \"nope\" does not exist");

        h.write("role/open", "{\"bind_secret_id\": false, \"secret_id_bound_cidrs\": \"127.0.0.1/32\"}");
        CofferException unbound = failure(() -> h.write("role/open/secret-id", "{}"));
        assertThat(unbound.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(unbound.messages()).containsExactly("bind_secret_id is not set on the role");
    }

    @Test
    void customSecretId_isUsedAsGivenAndRefusedTwice() {
        h.write("role/app", "{}");
        Map<String, Object> issued = data(h.write("role/app/custom-secret-id", Map.of("secret_id", "s3cr3t-id", "num_uses", 3)));
        assertThat(issued).containsEntry("secret_id", "s3cr3t-id").containsEntry("secret_id_num_uses", 3)
                .containsEntry("secret_id_ttl", 0L);

        CofferException again = failure(() -> h.write("role/app/custom-secret-id", Map.of("secret_id", "s3cr3t-id")));
        assertThat(again.messages()).containsExactly("SecretID is already registered");
        assertThat(keys(h.list("role/app/secret-id"))).hasSize(1);

        assertThat(failure(() -> h.write("role/app/custom-secret-id", "{}")).messages()).containsExactly("missing secret_id");
        assertThat(failure(() -> h.write("role/app/custom-secret-id", Map.of("secret_id", "x".repeat(4097)))).kind())
                .isEqualTo(CofferException.Kind.INVALID_REQUEST);
    }

    @Test
    void metadata_isReadAsJsonOrPairsOrBase64() {
        h.write("role/app", "{}");
        String json = lookupMetadataOf(h.write("role/app/secret-id", Map.of("metadata", "{\"tag1\": \"production\"}")));
        assertThat(json).isEqualTo("{tag1=production}");
        String pairs = lookupMetadataOf(h.write("role/app/secret-id", Map.of("metadata", "a=1, b=2")));
        assertThat(pairs).isEqualTo("{a=1, b=2}");
        String b64 = Base64.getEncoder().encodeToString("{\"env\":\"dev\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(lookupMetadataOf(h.write("role/app/secret-id", Map.of("metadata", b64)))).isEqualTo("{env=dev}");

        for (String bad : List.of("{\"n\": 1}", "novalue", "k=", "{\"k\": \"\"}")) {
            CofferException e = failure(() -> h.write("role/app/secret-id", Map.of("metadata", bad)));
            assertThat(e.kind()).as(bad).isEqualTo(CofferException.Kind.INVALID_REQUEST);
            assertThat(e.getMessage()).as(bad).startsWith("failed to parse metadata");
        }
        assertThat(keys(h.list("role/app/secret-id"))).hasSize(3);
    }

    private String lookupMetadataOf(Response issued) {
        Object secretId = data(issued).get("secret_id");
        return String.valueOf(data(h.write("role/app/secret-id/lookup", Map.of("secret_id", secretId))).get("metadata"));
    }

    @Test
    void cidrLists_mustStayWithinTheRolesBlocks() {
        h.write("role/app", "{\"secret_id_bound_cidrs\": \"10.0.0.0/8\", \"token_bound_cidrs\": \"10.0.0.0/16\"}");
        assertThat(status(h.write("role/app/secret-id", "{\"cidr_list\": \"10.1.0.0/16\", \"token_bound_cidrs\": \"10.0.1.0/24\"}")))
                .isEqualTo(200);
        CofferException wide = failure(() -> h.write("role/app/secret-id", "{\"cidr_list\": \"11.0.0.0/8\"}"));
        assertThat(wide.getMessage()).startsWith("failed to verify subset relationship between CIDR blocks on the role");
        CofferException wideToken = failure(() -> h.write("role/app/secret-id", "{\"token_bound_cidrs\": \"10.0.0.0/8\"}"));
        assertThat(wideToken.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        CofferException bad = failure(() -> h.write("role/app/secret-id", "{\"cidr_list\": \"10.0.0.300\"}"));
        assertThat(bad.messages()).containsExactly("field \"cidr_list\" has an invalid CIDR block \"10.0.0.300\"");
        assertThat(keys(h.list("role/app/secret-id"))).hasSize(1);
    }

    @Test
    void lookup_showsVaultsFieldsAndCountsDown() {
        h.write("role/app", "{\"bind_secret_id\": true}");
        Map<String, Object> issued = data(h.write("role/app/secret-id",
                "{\"num_uses\": 3, \"ttl\": 600, \"cidr_list\": \"127.0.0.0/8\", \"metadata\": \"team=core\"}"));
        Object secretId = issued.get("secret_id");

        Map<String, Object> lookup = data(h.write("role/app/secret-id/lookup", Map.of("secret_id", secretId)));
        assertThat(List.copyOf(lookup.keySet())).containsExactly("cidr_list", "creation_time", "expiration_time",
                "last_updated_time", "metadata", "secret_id_accessor", "secret_id_num_uses", "secret_id_ttl", "token_bound_cidrs");
        assertThat(lookup).containsEntry("cidr_list", List.of("127.0.0.0/8"))
                .containsEntry("creation_time", "2026-03-22T02:24:06.945319214Z")
                .containsEntry("expiration_time", "2026-03-22T02:34:06.945319214Z")
                .containsEntry("last_updated_time", "2026-03-22T02:24:06.945319214Z")
                .containsEntry("metadata", Map.of("team", "core"))
                .containsEntry("secret_id_accessor", issued.get("secret_id_accessor"))
                .containsEntry("secret_id_num_uses", 3).containsEntry("secret_id_ttl", 600L)
                .containsEntry("token_bound_cidrs", List.of());

        clock.advance(Duration.ofSeconds(5));
        h.write("login", Map.of("role_id", roleId("app"), "secret_id", secretId));
        Map<String, Object> after = data(h.write("role/app/secret-id/lookup", Map.of("secret_id", secretId)));
        assertThat(after).containsEntry("secret_id_num_uses", 2).containsEntry("last_updated_time", "2026-03-22T02:24:11.945319214Z");
    }

    @Test
    void lookup_ofSecretIdThatNeverExpiresShowsGosZeroTime() {
        h.write("role/app", "{}");
        Object secretId = data(h.write("role/app/secret-id", "{}")).get("secret_id");
        assertThat(data(h.write("role/app/secret-id/lookup", Map.of("secret_id", secretId))))
                .containsEntry("expiration_time", "0001-01-01T00:00:00Z").containsEntry("metadata", Map.of());
    }

    @Test
    void lookup_ofUnknownSecretIdIsEmptyAndOfUnknownRoleNotFound() {
        h.write("role/app", "{}");
        assertThat(status(h.write("role/app/secret-id/lookup", Map.of("secret_id", "nope")))).isEqualTo(204);
        assertThat(failure(() -> h.write("role/app/secret-id/lookup", "{}")).messages()).containsExactly("missing secret_id");
        CofferException unknownRole = failure(() -> h.write("role/nope/secret-id/lookup", Map.of("secret_id", "x")));
        assertThat(unknownRole.kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
    }

    @Test
    void lookup_isScopedToTheRole() {
        h.write("role/a", "{}");
        h.write("role/b", "{}");
        Map<String, Object> issued = data(h.write("role/a/secret-id", "{}"));
        assertThat(status(h.write("role/b/secret-id/lookup", Map.of("secret_id", issued.get("secret_id"))))).isEqualTo(204);
        assertThat(status(h.write("role/b/secret-id-accessor/lookup",
                Map.of("secret_id_accessor", issued.get("secret_id_accessor"))))).isEqualTo(204);
        CofferException destroyOther = failure(() -> h.write("role/b/secret-id-accessor/destroy",
                Map.of("secret_id_accessor", issued.get("secret_id_accessor"))));
        assertThat(destroyOther.kind()).isEqualTo(CofferException.Kind.PERMISSION_DENIED);
        assertThat(destroyOther.messages()).containsExactly("invalid secret id accessor");
        assertThat(status(h.write("role/a/secret-id/lookup", Map.of("secret_id", issued.get("secret_id"))))).isEqualTo(200);
    }

    @Test
    void destroy_bySecretIdRemovesItAndItsAccessor() {
        h.write("role/app", "{}");
        Map<String, Object> issued = data(h.write("role/app/secret-id", "{}"));
        Object secretId = issued.get("secret_id");

        assertThat(status(h.write("role/app/secret-id/destroy", Map.of("secret_id", secretId)))).isEqualTo(204);

        assertThat(status(h.write("role/app/secret-id/lookup", Map.of("secret_id", secretId)))).isEqualTo(204);
        assertThat(failure(() -> h.write("role/app/secret-id-accessor/lookup",
                Map.of("secret_id_accessor", issued.get("secret_id_accessor")))).kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(failure(() -> h.write("login", Map.of("role_id", roleId("app"), "secret_id", secretId))).messages())
                .containsExactly("invalid role or secret ID");
        assertThat(status(h.write("role/app/secret-id/destroy", Map.of("secret_id", secretId)))).isEqualTo(204);
        assertThat(h.backend.list(AuthHarness.MOUNT_PREFIX)).doesNotContain("secret_id/", "accessor/");
    }

    @Test
    void destroy_acceptsTheDeleteVerbWithTheValueAsAField() {
        h.write("role/app", "{}");
        Object secretId = data(h.write("role/app/secret-id", "{}")).get("secret_id");
        h.call(io.coffer.core.logical.Operation.DELETE, "role/app/secret-id/destroy", Map.of("secret_id", secretId));
        assertThat(status(h.write("role/app/secret-id/lookup", Map.of("secret_id", secretId)))).isEqualTo(204);
    }

    @Test
    void accessor_lookupAndDestroy() {
        h.write("role/app", "{}");
        Map<String, Object> issued = data(h.write("role/app/secret-id", "{\"metadata\": \"k=v\"}"));
        Object accessor = issued.get("secret_id_accessor");

        Map<String, Object> lookup = data(h.write("role/app/secret-id-accessor/lookup", Map.of("secret_id_accessor", accessor)));
        assertThat(lookup).containsEntry("secret_id_accessor", accessor).containsEntry("metadata", Map.of("k", "v"))
                .doesNotContainKey("secret_id");

        assertThat(status(h.write("role/app/secret-id-accessor/destroy", Map.of("secret_id_accessor", accessor)))).isEqualTo(204);
        CofferException gone = failure(() -> h.write("role/app/secret-id-accessor/lookup", Map.of("secret_id_accessor", accessor)));
        assertThat(gone.kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(gone.messages()).containsExactly("failed to find accessor entry for secret_id_accessor: \"" + accessor + "\"");
        assertThat(failure(() -> h.write("role/app/secret-id-accessor/destroy", Map.of("secret_id_accessor", accessor))).kind())
                .isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(failure(() -> h.write("role/app/secret-id-accessor/lookup", "{}")).messages())
                .containsExactly("missing secret_id_accessor");
        assertThat(failure(() -> h.write("login", Map.of("role_id", roleId("app"), "secret_id", issued.get("secret_id")))).kind())
                .isEqualTo(CofferException.Kind.INVALID_REQUEST);
    }

    @Test
    void list_showsTheAccessorsOfTheRoleOnly() {
        h.write("role/a", "{}");
        h.write("role/b", "{}");
        Object a1 = data(h.write("role/a/secret-id", "{}")).get("secret_id_accessor");
        Object a2 = data(h.write("role/a/custom-secret-id", Map.of("secret_id", "custom"))).get("secret_id_accessor");
        h.write("role/b/secret-id", "{}");

        assertThat(keys(h.list("role/a/secret-id/"))).containsExactlyInAnyOrder(a1, a2);
        CofferException none = failure(() -> h.list("role/c/secret-id"));
        assertThat(none.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(none.messages()).containsExactly("role \"c\" does not exist");
        h.write("role/c", "{}");
        CofferException empty = failure(() -> h.list("role/c/secret-id"));
        assertThat(empty.kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(empty.messages()).isEmpty();
    }

    @Test
    void tidy_removesOnlyExpiredSecretIds() {
        h.write("role/app", "{}");
        Object shortLived = data(h.write("role/app/secret-id", "{\"ttl\": 10}")).get("secret_id_accessor");
        Object longLived = data(h.write("role/app/secret-id", "{\"ttl\": 1000}")).get("secret_id_accessor");
        Object forever = data(h.write("role/app/secret-id", "{}")).get("secret_id_accessor");
        clock.advance(Duration.ofSeconds(10));

        Response tidy = h.write("tidy/secret-id", "{}");

        assertThat(status(tidy)).isEqualTo(202);
        assertThat(keys(h.list("role/app/secret-id"))).containsExactlyInAnyOrder(longLived, forever)
                .doesNotContain(shortLived);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> keys(Response r) {
        return (List<Object>) data(r).get("keys");
    }

    private String roleId(String role) {
        return (String) data(h.read("role/" + role + "/role-id")).get("role_id");
    }
}
