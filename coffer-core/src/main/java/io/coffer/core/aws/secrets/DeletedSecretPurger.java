package io.coffer.core.aws.secrets;

import io.coffer.core.seal.ShamirSeal;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the purge of secrets whose recovery window ended on one background thread while the node
 * is unsealed: started on unseal, stopped (waiting for a pass in progress) before seal.
 */
public final class DeletedSecretPurger implements ShamirSeal.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(DeletedSecretPurger.class);

    private final Duration interval;
    private final IntSupplier pass;
    private ScheduledExecutorService executor;

    DeletedSecretPurger(Duration interval, IntSupplier pass) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("purge interval must be positive");
        }
        this.interval = interval;
        this.pass = pass;
    }

    @Override
    public synchronized void afterUnseal() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("coffer-aws-secret-purge").factory());
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void beforeSeal() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("deleted-secret purge did not stop within 10 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    public synchronized boolean isScheduled() {
        return executor != null;
    }

    /** One pass now; returns how many secrets were removed. */
    public int runOnce() {
        try {
            int n = pass.getAsInt();
            if (n > 0) {
                LOG.info("purged {} secret(s) whose recovery window ended", n);
            }
            return n;
        } catch (RuntimeException e) {
            // Retried on the next run (a storage hiccup, a seal racing the pass); never cancels the schedule.
            LOG.warn("deleted-secret purge failed: {}", e.getClass().getSimpleName());
            return 0;
        }
    }
}
