package io.coffer.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.error.CofferException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** num_uses: every authorized request spends one; the request spending the last one revokes the token. */
class TokenUseTest {

    private final TokenStoreFixture f = new TokenStoreFixture();
    private final TokenStore tokens = f.tokens;

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void recordUse_decrementsAndRevokesAfterTheLastUse() {
        String root = f.root();
        TokenStore.IssuedToken limited = f.tokens.create(TokenStoreFixture.spec(null, 3600, 2, true, 0, 0, ""));
        String child = f.child(limited.token(), 3600, 0).token();

        try (TokenUse use = tokens.recordUse(limited.token())) {
            assertThat(tokens.lookup(limited.token())).hasValueSatisfying(e -> assertThat(e.numUses()).isEqualTo(1));
        }
        TokenUse last = tokens.recordUse(limited.token());
        // While the last use is in flight the token authenticates nothing else, but the request's
        // own lookups still see it.
        assertThat(tokens.lookup(limited.token())).isEmpty();
        assertThat(tokens.lookupInFlight(limited.token())).hasValueSatisfying(e -> assertThat(e.isLastUseInFlight()).isTrue());
        assertThatThrownBy(() -> tokens.recordUse(limited.token()))
                .isInstanceOf(CofferException.class)
                .satisfies(e -> assertThat(((CofferException) e).kind()).isEqualTo(CofferException.Kind.PERMISSION_DENIED));
        last.close();

        assertThat(tokens.lookupInFlight(limited.token())).isEmpty();
        assertThat(tokens.lookup(child)).isEmpty();
        assertThat(tokens.lookup(root)).isPresent();
    }

    @Test
    void recordUse_unlimitedTokenIsNeverCounted() {
        String root = f.root();
        for (int i = 0; i < 5; i++) {
            tokens.recordUse(root).close();
        }
        assertThat(tokens.lookup(root)).hasValueSatisfying(e -> assertThat(e.numUses()).isZero());
    }

    @Test
    void recordUse_concurrentRequestsNeverSpendMoreThanTheLimit() throws Exception {
        int limit = 5;
        String token = f.tokens.create(TokenStoreFixture.spec(null, 3600, limit, true, 0, 0, "")).token();
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger granted = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads * 4; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                try (TokenUse use = tokens.recordUse(token)) {
                    granted.incrementAndGet();
                } catch (CofferException denied) {
                    assertThat(denied.kind()).isEqualTo(CofferException.Kind.PERMISSION_DENIED);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> fut : futures) {
            fut.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(granted).hasValue(limit);
        assertThat(tokens.lookupInFlight(token)).isEmpty();
    }
}
