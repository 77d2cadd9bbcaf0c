package io.coffer.core.audit.file;

import io.coffer.core.audit.AuditChainStore;
import io.coffer.core.audit.ChainHead;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores an audit file's chain head behind the barrier, off the writer thread: the writer (or the
 * background fsync) offers the head of every batch once it is durable, and this thread stores the
 * newest one at most every {@link #INTERVAL}, so that a storage write never delays a record and
 * costs nothing per record. Segment starts (creation, rotation, a break) are stored at once
 * ({@link #storeNow}). Heads only move forward: an older head offered late is ignored.
 */
final class HeadRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(HeadRecorder.class);
    /** The longest time between a durable batch and the store of its head, while storage works. */
    static final Duration INTERVAL = Duration.ofMillis(200);

    private final AuditChainStore store;
    private final Path path;
    private final AtomicReference<ChainHead> latest = new AtomicReference<>();
    private final Object storeLock = new Object();
    private final Thread thread;
    /** The last head stored; guarded by {@link #storeLock}. */
    private ChainHead stored;
    private volatile boolean stopped;
    private boolean failureLogged;

    HeadRecorder(AuditChainStore store, Path path) {
        this.store = store;
        this.path = path;
        this.thread = Thread.ofPlatform().daemon().name("coffer-audit-head-" + path.getFileName()).start(this::run);
    }

    /** A durable batch's head; stored within {@link #INTERVAL}. Lock-free: called once per batch. */
    void offer(ChainHead head) {
        latest.accumulateAndGet(head, (current, offered) -> current == null || offered.isAfter(current) ? offered : current);
    }

    /** Stores {@code head} now (a new segment: its start must not depend on a timer). */
    void storeNow(ChainHead head) {
        offer(head);
        storeLatest();
    }

    /** Stores the newest head offered, then ends the thread. */
    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        storeLatest();
    }

    private void run() {
        while (!stopped) {
            LockSupport.parkNanos(INTERVAL.toNanos());
            storeLatest();
        }
    }

    private void storeLatest() {
        synchronized (storeLock) {
            ChainHead head = latest.get();
            if (head == null || (stored != null && !head.isAfter(stored))) {
                return;
            }
            try {
                store.storeHead(head);
                stored = head;
                failureLogged = false;
            } catch (RuntimeException e) {
                // Sealed or unreachable storage: the head stays behind; the file itself is fine.
                if (!failureLogged) {
                    LOG.warn("audit file {}: cannot store the chain head ({}); retrying", path, e.getClass().getSimpleName());
                    failureLogged = true;
                }
            }
        }
    }
}
