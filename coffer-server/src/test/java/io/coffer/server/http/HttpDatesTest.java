package io.coffer.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class HttpDatesTest {

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static String rfc1123(Instant at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    @Test
    void now_isTheRfc1123DateOfTheCurrentSecond_renderedOncePerSecond() {
        MovingClock clock = new MovingClock(Instant.parse("2026-03-01T09:05:07.100Z"));
        HttpDates dates = new HttpDates(clock);

        String first = dates.now();
        assertThat(first).isEqualTo("Sun, 1 Mar 2026 09:05:07 GMT").isEqualTo(rfc1123(clock.now));
        clock.now = Instant.parse("2026-03-01T09:05:07.900Z");
        assertThat(dates.now()).isSameAs(first);

        clock.now = Instant.parse("2026-03-01T09:05:08.000Z");
        assertThat(dates.now()).isEqualTo("Sun, 1 Mar 2026 09:05:08 GMT");
        clock.now = Instant.parse("2026-12-31T23:59:59.999Z");
        assertThat(dates.now()).isEqualTo(rfc1123(clock.now));
    }
}
