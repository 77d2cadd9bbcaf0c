package io.coffer.core.token;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the token store's expiry pass on one background thread while the server is unsealed.
 * Expired tokens already fail authentication when looked up; this only reclaims their storage and
 * revokes what hangs below them, a bounded batch per run so that a backlog cannot hog storage.
 */
final class ExpiredTokenCleaner {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiredTokenCleaner.class);

    private final Duration interval;
    private final Runnable pass;
    private ScheduledExecutorService executor;

    ExpiredTokenCleaner(Duration interval, Runnable pass) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("cleanup interval must be positive");
        }
        this.interval = interval;
        this.pass = pass;
    }

    synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("coffer-token-expiry").factory());
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops the job and waits for a pass in progress, so that nothing touches storage after seal. */
    synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("token expiry pass did not stop within 10 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    synchronized boolean isScheduled() {
        return executor != null;
    }

    private void runOnce() {
        try {
            pass.run();
        } catch (RuntimeException e) {
            // A failed pass (storage hiccup, a seal racing the pass) is retried on the next run; it
            // must not cancel the schedule.
            LOG.warn("token expiry pass failed: {}", e.getClass().getSimpleName());
        }
    }
}
