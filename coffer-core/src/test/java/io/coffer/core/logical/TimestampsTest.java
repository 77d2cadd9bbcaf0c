package io.coffer.core.logical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void rfc3339Nano_trimsTrailingZerosOfTheFraction_andKeepsLeadingOnes() {
        Instant second = Instant.parse("2018-03-22T02:24:06Z");

        assertThat(Timestamps.rfc3339Nano(second)).isEqualTo("2018-03-22T02:24:06Z");
        assertThat(Timestamps.rfc3339Nano(second.plusNanos(945_319_214))).isEqualTo("2018-03-22T02:24:06.945319214Z");
        assertThat(Timestamps.rfc3339Nano(second.plusNanos(500_000_000))).isEqualTo("2018-03-22T02:24:06.5Z");
        assertThat(Timestamps.rfc3339Nano(second.plusNanos(1_000))).isEqualTo("2018-03-22T02:24:06.000001Z");
        assertThat(Timestamps.rfc3339Nano(second.plusNanos(10))).isEqualTo("2018-03-22T02:24:06.00000001Z");
        assertThat(Timestamps.rfc3339Nano(second.plusNanos(1))).isEqualTo("2018-03-22T02:24:06.000000001Z");
    }
}
