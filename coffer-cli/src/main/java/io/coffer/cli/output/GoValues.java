package io.coffer.cli.output;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Renders decoded JSON values the way Go's {@code fmt} {@code %v} renders them in the vault CLI's
 * tables, so table cells match Vault's: {@code <nil>}, {@code true}, {@code [a b]},
 * {@code map[k:v]} (keys sorted).
 */
public final class GoValues {

    private GoValues() {
    }

    public static String format(Object value) {
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Map<?, ?> map) {
            StringJoiner entries = new StringJoiner(" ", "map[", "]");
            new TreeMap<>(stringKeys(map)).forEach((k, v) -> entries.add(k + ":" + format(v)));
            return entries.toString();
        }
        if (value instanceof List<?> list) {
            StringJoiner items = new StringJoiner(" ", "[", "]");
            list.forEach(item -> items.add(format(item)));
            return items.toString();
        }
        return value.toString();
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> keyed = new TreeMap<>();
        map.forEach((k, v) -> keyed.put(String.valueOf(k), v));
        return keyed;
    }
}
