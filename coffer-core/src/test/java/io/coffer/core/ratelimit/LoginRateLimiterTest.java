package io.coffer.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.core.error.CofferException;
import io.coffer.core.error.RateLimitedException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginRateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);

    private LoginRateLimiter limiter(double perSecond, int burst, double clientPerSecond, int clientBurst) {
        return new LoginRateLimiter(new LoginRateLimiter.Limits(perSecond, burst),
                new LoginRateLimiter.Limits(clientPerSecond, clientBurst), 1000, now::get);
    }

    private static RateLimitedException refusal(Runnable r) {
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, r::run);
        assertThat(e).as("expected a refusal").isNotNull();
        return e;
    }

    @Test
    void burst_isAllowedThenRefusedWithRetryAfter() {
        LoginRateLimiter l = limiter(1, 3, 100, 100);
        for (int i = 0; i < 3; i++) {
            l.acquire("1.2.3.4", "approle", "role", "auth/approle/login");
        }
        RateLimitedException e = refusal(() -> l.acquire("1.2.3.4", "approle", "role", "auth/approle/login"));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.RATE_LIMITED);
        assertThat(e.retryAfterSeconds()).isEqualTo(1);
        assertThat(e.messages()).containsExactly("request path \"auth/approle/login\": rate limit quota exceeded");
    }

    @Test
    void tokens_refillAtTheRate() {
        LoginRateLimiter l = limiter(2, 2, 100, 100);
        l.acquire("c", "m", "s", "p");
        l.acquire("c", "m", "s", "p");
        refusal(() -> l.acquire("c", "m", "s", "p"));
        now.addAndGet(SECOND / 2);
        l.acquire("c", "m", "s", "p");
        refusal(() -> l.acquire("c", "m", "s", "p"));
        now.addAndGet(10 * SECOND);
        l.acquire("c", "m", "s", "p");
        l.acquire("c", "m", "s", "p");
        refusal(() -> l.acquire("c", "m", "s", "p"));
    }

    @Test
    void retryAfter_roundsTheWaitUp() {
        LoginRateLimiter l = limiter(0.1, 1, 100, 100);
        l.acquire("c", "m", "s", "p");
        assertThat(refusal(() -> l.acquire("c", "m", "s", "p")).retryAfterSeconds()).isEqualTo(10);
        now.addAndGet(SECOND * 3 / 2);
        assertThat(refusal(() -> l.acquire("c", "m", "s", "p")).retryAfterSeconds()).isEqualTo(9);
    }

    @Test
    void subjects_clientsAndMounts_haveSeparateBuckets() {
        LoginRateLimiter l = limiter(1, 1, 100, 100);
        l.acquire("c", "m", "alice", "p");
        refusal(() -> l.acquire("c", "m", "alice", "p"));
        l.acquire("c", "m", "bob", "p");
        l.acquire("other-client", "m", "alice", "p");
        l.acquire("c", "other-mount", "alice", "p");
        l.acquire("c", "m", "", "p");
    }

    @Test
    void clientBucket_limitsSprayingOverManySubjects() {
        LoginRateLimiter l = limiter(10, 10, 1, 5);
        for (int i = 0; i < 5; i++) {
            l.acquire("c", "m", "guess-" + i, "p");
        }
        refusal(() -> l.acquire("c", "m", "guess-5", "p"));
        l.acquire("another", "m", "guess-5", "p");
    }

    @Test
    void refusal_takesNoToken() {
        LoginRateLimiter l = limiter(1, 1, 1, 2);
        l.acquire("c", "m", "a", "p");
        refusal(() -> l.acquire("c", "m", "a", "p"));
        refusal(() -> l.acquire("c", "m", "a", "p"));
        // The client bucket still has its second token: the refused attempts took none.
        l.acquire("c", "m", "b", "p");
    }

    @Test
    void buckets_areBoundedByForgettingTheLeastRecentlyUsed() {
        LoginRateLimiter l = new LoginRateLimiter(new LoginRateLimiter.Limits(1, 1), new LoginRateLimiter.Limits(1000, 1000),
                4, now::get);
        l.acquire("c", "m", "first", "p");
        refusal(() -> l.acquire("c", "m", "first", "p"));
        for (int i = 0; i < 10; i++) {
            l.acquire("c", "m", "other-" + i, "p");
        }
        // "first" was forgotten and starts over with a full bucket.
        l.acquire("c", "m", "first", "p");
    }

    @Test
    void limits_mustBePositive() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> new LoginRateLimiter.Limits(0, 1))).isNotNull();
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> new LoginRateLimiter.Limits(1, 0))).isNotNull();
    }
}
