package io.coffer.cli.operator;

import io.coffer.cli.output.GoValues;
import java.util.Map;

/** Reads response fields with Go's zero values for absent ones, as the vault CLI's structs do. */
final class Fields {

    private final Map<String, Object> map;

    Fields(Map<String, Object> map) {
        this.map = map == null ? Map.of() : map;
    }

    String text(String key) {
        Object value = map.get(key);
        return value == null ? "" : GoValues.format(value);
    }

    boolean flag(String key) {
        return Boolean.TRUE.equals(map.get(key));
    }

    long number(String key) {
        return map.get(key) instanceof Number n ? n.longValue() : 0L;
    }

    boolean has(String key) {
        Object value = map.get(key);
        return value != null && !(value instanceof String s && s.isEmpty());
    }
}
