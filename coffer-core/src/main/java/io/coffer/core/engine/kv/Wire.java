package io.coffer.core.engine.kv;

import io.coffer.core.engine.EngineRequest;
import io.coffer.core.error.ClientText;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Durations;
import io.coffer.core.logical.RequestData;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Field parsing and response shapes shared by the KV paths. Every map is built with its keys in
 * alphabetical order, the order in which Vault (Go) writes them.
 */
final class Wire {

    private Wire() {
    }

    /** The key named by the route's {@code path} group. */
    static String key(EngineRequest req) {
        return req.param("path");
    }

    /**
     * The existence check of the data and metadata paths, as in Vault: a key exists once it has
     * metadata, so the first write to it is a {@code create} for policies and later ones are
     * {@code update}s. A key the store rejects counts as existing: the handler will refuse it.
     */
    static boolean keyExists(KvStore store, EngineRequest req) {
        try {
            return store.readMetadata(key(req)).isPresent();
        } catch (CofferException | IllegalArgumentException e) {
            return true;
        }
    }

    /** Vault's answer to a read of nothing: 404 with an empty error list. */
    static CofferException notFound() {
        return new CofferException(CofferException.Kind.NOT_FOUND, java.util.List.of());
    }

    /** {@code {created_time, custom_metadata, deletion_time, destroyed, version}}, as data reads and writes show a version. */
    static Map<String, Object> versionMetadata(VersionMetadata v, Map<String, String> customMetadata) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("created_time", GoTime.format(v.createdTime()));
        m.put("custom_metadata", customMetadata(customMetadata));
        m.put("deletion_time", GoTime.format(v.deletionTime()));
        m.put("destroyed", v.destroyed());
        m.put("version", v.version());
        return m;
    }

    /** Custom metadata as Vault shows it: {@code null} when there is none. */
    static Map<String, Object> customMetadata(Map<String, String> pairs) {
        if (pairs == null || pairs.isEmpty()) {
            return null;
        }
        return new LinkedHashMap<>(pairs);
    }

    /**
     * {@code options.cas}: empty when not given. Decoded weakly like Vault (a number, a numeric
     * string, a boolean; {@code null} counts as 0).
     */
    static OptionalLong cas(EngineRequest req) {
        Optional<Map<String, Object>> options = req.fields().map("options");
        if (options.isEmpty() || !options.get().containsKey("cas")) {
            return OptionalLong.empty();
        }
        Object v = options.get().get("cas");
        try {
            return OptionalLong.of(weakLong(v));
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw CofferException.invalid("error parsing check-and-set parameter");
        }
    }

    private static long weakLong(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof BigDecimal d) {
            return d.toBigInteger().longValueExact();
        }
        if (v instanceof Double || v instanceof Float) {
            return BigDecimal.valueOf(((Number) v).doubleValue()).toBigInteger().longValueExact();
        }
        if (v instanceof BigInteger i) {
            return i.longValueExact();
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s) {
            return s.isEmpty() ? 0 : Long.parseLong(s);
        }
        throw new IllegalArgumentException("not a number");
    }

    /** A non-negative {@code int} field such as {@code max_versions}. */
    static Integer nonNegativeInt(RequestData fields, String field) {
        Optional<Long> v = fields.integer(field);
        if (v.isEmpty()) {
            return null;
        }
        long n = v.get();
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw CofferException.invalid("field \"" + field + "\" must be between 0 and " + Integer.MAX_VALUE);
        }
        return (int) n;
    }

    /** A duration field in seconds that may be negative ({@code -1s} disables delete_version_after on config). */
    static Long signedDurationSeconds(RequestData fields, String field) {
        Object raw = fields.raw(field).orElse(null);
        if (raw == null) {
            return null;
        }
        if (raw instanceof String s && s.trim().startsWith("-")) {
            try {
                return -Durations.parseSeconds(s.trim().substring(1));
            } catch (IllegalArgumentException e) {
                throw CofferException.invalid("field \"" + field + "\" is not a valid duration: " + e.getMessage());
            }
        }
        return fields.durationSeconds(field).orElse(null);
    }

    /** A value of {@code custom_metadata} decoded to a string as Go's weak decoding does. */
    static String customMetadataValue(String key, Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Number n) {
            return n.toString();
        }
        throw CofferException.invalid(CustomMetadata.PREFIX + ": value for key " + ClientText.quote(key)
                + " must be a string");
    }
}
