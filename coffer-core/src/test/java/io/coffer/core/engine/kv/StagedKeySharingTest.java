package io.coffer.core.engine.kv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.coffer.core.barrier.AesGcm;
import io.coffer.core.barrier.AesGcmBarrier;
import io.coffer.core.storage.InMemoryStorage;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Behind the real barrier, {@link KvStore#readStaged} hands every reader the same view until the
 * key's stored metadata changes (doors cache what they derive from it by identity), and any change,
 * through any store on the same storage, gives a new view at once.
 */
class StagedKeySharingTest {

    private final AesGcmBarrier barrier = new AesGcmBarrier(new InMemoryStorage(), Clock.systemUTC());

    @Test
    void readStaged_isTheSameInstanceUntilTheKeyChanges_thenShowsTheChange() {
        barrier.initialize(AesGcm.newKey());
        KvStore reader = new KvStore(barrier.view("logical/kv/"), Clock.systemUTC());
        KvStore writer = new KvStore(barrier.view("logical/kv/"), Clock.systemUTC());
        writer.write("app/staged", Map.of("v", "1"), OptionalLong.empty());

        StagedKey first = reader.readStaged("app/staged").orElseThrow();
        assertThat(reader.readStaged("app/staged").orElseThrow()).isSameAs(first);

        writer.write("app/staged", Map.of("v", "2"), OptionalLong.empty());
        StagedKey second = reader.readStaged("app/staged").orElseThrow();
        assertThat(second).isNotSameAs(first);
        assertThat(second.versions()).hasSize(2);
        assertThat(second.byLabel(StagingLabels.CURRENT).orElseThrow().metadata().version()).isEqualTo(2);
        assertThat(first.byLabel(StagingLabels.CURRENT).orElseThrow().metadata().version()).isEqualTo(1);

        writer.edit("app/staged", editor -> {
            editor.attributes(JsonNodeFactory.instance.objectNode().put("Description", "d"));
            return null;
        });
        StagedKey third = reader.readStaged("app/staged").orElseThrow();
        assertThat(third).isNotSameAs(second);
        assertThat(third.attributes().path("Description").asText()).isEqualTo("d");
    }
}
