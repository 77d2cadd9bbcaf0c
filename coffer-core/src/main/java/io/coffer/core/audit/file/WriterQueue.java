package io.coffer.core.audit.file;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The queue in front of an audit file's writer thread: many producers, one consumer. Producers
 * never take a lock (a lock shared with the writer makes request threads queue behind each other
 * and park), and the writer is woken only when it sleeps. Bounded: past {@code capacity} queued
 * entries a producer waits for room, up to a deadline.
 *
 * @param <T> the queued tasks
 */
final class WriterQueue<T> {

    private static final long ROOM_POLL_NANOS = Duration.ofMillis(1).toNanos();

    private final int capacity;
    private final ConcurrentLinkedQueue<T> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private volatile Thread consumer;
    /** Set by the consumer before it sleeps; a producer that sees it wakes the consumer. */
    private volatile boolean consumerSleeping;

    WriterQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Binds the consuming thread (before any task is taken). */
    void consumer(Thread thread) {
        this.consumer = thread;
    }

    /** Queues {@code task} once there is room, waiting at most {@code timeout}; false when there was none. */
    boolean offer(T task, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(ROOM_POLL_NANOS);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        enqueue(task);
        return true;
    }

    /** Queues {@code task} regardless of the bound (close and rotation requests). */
    void offerAlways(T task) {
        size.incrementAndGet();
        enqueue(task);
    }

    private void enqueue(T task) {
        tasks.offer(task);
        // Pairs with the consumer's write of consumerSleeping before it re-checks the queue:
        // either it sees this task, or this sees it sleeping and wakes it.
        if (consumerSleeping) {
            LockSupport.unpark(consumer);
        }
    }

    /** The next task, sleeping while there is none; only the consumer calls this. */
    T take() throws InterruptedException {
        while (true) {
            T task = tasks.poll();
            if (task != null) {
                size.decrementAndGet();
                return task;
            }
            consumerSleeping = true;
            try {
                if (tasks.isEmpty()) {
                    LockSupport.park(this);
                }
            } finally {
                consumerSleeping = false;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** Moves up to {@code max} queued tasks to {@code into}, without waiting. */
    void drainTo(List<T> into, int max) {
        int moved = 0;
        for (T task; moved < max && (task = tasks.poll()) != null; moved++) {
            into.add(task);
        }
        size.addAndGet(-moved);
    }

    /** The next task or null, without waiting. */
    T poll() {
        T task = tasks.poll();
        if (task != null) {
            size.decrementAndGet();
        }
        return task;
    }
}
