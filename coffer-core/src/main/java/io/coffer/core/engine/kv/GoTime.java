package io.coffer.core.engine.kv;

import io.coffer.core.logical.Timestamps;
import java.time.Instant;

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
        return t == null ? "" : Timestamps.rfc3339Nano(t);
    }

    /** Parses what {@link #format} wrote; the empty string is {@code null}. */
    public static Instant parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Instant fast = parseCanonical(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} read digit by digit, or null for any other form:
     * every read of a key parses its times, and the general parser costs more than the read.
     */
    static Instant parseCanonical(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fractionDigits = n - 21;
            if (s.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            int fraction = digits(s, 20, fractionDigits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The value of {@code count} decimal digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
