package io.coffer.server;

import java.util.Optional;

/** Reads samples out of a Prometheus text exposition, for tests of {@code sys/metrics}. */
final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * The value of the sample written as {@code series} ({@code name} or {@code name{label="v"}}),
     * empty when the exposition has no such sample.
     */
    static Optional<Double> value(String exposition, String series) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Optional.of(Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]));
            }
        }
        return Optional.empty();
    }
}
