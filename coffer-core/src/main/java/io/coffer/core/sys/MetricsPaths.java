package io.coffer.core.sys;

import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.CofferException;
import io.coffer.core.json.Json;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code sys/metrics} as Vault serves it: JSON by default, the Prometheus text format with
 * {@code ?format=prometheus}. Both are answered as documents ({@link Response#text}), so an audit
 * device records that metrics were read, not every meter of every scrape.
 */
final class MetricsPaths {

    static final String PATH = "metrics";

    private final MetricsSource source;

    MetricsPaths(MetricsSource source) {
        this.source = source;
    }

    List<PathRoute> routes() {
        return List.of(PathRoute.path(PATH).on(Operation.READ, this::read)
                .synopsis("The server's metrics: JSON, or the Prometheus text format with ?format=prometheus."));
    }

    private Response read(EngineRequest r) {
        String format = r.fields().string("format").orElse("");
        return switch (format) {
            case "prometheus" -> Response.text(MetricsSource.PROMETHEUS_CONTENT_TYPE, source.prometheusText());
            case "", "json" -> Response.text("application/json",
                    new String(Json.write(source.json()), StandardCharsets.UTF_8));
            default -> throw CofferException.invalid("unknown metrics format; use format=prometheus, or none for JSON");
        };
    }
}
