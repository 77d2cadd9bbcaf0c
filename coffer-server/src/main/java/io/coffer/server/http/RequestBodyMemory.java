package io.coffer.server.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The listener-wide budget for request body bytes held in memory. Bytes are reserved as they
 * arrive (so a chunked body without {@code Content-Length} is counted like any other, and a client
 * that only announces a large body reserves nothing). A body still being received or queued is
 * given back when its connection closes; a body being served is given back when the server has
 * dropped it, even if the client went away meanwhile. A body that cannot reserve its next bytes is refused at
 * once: many stalled maximum-size bodies cannot pin more heap than the budget.
 *
 * <p>Thread-safe; each connection reserves through its own {@link Connection}, which is confined
 * to the connection's event loop.
 */
final class RequestBodyMemory {

    private final long limit;
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong refusedBodies = new AtomicLong();

    RequestBodyMemory(long limit) {
        this.limit = limit;
    }

    /** Body bytes held now, by all connections together. */
    long heldBytes() {
        return held.get();
    }

    /** Bodies refused because the budget was exhausted, since start. */
    long refusedBodies() {
        return refusedBodies.get();
    }

    private boolean tryReserve(long bytes) {
        long now;
        do {
            now = held.get();
            if (now + bytes > limit) {
                refusedBodies.incrementAndGet();
                return false;
            }
        } while (!held.compareAndSet(now, now + bytes));
        return true;
    }

    Connection newConnection() {
        return new Connection();
    }

    /**
     * One connection's share of the budget. Confined to the connection's event loop; after
     * {@link #releaseAll()} (the connection closed) later releases give back nothing, so nothing is
     * returned twice.
     */
    final class Connection {

        private long reserved;

        private Connection() {
        }

        /** Reserves {@code bytes} more for this connection; false when the budget cannot hold them. */
        boolean tryReserve(int bytes) {
            if (bytes == 0) {
                return true;
            }
            if (!RequestBodyMemory.this.tryReserve(bytes)) {
                return false;
            }
            reserved += bytes;
            return true;
        }

        /**
         * Takes a complete request's {@code bytes} out of this connection's share, for the request
         * to carry while it is served; they stay counted until {@link #releaseTaken} (from any
         * thread). Returns how many were taken (never more than the connection holds).
         */
        int takeRequest(int bytes) {
            int n = (int) Math.min(bytes, reserved);
            reserved -= n;
            return n;
        }

        /** Gives back bytes {@link #takeRequest taken} by a request the server no longer holds. Thread-safe. */
        void releaseTaken(int bytes) {
            if (bytes != 0) { // most requests have no body: no shared write for them
                held.addAndGet(-bytes);
            }
        }

        /** Gives back everything this connection still holds; called when it closes. */
        void releaseAll() {
            held.addAndGet(-reserved);
            reserved = 0;
        }
    }
}
