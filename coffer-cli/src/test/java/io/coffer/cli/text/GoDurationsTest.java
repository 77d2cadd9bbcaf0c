package io.coffer.cli.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationsTest {

    @ParameterizedTest
    @CsvSource({
        "30, PT30S",
        "30s, PT30S",
        "1h30m, PT1H30M",
        "3h25m19s, PT3H25M19S",
        "1.5h, PT1H30M",
        "7d, PT168H",
        "250ms, PT0.25S",
        "0, PT0S",
        "-1, PT-1S"
    })
    void parsesVaultDurations(String text, String expected) {
        assertThat(GoDurations.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"'', ", "abc, ", "1x, ", "h, ", "1h-2m, "})
    void rejectsWhatIsNotADuration(String text, String ignored) {
        assertThatThrownBy(() -> GoDurations.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "PT0S, 0s",
        "PT30S, 30s",
        "PT1M30S, 1m30s",
        "PT2M, 2m0s",
        "PT1H, 1h0m0s",
        "PT3H25M19S, 3h25m19s",
        "PT1.5S, 1.5s",
        "PT0.25S, 250ms",
        "PT768H, 768h0m0s"
    })
    void formatsAsGoDoes(String duration, String expected) {
        assertThat(GoDurations.format(Duration.parse(duration))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "PT0S, 0s",
        "PT768H, 768h",
        "PT1H, 1h",
        "PT1M, 1m",
        "PT1H1M, 1h1m",
        "PT1H5S, 1h5s",
        "PT90S, 1m30s"
    })
    void humanFormDropsZeroTails(String duration, String expected) {
        assertThat(GoDurations.human(Duration.parse(duration))).isEqualTo(expected);
    }

    @Test
    void negativeDurationsKeepTheirSign() {
        assertThat(GoDurations.format(Duration.ofSeconds(-90))).isEqualTo("-1m30s");
    }
}
