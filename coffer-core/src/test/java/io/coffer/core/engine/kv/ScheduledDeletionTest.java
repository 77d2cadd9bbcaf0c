package io.coffer.core.engine.kv;

import static io.coffer.core.engine.kv.KvHarness.data;
import static io.coffer.core.engine.kv.KvHarness.failure;
import static io.coffer.core.engine.kv.KvHarness.map;
import static io.coffer.core.engine.kv.KvHarness.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * A key another door scheduled for deletion (AWS DeleteSecret with a recovery window) reads
 * through KV like a deleted version and refuses KV writes until the deletion is cancelled: one
 * store, so the deleted secret is unreadable through either door.
 */
class ScheduledDeletionTest {

    private final KvHarness h = new KvHarness();

    private void schedule(String key) {
        h.store.edit(key, editor -> {
            editor.scheduleDeletion();
            return null;
        });
    }

    private void cancel(String key) {
        h.store.edit(key, editor -> {
            editor.cancelScheduledDeletion();
            return null;
        });
    }

    @Test
    void kvStore_readWithholdsData_ofEveryVersion_andWritesAreRefused() {
        h.put("app", "{\"a\":1}");
        h.put("app", "{\"a\":2}");
        h.clock.advance(Duration.ofSeconds(5));
        schedule("app");

        VersionRead current = h.store.readVersion("app", 0).orElseThrow();
        assertThat(current.live()).isFalse();
        assertThat(current.version().deletionTime()).isEqualTo(KvHarness.START.plusSeconds(5));
        assertThat(h.store.readVersion("app", 1).orElseThrow().live()).isFalse();
        assertThat(h.store.subkeys("app", 0, 0).orElseThrow().subkeys()).isNull();

        CofferException write = failure(() -> h.store.write("app", Map.of("a", 3), OptionalLong.empty()));
        assertThat(write.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(write.getMessage()).contains("scheduled for deletion").contains("RestoreSecret");
        assertThat(failure(() -> h.store.patch("app", Map.of("a", 3), OptionalLong.empty())).kind())
                .isEqualTo(CofferException.Kind.INVALID_REQUEST);
        // Metadata stays readable, and nothing was written.
        assertThat(h.store.readMetadata("app").orElseThrow().currentVersion()).isEqualTo(2);
        assertThat(h.store.listKeys("", true)).doesNotContain("app");
        assertThat(h.store.listKeys("", false)).contains("app");

        cancel("app");
        assertThat(h.store.readVersion("app", 0).orElseThrow().data().get("a")).hasToString("2");
        h.store.write("app", Map.of("a", 3), OptionalLong.empty());
        assertThat(h.store.readMetadata("app").orElseThrow().currentVersion()).isEqualTo(3);
    }

    @Test
    void kvPaths_readIs404WithMetadata_likeADeletedVersion_writeIs400_metadataReadWorks() {
        h.put("app", "{\"a\":1}");
        schedule("app");

        Response read = h.read("data/app");
        assertThat(status(read)).isEqualTo(404);
        assertThat(data(read).get("data")).isNull();
        Map<String, Object> metadata = map(data(read).get("metadata"));
        assertThat(metadata.get("version")).isEqualTo(1L);
        assertThat(metadata.get("deletion_time")).isEqualTo("2026-03-22T02:24:06.945319214Z");

        Response versioned = h.read("data/app", "version", "1");
        assertThat(status(versioned)).isEqualTo(404);
        assertThat(data(versioned).get("data")).isNull();

        CofferException write = failure(() -> h.put("app", "{\"a\":2}"));
        assertThat(write.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(write.messages()).singleElement().asString().contains("scheduled for deletion");
        assertThat(failure(() -> h.patch("data/app", "{\"data\":{\"a\":2}}")).kind())
                .isEqualTo(CofferException.Kind.INVALID_REQUEST);

        Response meta = h.read("metadata/app");
        assertThat(status(meta)).isEqualTo(200);
        assertThat(data(meta).get("current_version")).isEqualTo(1L);

        cancel("app");
        assertThat(status(h.read("data/app"))).isEqualTo(200);
        assertThat(status(h.put("app", "{\"a\":2}"))).isEqualTo(200);
    }

    @Test
    void aVersionDeletedBeforeTheSchedule_keepsItsOwnDeletionTime() {
        h.put("app", "{\"a\":1}");
        h.store.softDelete("app", List.of(1L));
        h.clock.advance(Duration.ofMinutes(1));
        schedule("app");
        assertThat(h.store.readVersion("app", 1).orElseThrow().version().deletionTime()).isEqualTo(KvHarness.START);
    }
}
