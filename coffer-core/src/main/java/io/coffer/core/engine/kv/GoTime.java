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
        int nanos = 0;
        if (n > 20) {
            int fractionDigits = n - 21;
            if (s.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            nanos = Timestamps.digits(s, 20, fractionDigits);
            for (int i = fractionDigits; i < 9 && nanos >= 0; i++) {
                nanos *= 10;
            }
        }
        return Timestamps.utcOrNull(Timestamps.digits(s, 0, 4), Timestamps.digits(s, 5, 2), Timestamps.digits(s, 8, 2),
                Timestamps.digits(s, 11, 2), Timestamps.digits(s, 14, 2), Timestamps.digits(s, 17, 2), nanos);
    }
}
