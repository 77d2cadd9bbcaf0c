package io.coffer.server.metrics;

import io.coffer.core.audit.AuditBroker;
import io.coffer.core.audit.AuditDeviceEntry;
import io.coffer.core.ratelimit.LoginWorkPool;
import io.coffer.core.sys.MetricsSource;
import io.coffer.server.http.HttpLoad;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Statistic;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The meters of one server, served by {@code sys/metrics} (docs/metrics.md lists them).
 *
 * <p>Nothing here runs on the request path: every Coffer meter is a function of a counter or gauge
 * its subsystem keeps anyway ({@link FunctionCounter}, {@link Gauge}), read only when the registry
 * is scraped. Audit devices come and go, so their per-device gauges are rows of a
 * {@link MultiGauge} brought up to date with the enabled devices before every scrape: a newly
 * enabled device has its rows in the next scrape, a disabled one's are gone from it.
 *
 * <p>Created before the node (the node serves it), bound to the node's parts once they exist
 * ({@link #bind}). Thread-safe; {@link #close()} stops the JVM GC listener.
 */
public final class ServerMetrics implements MetricsSource, AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private volatile AuditVolumes auditVolumes;
    /** The registry holds the sources of function meters weakly; this keeps them (the HTTP load supplier above all). */
    @SuppressWarnings("unused")
    private volatile List<Object> sources = List.of();

    public ServerMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /**
     * Binds the meters of the node's audit devices and login pool and of the HTTP listener.
     *
     * @param httpLoad the listener's load, read once per meter on each scrape
     */
    public void bind(AuditBroker audit, LoginWorkPool loginWork, Supplier<HttpLoad> httpLoad) {
        this.sources = List.of(audit, loginWork, httpLoad);
        counter("coffer.audit.chain.breaks", audit, AuditBroker::chainBreaks,
                "audit files found not to match their stored chain head at open (a new segment recorded the break)");
        counter("coffer.login.refused", loginWork, LoginWorkPool::refusedChecks,
                "logins refused with 429 because every login worker was busy and the queue full");
        gauge("coffer.http.connections.open", httpLoad, l -> l.get().openConnections(), "open client connections");
        counter("coffer.http.connections.refused", httpLoad, l -> l.get().refusedConnections(),
                "connections refused at --max-connections or --max-connections-per-client");
        gauge("coffer.http.request.body.bytes.held", httpLoad, l -> l.get().heldRequestBytes(),
                "request body bytes held in memory now, counted against --max-request-memory");
        counter("coffer.http.request.bodies.refused", httpLoad, l -> l.get().refusedRequestBodies(),
                "request bodies refused (503) because --max-request-memory was exhausted");
        counter("coffer.http.requests.timed.out", httpLoad, l -> l.get().timedOutRequests(),
                "requests closed because headers or body did not arrive within the read timeouts");
        this.auditVolumes = new AuditVolumes(audit,
                MultiGauge.builder("coffer.audit.volume.free.bytes")
                        .description("bytes still free on the volume an audit device writes to").register(registry),
                MultiGauge.builder("coffer.audit.volume.low")
                        .description("1 when an audit device's volume has less free space than its free_space_warn").register(registry));
    }

    private <T> void counter(String name, T source, ToDoubleFunction<T> value, String description) {
        FunctionCounter.builder(name, source, value).description(description).register(registry);
    }

    private <T> void gauge(String name, T source, ToDoubleFunction<T> value, String description) {
        Gauge.builder(name, source, value).description(description).strongReference(true).register(registry);
    }

    @Override
    public String prometheusText() {
        refresh();
        return registry.scrape(PROMETHEUS_CONTENT_TYPE);
    }

    /**
     * Vault's JSON shape, every value current: gauges as {@code Gauges}; counters, and the
     * cumulative statistics of other meters (a timer's count and total), as {@code Counters};
     * {@code Samples} stays empty (Vault's interval aggregates have no equivalent here). Names
     * are the Prometheus names (a timer's statistics as {@code _count}, {@code _sum}, {@code _max}),
     * so both formats speak of the same meters.
     */
    @Override
    public Map<String, Object> json() {
        refresh();
        List<Map<String, Object>> gauges = new ArrayList<>();
        List<Map<String, Object>> counters = new ArrayList<>();
        for (Meter meter : registry.getMeters()) {
            Meter.Id id = meter.getId();
            String base = id.getConventionName(registry.config().namingConvention());
            Map<String, String> labels = new LinkedHashMap<>();
            for (Tag tag : id.getConventionTags(registry.config().namingConvention())) {
                labels.put(tag.getKey(), tag.getValue());
            }
            boolean single = id.getType() == Meter.Type.COUNTER || id.getType() == Meter.Type.GAUGE;
            for (Measurement m : meter.measure()) {
                boolean cumulative = switch (m.getStatistic()) {
                    case COUNT, TOTAL, TOTAL_TIME -> true;
                    default -> false;
                };
                String name = single ? base : base + suffix(m.getStatistic());
                if (cumulative && !name.endsWith("_total") && id.getType() == Meter.Type.COUNTER) {
                    name += "_total";
                }
                (cumulative ? counters : gauges).add(sample(name, m.getValue(), labels));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Timestamp", Instant.now().toString());
        body.put("Gauges", gauges);
        body.put("Counters", counters);
        body.put("Samples", List.of());
        return body;
    }

    /** The suffix the Prometheus format gives a statistic of a multi-valued meter (a timer's {@code _count}, {@code _sum}, {@code _max}). */
    private static String suffix(Statistic statistic) {
        return switch (statistic) {
            case COUNT -> "_count";
            case TOTAL, TOTAL_TIME -> "_sum";
            case MAX -> "_max";
            case ACTIVE_TASKS -> "_active_count";
            case DURATION -> "_duration_sum";
            case VALUE, UNKNOWN -> "";
        };
    }

    private static Map<String, Object> sample(String name, double value, Map<String, String> labels) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Name", name);
        // JSON has no NaN: a gauge whose source is gone reads as null.
        s.put("Value", Double.isFinite(value) ? (Object) value : null);
        s.put("Labels", labels);
        return s;
    }

    private void refresh() {
        AuditVolumes volumes = auditVolumes;
        if (volumes != null) {
            volumes.refresh();
        }
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    /**
     * The per-device gauges: one row per enabled device that writes to a local volume, read live
     * by the device's path. Rows are added and removed as devices come and go; a row that stays
     * is not registered again.
     */
    private record AuditVolumes(AuditBroker audit, MultiGauge free, MultiGauge low) {

        void refresh() {
            List<MultiGauge.Row<?>> freeRows = new ArrayList<>();
            List<MultiGauge.Row<?>> lowRows = new ArrayList<>();
            for (AuditDeviceEntry device : audit.entries()) {
                if (audit.volumeSpace(device.path()).isPresent()) {
                    Tags tags = Tags.of("device", device.path());
                    freeRows.add(MultiGauge.Row.of(tags, device.path(), this::freeBytes));
                    lowRows.add(MultiGauge.Row.of(tags, device.path(), this::low));
                }
            }
            // Rows of devices disabled since the last scrape are removed.
            free.register(freeRows, false);
            low.register(lowRows, false);
        }

        private double freeBytes(String path) {
            return audit.volumeSpace(path).map(v -> (double) v.freeBytes()).orElse(Double.NaN);
        }

        private double low(String path) {
            return audit.volumeSpace(path).map(v -> v.low() ? 1.0 : 0.0).orElse(Double.NaN);
        }
    }
}
