package io.coffer.core.engine.kv;

import static io.coffer.core.engine.kv.KvHarness.MOUNT_PREFIX;
import static io.coffer.core.engine.kv.KvHarness.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.error.CofferException;
import io.coffer.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The domain API as another front door (the AWS-compatible one) uses it, without the Vault wire. */
class KvStoreTest {

    private final KvHarness h = new KvHarness();
    private final KvStore store = h.store;

    @Test
    void write_thenReadVersion_returnsDataAndVersionMetadata() {
        WriteResult w = store.write("app/db", Map.of("user", "u", "pass", "p"), OptionalLong.empty());

        assertThat(w.version()).isEqualTo(new VersionMetadata(1, KvHarness.START, null, false));
        VersionRead r = store.readVersion("app/db", 0).orElseThrow();
        assertThat(r.live()).isTrue();
        assertThat(r.data()).containsExactly(Map.entry("pass", "p"), Map.entry("user", "u"));
        assertThat(r.customMetadata()).isEmpty();
    }

    @Test
    void readVersion_missing_isEmpty() {
        assertThat(store.readVersion("nope", 0)).isEmpty();
        store.write("app", Map.of(), OptionalLong.empty());
        assertThat(store.readVersion("app", 2)).isEmpty();
    }

    @Test
    void readMetadata_exposesVersionsAndSettings() {
        store.writeMetadata("app", new MetadataUpdate(4, true, 60L, Map.of("label", "AWSCURRENT")));
        store.write("app", Map.of("v", 1), OptionalLong.of(0));
        h.clock.advance(Duration.ofSeconds(1));
        store.write("app", Map.of("v", 2), OptionalLong.of(1));

        KeyMetadata m = store.readMetadata("app").orElseThrow();
        assertThat(m.currentVersion()).isEqualTo(2);
        assertThat(m.maxVersions()).isEqualTo(4);
        assertThat(m.casRequired()).isTrue();
        assertThat(m.deleteVersionAfterSeconds()).isEqualTo(60);
        assertThat(m.customMetadata()).containsExactly(Map.entry("label", "AWSCURRENT"));
        assertThat(m.versions().keySet()).containsExactly(1L, 2L);
        assertThat(m.current().orElseThrow().deletionTime()).isEqualTo(KvHarness.START.plusSeconds(61));
    }

    @Test
    void patch_outcomes_areTyped() {
        assertThat(store.patch("nope", Map.of("a", 1), OptionalLong.empty())).isInstanceOf(PatchResult.NoKey.class);
        store.write("app", Map.of("a", 1), OptionalLong.empty());
        assertThat(store.patch("app", Map.of("b", 2), OptionalLong.empty())).isInstanceOf(PatchResult.Written.class);
        store.deleteLatest("app");
        assertThat(store.patch("app", Map.of("b", 3), OptionalLong.empty())).isInstanceOf(PatchResult.NotLive.class);
    }

    @Test
    void config_updateAndRead() {
        assertThat(store.config()).isEqualTo(KvConfig.DEFAULT);
        KvConfig c = store.updateConfig(new ConfigUpdate(3, true, -20L));
        assertThat(c).isEqualTo(new KvConfig(3, true, KvConfig.DELETE_VERSION_AFTER_DISABLED));
        assertThat(store.config()).isEqualTo(c);
        assertThat(c.effectiveMaxVersions(0)).isEqualTo(3);
        assertThat(KvConfig.DEFAULT.effectiveMaxVersions(0)).isEqualTo(10);
    }

    @Test
    void storageLayout_isConfigMetadataAndHashedVersions() {
        store.updateConfig(new ConfigUpdate(5, null, null));
        store.write("app/db", Map.of("k", "v"), OptionalLong.empty());
        store.write("app/db", Map.of("k", "w"), OptionalLong.empty());

        String hash = KvHarness.sha256("app/db");
        assertThat(h.allBackendKeys()).containsExactlyInAnyOrder(
                MOUNT_PREFIX + "config",
                MOUNT_PREFIX + "metadata/app/db",
                MOUNT_PREFIX + "versions/" + hash + "/1",
                MOUNT_PREFIX + "versions/" + hash + "/2");
        Map<String, Object> version = Json.parseObject(h.backend.get(MOUNT_PREFIX + "versions/" + hash + "/2").orElseThrow());
        assertThat(version).containsEntry("data", Map.of("k", "w"));
        Map<String, Object> meta = Json.parseObject(h.backend.get(MOUNT_PREFIX + "metadata/app/db").orElseThrow());
        assertThat(meta).containsEntry("key", "app/db").containsEntry("current_version", 2);
        assertThat(new String(h.backend.get(MOUNT_PREFIX + "metadata/app/db").orElseThrow(), StandardCharsets.UTF_8))
                .doesNotContain("\"w\"");
    }

    @Test
    void keys_withEmptyOrRelativeSegments_areRejected() {
        for (String bad : List.of("", "/a", "a/", "a//b", ".", "..", "a/../b", "a/./b", "../config")) {
            CofferException e = failure(() -> store.write(bad, Map.of("v", 1), OptionalLong.empty()));
            assertThat(e.kind()).as(bad).isEqualTo(CofferException.Kind.INVALID_REQUEST);
            assertThat(failure(() -> store.readVersion(bad, 0)).kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        }
        assertThat(h.allBackendKeys()).isEmpty();
    }

    @Test
    void listKeys_badFolder_isRejected() {
        assertThat(failure(() -> store.listKeys("../", false)).kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(failure(() -> store.listKeys("a", false)).kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
    }

    @Test
    void keyNamedLikeStorageFolders_staysInsideMetadataFolder() {
        store.write("config", Map.of("v", "secret"), OptionalLong.empty());
        store.write("versions/x", Map.of("v", 1), OptionalLong.empty());

        assertThat(store.config()).isEqualTo(KvConfig.DEFAULT);
        assertThat(store.listKeys("", false)).containsExactly("config", "versions/");
        assertThat(h.allBackendKeys()).allMatch(k -> k.startsWith(MOUNT_PREFIX));
    }

    @Test
    void write_nonJsonValue_isRejected() {
        CofferException e = failure(() -> store.write("app", Map.of("v", new Object()), OptionalLong.empty()));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
    }

    @Test
    void errors_neverContainSecretValues() {
        store.write("app", Map.of("password", "hunter2-very-secret"), OptionalLong.empty());
        CofferException cas = failure(() -> store.write("app", Map.of("password", "hunter3-very-secret"), OptionalLong.of(5)));
        assertThat(cas.getMessage()).doesNotContain("hunter");
        CofferException nonJson = failure(() -> store.write("app", Map.of("password", new StringBuilder("hunter4")),
                OptionalLong.empty()));
        assertThat(nonJson.getMessage()).doesNotContain("hunter");
    }
}
