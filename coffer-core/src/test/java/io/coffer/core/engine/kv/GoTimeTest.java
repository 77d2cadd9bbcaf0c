package io.coffer.core.engine.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GoTimeTest {

    @Test
    void format_nanoseconds_keepsAllNineDigits() {
        assertThat(GoTime.format(Instant.parse("2018-03-22T02:24:06.945319214Z"))).isEqualTo("2018-03-22T02:24:06.945319214Z");
    }

    @Test
    void format_trailingZeros_areTrimmed() {
        assertThat(GoTime.format(Instant.parse("2019-06-28T15:53:30.395814000Z"))).isEqualTo("2019-06-28T15:53:30.395814Z");
        assertThat(GoTime.format(Instant.parse("2019-06-28T15:53:30.100Z"))).isEqualTo("2019-06-28T15:53:30.1Z");
    }

    @Test
    void format_wholeSecond_hasNoFraction() {
        assertThat(GoTime.format(Instant.parse("2024-01-02T03:04:05Z"))).isEqualTo("2024-01-02T03:04:05Z");
    }

    @Test
    void format_smallFraction_keepsLeadingZeros() {
        assertThat(GoTime.format(Instant.parse("2024-01-02T03:04:05.000000001Z"))).isEqualTo("2024-01-02T03:04:05.000000001Z");
    }

    @Test
    void format_null_isEmptyString() {
        assertThat(GoTime.format(null)).isEmpty();
    }

    @Test
    void parse_formatted_roundTrips() {
        Instant t = Instant.parse("2026-11-27T18:58:05.120300Z");
        assertThat(GoTime.parse(GoTime.format(t))).isEqualTo(t);
        assertThat(GoTime.parse("")).isNull();
    }

    @Test
    void parse_agreesWithTheJdkParser_onCanonicalAndOtherForms() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 5_000; i++) {
            // Years 1970..2200, any nanosecond: the fast path must give what Instant.parse gives.
            Instant t = Instant.ofEpochSecond(random.nextLong(7_258_118_400L), random.nextInt(1_000_000_000));
            String text = GoTime.format(t);
            assertThat(GoTime.parseCanonical(text)).as(text).isEqualTo(Instant.parse(text));
        }
        // Not the canonical form: left to the JDK parser, which accepts or refuses them as before.
        assertThat(GoTime.parseCanonical("2024-01-02T03:04:05+00:00")).isNull();
        assertThat(GoTime.parseCanonical("2024-02-30T03:04:05Z")).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GoTime.parse("2024-02-30T03:04:05Z"))
                .isInstanceOf(java.time.format.DateTimeParseException.class);
        assertThat(GoTime.parseCanonical("2024-01-02T03:04:05.Z")).isNull();
        assertThat(GoTime.parseCanonical("2024-01-02T03:04:05.1234567890Z")).isNull();
    }
}
