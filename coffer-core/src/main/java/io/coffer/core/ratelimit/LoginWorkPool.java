package io.coffer.core.ratelimit;

import io.coffer.core.error.CofferException;
import io.coffer.core.error.RateLimitedException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The bounded pool that runs the CPU-heavy steps of logins (bcrypt, signature checks), so that a
 * flood of logins cannot take every core from the rest of the request path.
 *
 * <p>Why a pool of its own: requests run on virtual threads, whose carriers are as many as there
 * are cores. A bcrypt check never blocks, so it holds its carrier for its whole ~50-100 ms; a few
 * concurrent logins held every carrier and a KV read waited behind them. Here the checks run on
 * at most {@code threads} platform threads, which the kernel time-slices with the carriers, and at
 * most {@code queue} more wait. By default the threads are one fewer than the cores: under a flood
 * they are all busy, and a read that wakes up then finds a core nobody hashes on instead of
 * waiting for a time slice behind a check (measured: with as many threads as cores, KV read p50
 * under a flood rose to 3-7 times its idle value on two cores; with one fewer, about 1-3 times).
 * A check that finds the threads and the queue full is refused at once with
 * {@link RateLimitedException} (429 with {@code Retry-After}) instead of waiting: the pool is a
 * bound on the whole server, where {@link LoginRateLimiter} bounds one client address.
 *
 * <p>{@link #run} blocks its caller until the work is done, so callers are request threads
 * (virtual threads), never an event loop. Work must only compute: I/O (storage, HTTP calls to
 * key servers or the Kubernetes API) stays on the caller, or a slow remote would hold the pool.
 * Thread-safe.
 */
public final class LoginWorkPool implements AutoCloseable {

    /** What a refused login is told to wait: one bcrypt check frees a thread in well under that. */
    static final long RETRY_AFTER_SECONDS = 1;

    /** Idle threads end after this; a server that sees no logins keeps none. */
    private static final long IDLE_SECONDS = 30;

    private final ThreadPoolExecutor executor;
    /**
     * One permit per check running or waiting. Admission is counted here rather than by the
     * executor's queue: a thread that just finished is not yet waiting for work, and an executor
     * with a hand-off queue would refuse the next check in that instant.
     */
    private final Semaphore admitted;
    private final int threads;
    private final int queue;
    /** Checks refused because the threads and the queue were full: the pool's saturation counter. */
    private final LongAdder refused = new LongAdder();

    /**
     * @param threads how many checks run at once (at least 1)
     * @param queue   how many more may wait for a thread (0 or more); any beyond are refused
     */
    public LoginWorkPool(int threads, int queue) {
        if (threads < 1) {
            throw new IllegalArgumentException("login work threads must be at least 1, not " + threads);
        }
        if (queue < 0) {
            throw new IllegalArgumentException("login work queue must be 0 or more, not " + queue);
        }
        this.threads = threads;
        this.queue = queue;
        this.admitted = new Semaphore(threads + queue);
        // The executor's queue never holds more than `queue` checks: the permits bound it.
        this.executor = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name("coffer-login-", 0).daemon(true).factory(), new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
    }

    /** {@link #defaultThreads()} threads and as many waiting places: the default of {@code --login-workers}. */
    public static LoginWorkPool sizedToMachine() {
        return withThreads(defaultThreads());
    }

    /** {@code threads} threads and as many waiting places, so that a check waits at most about one check's time. */
    public static LoginWorkPool withThreads(int threads) {
        return new LoginWorkPool(threads, threads);
    }

    /** One fewer than the cores this JVM may use, and at least one: a core stays free for the rest of the request path. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /**
     * Runs {@code work} on the pool and returns its result, or rethrows what it threw.
     *
     * @throws RateLimitedException at once, without running {@code work}, when every thread is busy
     *                              and the queue is full
     */
    public <T> T run(Supplier<T> work) {
        if (!admitted.tryAcquire()) {
            refused.increment();
            throw new RateLimitedException("too many logins are being checked at once; retry later", RETRY_AFTER_SECONDS);
        }
        // The permit is back before the result is, so a caller's next check always finds it.
        FutureTask<T> task = new FutureTask<>(() -> {
            try {
                return work.get();
            } finally {
                admitted.release();
            }
        });
        try {
            executor.execute(task);
        } catch (RejectedExecutionException closed) {
            admitted.release();
            throw new CofferException(CofferException.Kind.UNAVAILABLE, "the server is shutting down");
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw CofferException.internal("login work failed", cause);
        } catch (InterruptedException e) {
            // The work finishes on its own; its answer is no longer wanted.
            Thread.currentThread().interrupt();
            throw CofferException.internal("interrupted while waiting for login work", e);
        }
    }

    /** How many checks run at once. */
    public int threads() {
        return threads;
    }

    /** How many checks may wait for a thread. */
    public int queue() {
        return queue;
    }

    /** Checks refused with 429 since the pool started, because every thread was busy and the queue full. */
    public long refusedChecks() {
        return refused.sum();
    }

    /** Checks running or waiting now; for tests. */
    int inUse() {
        return threads + queue - admitted.availablePermits();
    }

    /** Stops the threads; work already queued still runs, new work is refused. */
    @Override
    public void close() {
        executor.shutdown();
    }
}
