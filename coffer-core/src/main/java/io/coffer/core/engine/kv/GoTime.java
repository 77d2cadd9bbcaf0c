package io.coffer.core.engine.kv;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Timestamps as Vault renders them: Go's {@code time.RFC3339Nano} in UTC, e.g.
 * {@code 2018-03-22T02:24:06.945319214Z}, with trailing zeros of the fraction trimmed and no
 * fraction at all for whole seconds.
 */
public final class GoTime {

    private GoTime() {
    }

    /** Renders {@code t}; {@code null} renders as the empty string, as Vault shows an unset time. */
    public static String format(Instant t) {
        if (t == null) {
            return "";
        }
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder b = new StringBuilder(32);
        pad(b, d.getYear(), 4).append('-');
        pad(b, d.getMonthValue(), 2).append('-');
        pad(b, d.getDayOfMonth(), 2).append('T');
        pad(b, d.getHour(), 2).append(':');
        pad(b, d.getMinute(), 2).append(':');
        pad(b, d.getSecond(), 2);
        int nanos = t.getNano();
        if (nanos != 0) {
            String fraction = String.format("%09d", nanos);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            b.append('.').append(fraction, 0, end);
        }
        return b.append('Z').toString();
    }

    /** Parses what {@link #format} wrote; the empty string is {@code null}. */
    public static Instant parse(String text) {
        return text == null || text.isEmpty() ? null : Instant.parse(text);
    }

    private static StringBuilder pad(StringBuilder b, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s);
    }
}
