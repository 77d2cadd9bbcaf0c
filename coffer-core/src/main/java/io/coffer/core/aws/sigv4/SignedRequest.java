package io.coffer.core.aws.sigv4;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request exactly as it arrived, which is what a signature covers: the method, the path
 * and query string as sent (still percent-encoded), every header with all its values in the order
 * received, and the body bytes.
 *
 * @param method   HTTP method, e.g. {@code POST}
 * @param rawPath  the path as sent, e.g. {@code /}
 * @param rawQuery the query string as sent without {@code ?}; empty when none
 * @param headers  header values by lower-case name, in the order received
 * @param body     the body bytes
 */
public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
        byte[] body) {

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        rawQuery = rawQuery == null ? "" : rawQuery;
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    /** Collects headers by case-insensitive name, keeping every value in arrival order. */
    public static final class Headers {
        private final TreeMap<String, List<String>> byName = new TreeMap<>();

        public Headers add(String name, String value) {
            byName.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(value);
            return this;
        }

        public Map<String, List<String>> build() {
            TreeMap<String, List<String>> copy = new TreeMap<>();
            byName.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return Collections.unmodifiableMap(copy);
        }
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of a header, by case-insensitive name; empty when absent. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
}
