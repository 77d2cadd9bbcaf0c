package io.coffer.core.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.barrier.AesGcm;
import io.coffer.core.barrier.AesGcmBarrier;
import io.coffer.core.barrier.DecodedCache;
import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.storage.InMemoryStorage;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lookups through the node's decoded-key cache see every change at once, from any node. */
class AccessKeyStoreCacheTest {

    private final InMemoryStorage physical = new InMemoryStorage();
    private final AesGcmBarrier barrier = new AesGcmBarrier(physical, Clock.systemUTC());
    private final byte[] rootKey = AesGcm.newKey();
    private final DecodedCache<AccessKey> cache = AccessKeyStore.newCache();
    private SecureStorage view;
    private AccessKeyStore cached;

    @BeforeEach
    void init() {
        barrier.initialize(rootKey);
        view = barrier.view("logical/sigv4/");
        cached = new AccessKeyStore(view, cache);
    }

    private static AccessKey key(String secret, List<String> policies) {
        return new AccessKey("AKIATESTKEY", secret, policies, "", 1, 0);
    }

    @Test
    void aRepeatedLookup_answersTheSameKey_fromTheCache() {
        cached.put(key("first-secret", List.of("read")));

        AccessKey once = cached.find("AKIATESTKEY").orElseThrow();
        AccessKey twice = cached.find("AKIATESTKEY").orElseThrow();

        assertThat(twice).isSameAs(once);
        assertThat(twice.secret()).isEqualTo("first-secret");
    }

    @Test
    void aKeyReplacedOrDeleted_throughAnyStore_isSeenAtOnce() {
        cached.put(key("first-secret", List.of("read")));
        assertThat(cached.find("AKIATESTKEY")).map(AccessKey::secret).contains("first-secret");

        // The auth method's own (uncached) store replaces it, e.g. the key is deleted and made again.
        AccessKeyStore api = new AccessKeyStore(view);
        api.put(key("second-secret", List.of("write")));
        assertThat(cached.find("AKIATESTKEY")).map(AccessKey::secret).contains("second-secret");
        assertThat(cached.find("AKIATESTKEY")).map(AccessKey::policies).contains(List.of("write"));

        api.delete("AKIATESTKEY");
        assertThat(cached.find("AKIATESTKEY")).isEmpty();
    }

    @Test
    void aKeyWrittenByAnotherNodeSharingTheStorage_isSeenAtOnce() {
        cached.put(key("first-secret", List.of("read")));
        assertThat(cached.find("AKIATESTKEY")).isPresent();

        AesGcmBarrier otherNode = new AesGcmBarrier(physical, Clock.systemUTC());
        otherNode.unseal(rootKey);
        new AccessKeyStore(otherNode.view("logical/sigv4/")).put(key("other-node-secret", List.of("read")));

        assertThat(cached.find("AKIATESTKEY")).map(AccessKey::secret).contains("other-node-secret");
    }

    @Test
    void clear_dropsTheDecodedKeys_andLookupsStillWork() {
        cached.put(key("first-secret", List.of("read")));
        AccessKey before = cached.find("AKIATESTKEY").orElseThrow();

        cache.clear();

        AccessKey after = cached.find("AKIATESTKEY").orElseThrow();
        assertThat(after).isNotSameAs(before).isEqualTo(before);
    }
}
