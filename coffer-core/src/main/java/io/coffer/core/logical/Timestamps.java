package io.coffer.core.logical;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Go's {@code time.RFC3339Nano} rendering in UTC, which Vault uses for every timestamp. */
public final class Timestamps {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** E.g. {@code 2018-03-22T02:24:06.945319214Z}; trailing zeros of the fraction are trimmed. */
    public static String rfc3339Nano(Instant instant) {
        StringBuilder b = new StringBuilder(30);
        SECONDS.formatTo(instant, b);
        int nanos = instant.getNano();
        if (nanos != 0) {
            // Runs for every audit record: digits by hand instead of String.format.
            int digits = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                digits--;
            }
            b.append('.');
            String fraction = Integer.toString(nanos);
            for (int pad = digits - fraction.length(); pad > 0; pad--) {
                b.append('0');
            }
            b.append(fraction);
        }
        return b.append('Z').toString();
    }
}
