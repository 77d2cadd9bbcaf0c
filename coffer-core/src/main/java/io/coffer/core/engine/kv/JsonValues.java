package io.coffer.core.engine.kv;

import io.coffer.core.storage.StorageKeys;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operations on secret data held as plain JSON values: {@code Map<String, Object>} for objects,
 * {@code List} for arrays, {@code String}, {@code Boolean}, {@code Number} and {@code null}.
 */
final class JsonValues {

    /**
     * Go's order of map keys when it encodes JSON: by UTF-8 bytes, which is code point order. Vault
     * answers every object with its keys in this order.
     */
    static final Comparator<String> KEY_ORDER = StorageKeys::compare;

    private JsonValues() {
    }

    /**
     * A deep copy of {@code value} with every object's keys in {@link #KEY_ORDER}. Rejects values
     * that are not JSON (a message names the kind of value, never the value).
     */
    static Object canonical(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Double d) {
            requireFinite(d);
            return value;
        }
        if (value instanceof Float f) {
            requireFinite(f.doubleValue());
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Map<?, ?> m) {
            return canonicalObject(m);
        }
        if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object e : c) {
                out.add(canonical(e));
            }
            return out;
        }
        throw new IllegalArgumentException("secret data holds a value that is not JSON: " + value.getClass().getSimpleName());
    }

    /** {@link #canonical} of an object. */
    static Map<String, Object> canonicalObject(Map<?, ?> m) {
        List<String> keys = new ArrayList<>(m.size());
        for (Object k : m.keySet()) {
            if (!(k instanceof String s)) {
                throw new IllegalArgumentException("secret data holds an object key that is not a string");
            }
            keys.add(s);
        }
        keys.sort(KEY_ORDER);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : keys) {
            out.put(k, canonical(m.get(k)));
        }
        return out;
    }

    /**
     * JSON merge patch (RFC 7396) of {@code patch} onto {@code target}: objects merge recursively,
     * a {@code null} member removes the member, anything else replaces. Neither input is changed.
     */
    static Object mergePatch(Object target, Object patch) {
        if (!(patch instanceof Map<?, ?> patchObject)) {
            return canonical(patch);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        if (target instanceof Map<?, ?> targetObject) {
            for (Map.Entry<?, ?> e : targetObject.entrySet()) {
                result.put((String) e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<?, ?> e : patchObject.entrySet()) {
            String name = (String) e.getKey();
            if (e.getValue() == null) {
                result.remove(name);
            } else {
                result.put(name, mergePatch(result.get(name), e.getValue()));
            }
        }
        return canonicalObject(result);
    }

    /**
     * The structure of {@code data} with its values removed, as Vault's {@code subkeys} endpoint
     * shows it: every leaf (a non-object value, or an empty object) becomes {@code null}, and so does
     * every object below {@code maxDepth} levels ({@code 0} means no limit).
     */
    static Map<String, Object> subkeys(Map<String, Object> data, long maxDepth) {
        return subkeys(data, 1, maxDepth);
    }

    private static Map<String, Object> subkeys(Map<String, Object> data, long depth, long maxDepth) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : data.entrySet()) {
            Object stripped = null;
            if (e.getValue() instanceof Map<?, ?> child && !child.isEmpty()
                    && (maxDepth == 0 || depth + 1 <= maxDepth)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) child;
                stripped = subkeys(object, depth + 1, maxDepth);
            }
            out.put(e.getKey(), stripped);
        }
        return out;
    }

    private static void requireFinite(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("secret data holds a number that JSON cannot represent");
        }
    }
}
