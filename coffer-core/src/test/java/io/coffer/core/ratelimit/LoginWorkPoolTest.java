package io.coffer.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.error.CofferException;
import io.coffer.core.error.RateLimitedException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The login work pool: runs work off the caller, and refuses at once when its threads and queue are taken. */
class LoginWorkPoolTest {

    /** Takes one thread (or waiting place) of {@code pool} until {@code release} opens; returns once it runs or waits. */
    private static Thread occupy(LoginWorkPool pool, CountDownLatch release) throws InterruptedException {
        CountDownLatch submitted = new CountDownLatch(1);
        Thread t = Thread.ofVirtual().start(() -> pool.run(() -> {
            submitted.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        submitted.await(10, TimeUnit.SECONDS);
        return t;
    }

    @Test
    void run_returnsTheResult_computedOnAPoolThread() {
        try (LoginWorkPool pool = new LoginWorkPool(2, 2)) {
            assertThat(pool.run(() -> Thread.currentThread().getName())).startsWith("coffer-login-");
        }
    }

    @Test
    void run_rethrowsWhatTheWorkThrew() {
        try (LoginWorkPool pool = new LoginWorkPool(1, 0)) {
            assertThatThrownBy(() -> pool.run(() -> {
                throw CofferException.invalid("invalid username or password");
            })).isInstanceOf(CofferException.class).hasMessage("invalid username or password");
        }
    }

    @Test
    void fullPool_refusesAtOnce_withoutRunningTheWork() throws Exception {
        try (LoginWorkPool pool = new LoginWorkPool(1, 0)) {
            CountDownLatch release = new CountDownLatch(1);
            Thread busy = occupy(pool, release);
            AtomicBoolean ran = new AtomicBoolean();
            long began = System.nanoTime();
            assertThatThrownBy(() -> pool.run(() -> ran.getAndSet(true)))
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                        assertThat(e.retryAfterSeconds()).isEqualTo(1);
                        assertThat(e.kind()).isEqualTo(CofferException.Kind.RATE_LIMITED);
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(1));
            assertThat(ran).isFalse();
            assertThat(pool.refusedChecks()).as("the refusal is counted (coffer_login_refused_total)").isEqualTo(1);
            release.countDown();
            busy.join(Duration.ofSeconds(10));
            assertThat(pool.run(() -> "free again")).isEqualTo("free again");
            assertThat(pool.refusedChecks()).as("admitted work is not counted").isEqualTo(1);
        }
    }

    @Test
    void queuedWork_waitsForAThread_andOnlyTheQueueSizeWaits() throws Exception {
        try (LoginWorkPool pool = new LoginWorkPool(1, 1)) {
            CountDownLatch release = new CountDownLatch(1);
            Thread running = occupy(pool, release);
            Thread waiting = Thread.ofVirtual().start(() -> assertThat(pool.run(() -> "queued")).isEqualTo("queued"));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (pool.inUse() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(pool.inUse()).as("one check runs, one waits").isEqualTo(2);
            assertThatThrownBy(() -> pool.run(() -> "third")).isInstanceOf(RateLimitedException.class);
            release.countDown();
            running.join(Duration.ofSeconds(10));
            waiting.join(Duration.ofSeconds(10));
            assertThat(pool.inUse()).isZero();
        }
    }

    @Test
    void sizes_areChecked() {
        assertThatThrownBy(() -> new LoginWorkPool(0, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads");
        assertThatThrownBy(() -> new LoginWorkPool(1, -1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queue");
        try (LoginWorkPool pool = LoginWorkPool.sizedToMachine()) {
            assertThat(pool.threads()).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
            assertThat(pool.queue()).isEqualTo(pool.threads());
        }
    }
}
