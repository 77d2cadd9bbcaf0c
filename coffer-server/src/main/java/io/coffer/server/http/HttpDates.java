package io.coffer.server.http;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The {@code Date} header value (RFC 1123, GMT) of the current second, rendered once per second
 * rather than once per answer. Thread-safe: a racing thread at worst renders the same second again.
 */
final class HttpDates {

    private record Rendered(long epochSecond, String text) {
    }

    private final Clock clock;
    private volatile Rendered last = new Rendered(Long.MIN_VALUE, "");

    HttpDates(Clock clock) {
        this.clock = clock;
    }

    String now() {
        Instant now = clock.instant();
        Rendered r = last;
        if (r.epochSecond() != now.getEpochSecond()) {
            r = new Rendered(now.getEpochSecond(),
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)));
            last = r;
        }
        return r.text();
    }
}
