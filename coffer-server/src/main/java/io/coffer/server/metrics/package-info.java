/**
 * The server's meters and {@code sys/metrics}: a Micrometer registry (Prometheus flavour) bound to
 * the core's plain gauges and counters (audit volume and chain breaks, login pool refusals) and the
 * HTTP listener's load, all read when scraped, never on the request path; plus the JVM's memory,
 * GC and thread meters. Depends on the core's {@code audit}, {@code ratelimit} and {@code sys}
 * packages and on the server's {@code http} package; the server wires it. docs/metrics.md lists
 * every meter.
 */
package io.coffer.server.metrics;
