package io.coffer.core.sys;

import java.util.Map;

/**
 * What {@code sys/metrics} serves, rendered by whoever keeps the meters: the core has no metrics
 * library of its own and exposes its signals as plain methods (for example
 * {@link io.coffer.core.audit.AuditBroker#volumeSpace}, {@link io.coffer.core.audit.AuditBroker#chainBreaks},
 * {@link io.coffer.core.ratelimit.LoginWorkPool#refusedChecks}); the server binds them to a registry
 * that reads them only when scraped. Implementations are thread-safe.
 */
public interface MetricsSource {

    /** Media type of {@link #prometheusText()}: Prometheus's text exposition format 0.0.4. */
    String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Every meter in the Prometheus text exposition format. */
    String prometheusText();

    /**
     * Every meter in the shape of Vault's JSON telemetry: {@code Timestamp}, {@code Gauges} and
     * {@code Counters} as lists of {@code {"Name", "Value", "Labels"}}, and {@code Samples}.
     */
    Map<String, Object> json();
}
