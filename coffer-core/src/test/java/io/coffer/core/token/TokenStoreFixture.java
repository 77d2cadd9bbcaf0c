package io.coffer.core.token;

import io.coffer.core.auth.TestClock;
import io.coffer.core.barrier.AesGcm;
import io.coffer.core.barrier.AesGcmBarrier;
import io.coffer.core.storage.InMemoryStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A token store over a real barrier on in-memory storage, unsealed, with a hand-moved clock. The
 * background expiry pass runs only when a test asks for a short interval.
 */
final class TokenStoreFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    final InMemoryStorage physical = new InMemoryStorage();
    final TestClock clock = new TestClock(START);
    final AesGcmBarrier barrier = new AesGcmBarrier(physical, clock);
    final TokenStore tokens;

    TokenStoreFixture() {
        this(Duration.ofHours(1));
    }

    TokenStoreFixture(Duration cleanupInterval) {
        tokens = new TokenStore(barrier, clock, cleanupInterval);
        barrier.initialize(AesGcm.newKey());
        tokens.afterUnseal();
    }

    String root() {
        return tokens.createRoot(Optional.empty()).token();
    }

    /** A child of {@code parent} (an orphan when null) with the given TTL and use limit. */
    TokenStore.IssuedToken child(String parent, long ttl, int numUses) {
        return tokens.create(spec(parent, ttl, numUses, true, 0, 0, ""));
    }

    static TokenStore.NewToken spec(String parent, long ttl, int numUses, boolean renewable, long period,
            long explicitMax, String mountUuid) {
        return new TokenStore.NewToken(List.of("default", "dev"), "auth/token/create", Map.of(), "token", ttl,
                explicitMax, numUses, renewable, period, "", Optional.ofNullable(parent), Optional.empty(), mountUuid);
    }

    @Override
    public void close() {
        tokens.beforeSeal();
    }
}
