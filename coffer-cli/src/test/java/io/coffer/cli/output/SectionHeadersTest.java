package io.coffer.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SectionHeadersTest {

    @Test
    void tableBannerSpansTheWidestKeyPlusTheValueColumn() {
        // Widest key "custom_metadata" (15) + 4 + 5 = 24 columns, as the vault CLI prints it.
        assertThat(SectionHeaders.forTable("Metadata", Map.of("custom_metadata", "", "version", 1)))
                .isEqualTo("======= Metadata =======");
        assertThat(SectionHeaders.forTable("Data", Map.of("foo", "bar"))).isEqualTo("=== Data ===");
    }

    @Test
    void pathBannerSpansThePath() {
        assertThat(SectionHeaders.pathBlock("Secret Path", "secret/data/devops-info-service/config"))
                .containsExactly("============= Secret Path =============", "secret/data/devops-info-service/config", "");
    }

    @Test
    void shortWidthsStillGetTwoSignsASide() {
        assertThat(SectionHeaders.padEqualSigns("Secret Path", 3)).isEqualTo("== Secret Path ==");
    }
}
