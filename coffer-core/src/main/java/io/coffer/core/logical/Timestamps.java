package io.coffer.core.logical;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Go's {@code time.RFC3339Nano} rendering in UTC, which Vault uses for every timestamp. */
public final class Timestamps {

    private static final long SECONDS_PER_DAY = 86_400;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** E.g. {@code 2018-03-22T02:24:06.945319214Z}; trailing zeros of the fraction are trimmed. */
    public static String rfc3339Nano(Instant instant) {
        StringBuilder b = new StringBuilder(30);
        appendSeconds(b, instant);
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

    /**
     * {@code yyyy-MM-dd'T'HH:mm:ss} in UTC, digit by digit for years 1-9999 (every audit record
     * needs one; the formatter costs more than the rest of the record's time field).
     */
    private static void appendSeconds(StringBuilder b, Instant instant) {
        long seconds = instant.getEpochSecond();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int year = date.getYear();
        if (year < 1 || year > 9999) {
            SECONDS.formatTo(instant, b);
            return;
        }
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        appendDigits(b, year, 4).append('-');
        appendDigits(b, date.getMonthValue(), 2).append('-');
        appendDigits(b, date.getDayOfMonth(), 2).append('T');
        appendDigits(b, secondOfDay / 3600, 2).append(':');
        appendDigits(b, secondOfDay / 60 % 60, 2).append(':');
        appendDigits(b, secondOfDay % 60, 2);
    }

    /**
     * The decimal number of the {@code count} characters at {@code from}; -1 unless every one is an
     * ASCII digit. For the hand-written parsers of fixed-form times on request paths.
     */
    public static int digits(String s, int from, int count) {
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

    /**
     * The UTC instant of these calendar fields, or null when one is out of range (a -1 from
     * {@link #digits} included), so that a caller can fall back to a general parser.
     */
    public static Instant utcOrNull(int year, int month, int day, int hour, int minute, int second, int nanos) {
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59 || nanos < 0
                || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** {@code value} (non-negative) in exactly {@code width} digits, zero-padded. */
    private static StringBuilder appendDigits(StringBuilder b, int value, int width) {
        for (int unit = width == 4 ? 1000 : 10; unit > 0; unit /= 10) {
            b.append((char) ('0' + value / unit % 10));
        }
        return b;
    }
}
