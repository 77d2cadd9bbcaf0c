package io.coffer.core.logical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
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

    @Test
    void rfc3339Nano_agreesWithTheFormatter_overTheYearsItWritesByHand_andBeyond() {
        java.time.format.DateTimeFormatter reference = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(java.time.ZoneOffset.UTC);
        java.util.Random random = new java.util.Random(42);
        long min = Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("+10100-12-31T23:59:59Z").getEpochSecond();
        List<Instant> instants = new java.util.ArrayList<>(List.of(Instant.EPOCH, Instant.EPOCH.minusSeconds(1),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("2024-02-29T23:59:59Z")));
        for (int i = 0; i < 10_000; i++) {
            instants.add(Instant.ofEpochSecond(min + (long) (random.nextDouble() * (max - min))));
        }
        for (Instant instant : instants) {
            assertThat(Timestamps.rfc3339Nano(instant)).as("%s", instant).isEqualTo(reference.format(instant) + "Z");
        }
    }
}
