package io.coffer.core.auth.token;

import io.coffer.core.error.ClientText;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.RequestData;
import io.coffer.core.logical.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Request-field helpers shared by the token endpoints. */
final class Fields {

    /** Unknown fields named in the warning at most: the names are the client's, so is their number. */
    private static final int MAX_NAMED_FIELDS = 10;

    private Fields() {
    }

    /** A JSON object of scalar values as strings (Vault's key/value pairs), or empty. */
    static Map<String, String> stringMap(RequestData f, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        f.map(field).ifPresent(m -> m.forEach((k, v) -> {
            if (v instanceof Map<?, ?> || v instanceof List<?>) {
                throw CofferException.invalid("field \"" + field + "\" must map names to strings");
            }
            if (v != null) {
                out.put(k, String.valueOf(v));
            }
        }));
        return out;
    }

    /** A duration field that must not be negative, in seconds; 0 when absent. */
    static long seconds(RequestData f, String field) {
        if (f.raw(field).orElse(null) instanceof Number n && n.doubleValue() < 0) {
            throw CofferException.invalid("field \"" + field + "\" must not be negative");
        }
        return f.durationSeconds(field).orElse(0L);
    }

    /**
     * Vault's warning for fields an endpoint does not know, which it ignores: a client that relies
     * on one learns that it had no effect.
     */
    static void warnAboutUnknown(Response response, Map<String, Object> data, Set<String> known) {
        TreeSet<String> unknown = new TreeSet<>();
        int count = 0;
        for (String field : data.keySet()) {
            if (!known.contains(field) && ++count <= MAX_NAMED_FIELDS) {
                unknown.add(ClientText.escape(field));
            }
        }
        if (count > 0) {
            response.withWarning("these fields are not recognized and were ignored: " + unknown
                    + (count > MAX_NAMED_FIELDS ? " and " + (count - MAX_NAMED_FIELDS) + " more" : ""));
        }
    }
}
