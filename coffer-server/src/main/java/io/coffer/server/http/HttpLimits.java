package io.coffer.server.http;

import java.time.Duration;

/**
 * What one listener lets its clients hold: time to send a request, connections, and memory for
 * request bodies. Validated by the server's config ({@code ServerConfig}), which names the flags.
 *
 * @param readHeaderTimeout       a request line and headers not complete this long after their
 *                                first byte (or after the connection opened) get 408 and the
 *                                connection is closed (Vault's {@code http_read_header_timeout})
 * @param readTimeout             a whole request (headers and body) not read this long after its
 *                                first byte gets 408 and the connection is closed (Vault's
 *                                {@code http_read_timeout}); time the server spends answering does
 *                                not count
 * @param idleTimeout             a keep-alive connection with nothing in flight that sends nothing
 *                                this long is closed (Vault's {@code http_idle_timeout})
 * @param maxConnections          open connections the listener keeps; more are refused at once
 * @param maxConnectionsPerClient open connections one client IP address may have
 * @param maxRequestBytes         largest request body; larger ones get 413
 * @param maxRequestMemory        request body bytes all connections together may hold in memory
 *                                (being received, queued or being served); a body that would go
 *                                over gets 503 and its connection is closed
 */
public record HttpLimits(Duration readHeaderTimeout, Duration readTimeout, Duration idleTimeout, int maxConnections,
        int maxConnectionsPerClient, int maxRequestBytes, long maxRequestMemory) {

    public static final Duration DEFAULT_READ_HEADER_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_CONNECTIONS = 4096;
    public static final int DEFAULT_MAX_CONNECTIONS_PER_CLIENT = 512;
    public static final int DEFAULT_MAX_REQUEST_BYTES = 32 * 1024 * 1024;
    private static final long MEMORY_CAP = 256L * 1024 * 1024;

    /** Refuses values no listener can run with; {@code ServerConfig} says which flag was wrong first. */
    public HttpLimits {
        for (Duration d : new Duration[] {readHeaderTimeout, readTimeout, idleTimeout}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("HTTP timeouts must be positive");
            }
        }
        if (maxConnections < 1 || maxConnectionsPerClient < 1 || maxRequestBytes < 1 || maxRequestMemory < maxRequestBytes) {
            throw new IllegalArgumentException("connection caps and body sizes must be positive, and body memory at least one body");
        }
    }

    /**
     * The default body memory budget: a quarter of the maximum heap, at most 256 MiB, and never less
     * than one body of {@code maxRequestBytes} (which must always be receivable).
     */
    public static long defaultMaxRequestMemory(long maxRequestBytes, long maxHeapBytes) {
        return Math.max(maxRequestBytes, Math.min(MEMORY_CAP, maxHeapBytes / 4));
    }

    /** The defaults, as a server with no limit flags runs. */
    public static HttpLimits defaults() {
        return new HttpLimits(DEFAULT_READ_HEADER_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_IDLE_TIMEOUT,
                DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS_PER_CLIENT, DEFAULT_MAX_REQUEST_BYTES,
                defaultMaxRequestMemory(DEFAULT_MAX_REQUEST_BYTES, Runtime.getRuntime().maxMemory()));
    }
}
