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

    /**
     * A list of strings as Go's {@code %q} prints a {@code []string}: {@code ["default" "ops"]};
     * {@code []} for {@code null} or an empty list, as for Go's nil slice.
     */
    public static String quotedList(Object value) {
        StringJoiner items = new StringJoiner(" ", "[", "]");
        if (value instanceof List<?> list) {
            list.forEach(item -> items.add(quoted(String.valueOf(item))));
        }
        return items.toString();
    }

    /** {@code text} in double quotes with backslash escapes, as Go's {@code strconv.Quote} writes printable text. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        out.append(String.format("\\x%02x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> keyed = new TreeMap<>();
        map.forEach((k, v) -> keyed.put(String.valueOf(k), v));
        return keyed;
    }
}
