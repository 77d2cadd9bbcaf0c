package io.coffer.core.auth.token;

import static io.coffer.core.auth.token.TokenAuthHarness.ROOT;
import static io.coffer.core.auth.token.TokenAuthHarness.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** lookup, lookup-self, lookup-accessor and LIST accessors. */
class LookupPathsTest {

    private static final List<String> LOOKUP_KEYS = List.of("accessor", "creation_time", "creation_ttl", "display_name",
            "entity_id", "expire_time", "explicit_max_ttl", "id", "issue_time", "meta", "num_uses", "orphan", "path",
            "policies", "renewable", "ttl", "type");

    private final TokenAuthHarness h = new TokenAuthHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void lookupSelf_ofRootAnswersVaultsDataWithoutExpiry() {
        Map<String, Object> d = h.call(Operation.READ, "auth/token/lookup-self", ROOT, Map.of()).data().orElseThrow();
        assertThat(d).containsOnlyKeys(LOOKUP_KEYS)
                .containsEntry("id", ROOT)
                .containsEntry("policies", List.of("root"))
                .containsEntry("path", "auth/token/root")
                .containsEntry("display_name", "root")
                .containsEntry("expire_time", null)
                .containsEntry("ttl", 0L)
                .containsEntry("creation_ttl", 0L)
                .containsEntry("renewable", false)
                .containsEntry("orphan", true)
                .containsEntry("meta", null)
                .containsEntry("num_uses", 0)
                .containsEntry("entity_id", "")
                .containsEntry("type", "service")
                .containsEntry("issue_time", "2030-01-01T00:00:00Z")
                .containsEntry("creation_time", h.now());
        assertThat(d.keySet()).as("Go's sorted key order").containsExactlyElementsOf(LOOKUP_KEYS);
    }

    @Test
    void lookup_showsTheRemainingTtlAndTheExpiry() {
        Map<String, Object> auth = h.create(fields("policies", List.of("dev"), "ttl", "1h", "meta", Map.of("k", "v")));
        String token = (String) auth.get("client_token");
        h.clock.advance(Duration.ofMinutes(10));

        Map<String, Object> d = h.write("auth/token/lookup", ROOT, fields("token", token)).data().orElseThrow();

        assertThat(d).containsEntry("id", token).containsEntry("accessor", auth.get("accessor"))
                .containsEntry("creation_ttl", 3600L).containsEntry("ttl", 3000L)
                .containsEntry("expire_time", "2030-01-01T01:00:00Z").containsEntry("issue_time", "2030-01-01T00:00:00Z")
                .containsEntry("renewable", true).containsEntry("orphan", false).containsEntry("meta", Map.of("k", "v"))
                .containsEntry("policies", List.of("default", "dev"));
        assertThat(h.call(Operation.READ, "auth/token/lookup", ROOT, fields("token", token)).data().orElseThrow())
                .containsEntry("id", token);
    }

    @Test
    void lookup_withoutATokenLooksUpTheCaller() {
        assertThat(h.write("auth/token/lookup", ROOT, Map.of()).data().orElseThrow()).containsEntry("id", ROOT);
    }

    @Test
    void lookup_ofAnUnknownOrExpiredTokenIsPermissionDenied() {
        CofferException unknown = h.failure(Operation.UPDATE, "auth/token/lookup", ROOT, fields("token", "hvs.nope"));
        assertThat(unknown.kind()).isEqualTo(CofferException.Kind.PERMISSION_DENIED);
        assertThat(unknown.getMessage()).isEqualTo("bad token");

        String shortLived = (String) h.create(fields("ttl", "1m", "policies", List.of("a"))).get("client_token");
        h.clock.advance(Duration.ofMinutes(2));
        assertThat(h.failure(Operation.UPDATE, "auth/token/lookup", ROOT, fields("token", shortLived)).kind())
                .isEqualTo(CofferException.Kind.PERMISSION_DENIED);
    }

    @Test
    void lookupAccessor_neverRevealsTheToken() {
        Map<String, Object> auth = h.create(fields("policies", List.of("dev")));
        Map<String, Object> d = h.write("auth/token/lookup-accessor", ROOT, fields("accessor", auth.get("accessor")))
                .data().orElseThrow();
        assertThat(d).containsEntry("id", "").containsEntry("accessor", auth.get("accessor"))
                .containsEntry("policies", List.of("default", "dev"));
        assertThat(d.values()).doesNotContain(auth.get("client_token"));

        assertThat(h.failure(Operation.UPDATE, "auth/token/lookup-accessor", ROOT, Map.of()).getMessage())
                .isEqualTo("missing accessor");
        assertThat(h.failure(Operation.UPDATE, "auth/token/lookup-accessor", ROOT, fields("accessor", "nope")).getMessage())
                .isEqualTo("invalid accessor");
    }

    @Test
    void accessors_listsEveryLiveToken() {
        String a = (String) h.create(fields("policies", List.of("a"))).get("accessor");
        String b = (String) h.create(fields("policies", List.of("b"), "ttl", "1m")).get("accessor");
        h.clock.advance(Duration.ofMinutes(5));

        @SuppressWarnings("unchecked")
        List<String> keys = (List<String>) h.call(Operation.LIST, "auth/token/accessors", ROOT, Map.of()).data()
                .orElseThrow().get("keys");

        assertThat(keys).contains(a).doesNotContain(b).hasSize(2);
    }

    @Test
    void lookup_afterRenewalShowsTheRenewal() {
        String token = (String) h.create(fields("policies", List.of("a"), "ttl", "1h")).get("client_token");
        h.clock.advance(Duration.ofMinutes(30));
        h.write("auth/token/renew", ROOT, fields("token", token, "increment", "2h"));

        Map<String, Object> d = h.write("auth/token/lookup", ROOT, fields("token", token)).data().orElseThrow();
        assertThat(d).containsEntry("last_renewal_time", h.now()).containsEntry("last_renewal", "2030-01-01T00:30:00Z")
                .containsEntry("ttl", 7200L).containsEntry("creation_ttl", 3600L)
                .containsEntry("expire_time", "2030-01-01T02:30:00Z");
    }
}
