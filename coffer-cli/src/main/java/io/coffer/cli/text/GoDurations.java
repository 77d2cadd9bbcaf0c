package io.coffer.cli.text;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written the way Vault's flags and output write them.
 *
 * <p>Input follows Vault's {@code parseutil.ParseDurationSecond}: a bare integer is seconds,
 * otherwise a sequence of decimal numbers with units {@code ns us µs ms s m h d}
 * ({@code 90s}, {@code 1h30m}, {@code 1.5h}, {@code 7d}). Output follows Go's
 * {@code time.Duration.String} ({@code 1h30m0s}), and {@link #human} trims it the way Vault's
 * tables do ({@code 768h}, {@code 1h30m}).
 */
public final class GoDurations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h|d)");

    private GoDurations() {
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException when {@code text} is not a duration
     */
    public static Duration parse(String text) {
        String input = text.strip();
        if (input.isEmpty()) {
            throw new IllegalArgumentException("invalid duration \"" + text + "\"");
        }
        boolean negative = input.startsWith("-");
        String body = negative || input.startsWith("+") ? input.substring(1) : input;
        if (body.matches("\\d+")) {
            Duration seconds = Duration.ofSeconds(Long.parseLong(body));
            return negative ? seconds.negated() : seconds;
        }
        if (body.equals("0")) {
            return Duration.ZERO;
        }
        Matcher part = PART.matcher(body);
        int position = 0;
        BigDecimal nanos = BigDecimal.ZERO;
        while (position < body.length()) {
            if (!part.find(position) || part.start() != position) {
                throw new IllegalArgumentException("invalid duration \"" + text + "\"");
            }
            nanos = nanos.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(nanosPerUnit(part.group(2)))));
            position = part.end();
        }
        Duration parsed = Duration.ofNanos(nanos.longValue());
        return negative ? parsed.negated() : parsed;
    }

    private static long nanosPerUnit(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs", "μs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60L * 1_000_000_000L;
            case "h" -> 3_600L * 1_000_000_000L;
            case "d" -> 86_400L * 1_000_000_000L;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }

    /** Go's {@code time.Duration.String}: {@code 0s}, {@code 1.5s}, {@code 2m0s}, {@code 1h30m0s}, {@code 250ms}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        String sign = duration.isNegative() ? "-" : "";
        Duration d = duration.abs();
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            long nanos = d.toNanos();
            if (nanos < 1_000) {
                return sign + nanos + "ns";
            }
            if (nanos < 1_000_000) {
                return sign + decimal(nanos, 1_000) + "µs";
            }
            return sign + decimal(nanos, 1_000_000) + "ms";
        }
        long hours = d.toHours();
        long minutes = d.toMinutesPart();
        String seconds = decimal(d.toSecondsPart() * 1_000_000_000L + d.toNanosPart(), 1_000_000_000L) + "s";
        if (hours > 0) {
            return sign + hours + "h" + minutes + "m" + seconds;
        }
        if (minutes > 0) {
            return sign + minutes + "m" + seconds;
        }
        return sign + seconds;
    }

    /**
     * Vault's {@code humanDuration}: Go's form without the zero tails, so {@code 768h0m0s} reads
     * {@code 768h} and {@code 1h0m5s} reads {@code 1h5s}.
     */
    public static String human(Duration duration) {
        String text = format(duration);
        if (text.endsWith("m0s")) {
            text = text.substring(0, text.length() - 2);
        }
        int zeroMinutes = text.indexOf("h0m");
        if (zeroMinutes > 0) {
            text = text.substring(0, zeroMinutes + 1) + text.substring(zeroMinutes + 3);
        }
        return text;
    }

    private static String decimal(long value, long unit) {
        BigDecimal result = BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros();
        return result.toPlainString();
    }
}
