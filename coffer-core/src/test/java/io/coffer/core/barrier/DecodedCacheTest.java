package io.coffer.core.barrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.error.CofferException;
import io.coffer.core.storage.InMemoryStorage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DecodedCacheTest {

    private final InMemoryStorage physical = new InMemoryStorage();
    private final AesGcmBarrier barrier = new AesGcmBarrier(physical, Clock.systemUTC());
    private final byte[] rootKey = AesGcm.newKey();
    private final AtomicInteger decodes = new AtomicInteger();
    private final Function<byte[], String> decoder = b -> {
        decodes.incrementAndGet();
        return new String(b, StandardCharsets.UTF_8);
    };

    @BeforeEach
    void init() {
        barrier.initialize(rootKey);
    }

    @Test
    void getDecoded_unchangedRecord_isDecodedOnce_aRewriteIsSeenAtOnce() {
        DecodedCache<String> cache = new DecodedCache<>(100);
        SecureStorage view = barrier.view("logical/m/");
        view.put("meta/a", bytes("one"));

        assertThat(view.getDecoded("meta/a", cache, decoder)).contains("one");
        assertThat(view.getDecoded("meta/a", cache, decoder)).contains("one");
        assertThat(decodes).hasValue(1);

        // Even the same plaintext is a new ciphertext (fresh nonce), so the entry is replaced.
        view.put("meta/a", bytes("one"));
        assertThat(view.getDecoded("meta/a", cache, decoder)).contains("one");
        view.put("meta/a", bytes("two"));
        assertThat(view.getDecoded("meta/a", cache, decoder)).contains("two");
        assertThat(decodes).hasValue(3);
    }

    @Test
    void getDecoded_aRecordChangedBehindTheNodesBack_isDecodedAgain() {
        DecodedCache<String> cache = new DecodedCache<>(100);
        barrier.put("meta/a", bytes("one"));
        assertThat(barrier.getDecoded("meta/a", cache, decoder)).contains("one");

        // Another node sharing the storage writes the record: only the ciphertext tells.
        AesGcmBarrier otherNode = new AesGcmBarrier(physical, Clock.systemUTC());
        otherNode.unseal(rootKey);
        otherNode.put("meta/a", bytes("from the other node"));

        assertThat(barrier.getDecoded("meta/a", cache, decoder)).contains("from the other node");
        physical.delete("meta/a");
        assertThat(barrier.getDecoded("meta/a", cache, decoder)).isEmpty();
    }

    @Test
    void getDecoded_whileSealed_failsEvenForACachedRecord_andTheCacheStaysBounded() {
        DecodedCache<String> cache = new DecodedCache<>(2);
        for (String k : new String[] {"a", "b", "c", "d"}) {
            barrier.put("meta/" + k, bytes(k));
            barrier.getDecoded("meta/" + k, cache, decoder);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(2);

        barrier.seal();
        assertThatThrownBy(() -> barrier.getDecoded("meta/d", cache, decoder)).isInstanceOfSatisfying(CofferException.class,
                e -> assertThat(e.kind()).isEqualTo(CofferException.Kind.SEALED));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
