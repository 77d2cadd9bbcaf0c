package io.coffer.core.logical;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vault's duration syntax: a bare integer is seconds; otherwise Go's duration grammar
 * ({@code 1h30m}, {@code 1.5h}, {@code 300ms}) plus {@code d} for days. Results are whole seconds,
 * rounded down, as Vault stores them.
 */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h|d)");

    private Durations() {
    }

    public static long parseSeconds(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            return 0;
        }
        if (s.matches("-?\\d+")) {
            long v = Long.parseLong(s);
            if (v < 0) {
                throw new IllegalArgumentException("must not be negative");
            }
            return v;
        }
        Matcher m = PART.matcher(s);
        int at = 0;
        BigDecimal nanos = BigDecimal.ZERO;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("expected a number of seconds or a value such as 30s, 15m, 1h or 7d");
            }
            BigDecimal n = new BigDecimal(m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1));
            long unit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                default -> 86_400_000_000_000L;
            };
            nanos = nanos.add(n.multiply(BigDecimal.valueOf(unit)));
            at = m.end();
        }
        return nanos.divideToIntegralValue(BigDecimal.valueOf(1_000_000_000L)).longValueExact();
    }

    /** Go's rendering of a duration of whole seconds, e.g. {@code 1h30m0s}, as Vault shows it. */
    public static String format(long seconds) {
        if (seconds == 0) {
            return "0s";
        }
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        StringBuilder b = new StringBuilder();
        if (h > 0) {
            b.append(h).append('h');
        }
        if (h > 0 || m > 0) {
            b.append(m).append('m');
        }
        b.append(s).append('s');
        return b.toString();
    }
}
