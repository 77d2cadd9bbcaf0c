package io.coffer.server.http;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts open connections, in total and per client IP address, and refuses those over either cap.
 * Refusals are counted and logged at most once per {@link #LOG_INTERVAL_NANOS}, with the number
 * refused since the last line, so a connection flood cannot fill the log. Thread-safe.
 */
final class ConnectionAdmission {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionAdmission.class);
    private static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

    private final int maxTotal;
    private final int maxPerClient;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, Integer> perClient = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong refusedSinceLog = new AtomicLong();
    private final AtomicLong lastLogNanos = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

    ConnectionAdmission(int maxTotal, int maxPerClient) {
        this.maxTotal = maxTotal;
        this.maxPerClient = maxPerClient;
    }

    /**
     * Admits a new connection from {@code client}, or refuses it (false) when the listener or that
     * client is at its cap. An admitted connection must be {@link #release released} when it closes.
     */
    boolean tryAdmit(InetAddress client) {
        if (open.incrementAndGet() > maxTotal) {
            open.decrementAndGet();
            refuse(client, "the listener has " + maxTotal + " open connections (--max-connections)");
            return false;
        }
        boolean[] admitted = {false};
        perClient.compute(client, (address, count) -> {
            int now = count == null ? 0 : count;
            if (now >= maxPerClient) {
                return count;
            }
            admitted[0] = true;
            return now + 1;
        });
        if (!admitted[0]) {
            open.decrementAndGet();
            refuse(client, "the client has " + maxPerClient + " open connections (--max-connections-per-client)");
        }
        return admitted[0];
    }

    /** Forgets a closed connection that {@link #tryAdmit} admitted. */
    void release(InetAddress client) {
        perClient.computeIfPresent(client, (address, count) -> count <= 1 ? null : count - 1);
        open.decrementAndGet();
    }

    int openConnections() {
        return open.get();
    }

    long refusedConnections() {
        return refused.get();
    }

    private void refuse(InetAddress client, String why) {
        refused.incrementAndGet();
        refusedSinceLog.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLogNanos.get();
        if (now - last >= LOG_INTERVAL_NANOS && lastLogNanos.compareAndSet(last, now)) {
            LOG.warn("refused {} connection(s) in the last {} s; the latest from {}: {}", refusedSinceLog.getAndSet(0),
                    (now - last) / 1_000_000_000L, client.getHostAddress(), why);
        }
    }
}
