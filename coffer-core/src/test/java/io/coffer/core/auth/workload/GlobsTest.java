package io.coffer.core.auth.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GlobsTest {

    @Test
    void globs_matchLikeVault() {
        assertThat(Globs.matches("*", "")).isTrue();
        assertThat(Globs.matches("app", "app")).isTrue();
        assertThat(Globs.matches("app", "apps")).isFalse();
        assertThat(Globs.matches("team-*", "team-payments")).isTrue();
        assertThat(Globs.matches("team-*", "team-")).isTrue();
        assertThat(Globs.matches("team-*", "xteam-a")).isFalse();
        assertThat(Globs.matches("*-prod", "api-prod")).isTrue();
        assertThat(Globs.matches("*-prod", "api-prod-2")).isFalse();
        assertThat(Globs.matches("a*b*c", "aXXbYYc")).isTrue();
        assertThat(Globs.matches("a*b*c", "acb")).isFalse();
        assertThat(Globs.matches("ab*ba", "aba")).isFalse();
        assertThat(Globs.anyMatches(List.of("x", "ns-*"), "ns-1")).isTrue();
    }
}
