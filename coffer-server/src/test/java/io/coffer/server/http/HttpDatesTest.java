package io.coffer.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.auth.TestClock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class HttpDatesTest {

    private static String rfc1123(Instant at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    @Test
    void now_isTheRfc1123DateOfTheCurrentSecond_renderedOncePerSecond() {
        TestClock clock = new TestClock(Instant.parse("2026-03-01T09:05:07.100Z"));
        HttpDates dates = new HttpDates(clock);

        String first = dates.now();
        assertThat(first).isEqualTo("Sun, 1 Mar 2026 09:05:07 GMT").isEqualTo(rfc1123(clock.instant()));
        clock.set(Instant.parse("2026-03-01T09:05:07.900Z"));
        assertThat(dates.now()).isSameAs(first);

        clock.set(Instant.parse("2026-03-01T09:05:08.000Z"));
        assertThat(dates.now()).isEqualTo("Sun, 1 Mar 2026 09:05:08 GMT");
        clock.set(Instant.parse("2026-12-31T23:59:59.999Z"));
        assertThat(dates.now()).isEqualTo(rfc1123(clock.instant()));
    }
}
