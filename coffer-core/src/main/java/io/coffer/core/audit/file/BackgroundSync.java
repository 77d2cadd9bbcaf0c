package io.coffer.core.audit.file;

import io.coffer.core.audit.ChainHead;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fsyncs of an audit file whose records are acknowledged once written
 * ({@link AuditFileWriter.Durability#WRITE}), on a thread of their own so that the writer never
 * waits for the disk. Requests that arrive while an fsync runs are merged into the next one: one
 * fsync covers every batch written before it started. Consecutive fsyncs start at least
 * {@link #MIN_INTERVAL} apart: under load every fsync is a journal commit that costs the machine
 * CPU, and records written meanwhile are already safe from a crash of the server; only a power
 * loss within that interval (plus the fsync's own time) can take them. After each fsync the chain
 * head of the last batch it covers is handed on ({@code onSynced}), so a stored head never runs
 * ahead of what is on disk.
 */
final class BackgroundSync {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundSync.class);
    /** The shortest time between the starts of two fsyncs. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(10);

    private final Path path;
    private final Consumer<ChainHead> onSynced;
    private final Object lock = new Object();
    private final Thread thread;
    /** The channel with written but not yet synced batches; guarded by {@link #lock}. */
    private FileChannel due;
    /** The head of the last batch written to {@link #due}; guarded by {@link #lock}. */
    private ChainHead dueHead;
    /** Whether the thread waits for work (not for the end of a pause); guarded by {@link #lock}. */
    private boolean idle;
    private boolean stopped;
    private volatile IOException failure;
    private volatile long syncs;

    BackgroundSync(Path path, Consumer<ChainHead> onSynced) {
        this.path = path;
        this.onSynced = onSynced;
        this.thread = Thread.ofPlatform().daemon().name("coffer-audit-sync-" + path.getFileName()).start(this::run);
    }

    /** Asks for an fsync of {@code channel} after the batch just written to it, which ends at {@code head}. */
    void request(FileChannel channel, ChainHead head) {
        synchronized (lock) {
            due = channel;
            dueHead = head;
            // During a pause the thread wakes by itself; waking it per batch would cost a context
            // switch each time for nothing.
            if (idle) {
                lock.notifyAll();
            }
        }
    }

    /** Why an fsync failed; once set, the file must not acknowledge anything again. */
    IOException failure() {
        return failure;
    }

    long syncs() {
        return syncs;
    }

    /** Runs the last requested fsync, then ends the thread. */
    void stop() {
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        long lastStart = System.nanoTime() - MIN_INTERVAL.toNanos();
        while (true) {
            FileChannel channel;
            ChainHead head;
            synchronized (lock) {
                long pause = lastStart + MIN_INTERVAL.toNanos() - System.nanoTime();
                while (pause > 0 && !stopped) {
                    try {
                        // Batches written meanwhile join the next fsync.
                        lock.wait(Math.max(1, pause / 1_000_000), (int) (pause % 1_000_000));
                    } catch (InterruptedException e) {
                        // Only stop() ends this thread.
                    }
                    pause = lastStart + MIN_INTERVAL.toNanos() - System.nanoTime();
                }
                while (due == null && !stopped) {
                    idle = true;
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        // Only stop() ends this thread: an fsync must not be skipped.
                    } finally {
                        idle = false;
                    }
                }
                if (due == null) {
                    return;
                }
                channel = due;
                head = dueHead;
                due = null;
                dueHead = null;
            }
            lastStart = System.nanoTime();
            try {
                channel.force(false);
                syncs++;
                onSynced.accept(head);
            } catch (ClosedChannelException e) {
                // The writer closed the file for a rotation or a close, and forced it itself first.
            } catch (IOException e) {
                failure = e;
                LOG.error("audit file {}: fsync failed ({}); the device refuses every record from now on", path,
                        e.toString());
            }
        }
    }
}
