package io.coffer.core.auth.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GlobsAndCidrsTest {

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

    @Test
    void cidrs_parseLiteralsOnlyAndMatchByPrefix() {
        CidrBlock v4 = CidrBlock.parse("10.1.0.0/16").orElseThrow();
        assertThat(v4.contains("10.1.255.3")).isTrue();
        assertThat(v4.contains("10.2.0.1")).isFalse();
        assertThat(v4.contains("::1")).isFalse();
        assertThat(CidrBlock.parse("192.168.1.7").orElseThrow().contains("192.168.1.7")).isTrue();
        assertThat(CidrBlock.parse("192.168.1.7").orElseThrow().contains("192.168.1.8")).isFalse();
        assertThat(CidrBlock.parse("10.0.0.0/12").orElseThrow().contains("10.15.0.1")).isTrue();
        assertThat(CidrBlock.parse("10.0.0.0/12").orElseThrow().contains("10.16.0.1")).isFalse();
        assertThat(CidrBlock.parse("fd00::/8").orElseThrow().contains("fd12::1")).isTrue();
        assertThat(CidrBlock.parse("0.0.0.0/0").orElseThrow().contains("8.8.8.8")).isTrue();
        assertThat(CidrBlock.parse("example.com")).isEmpty();
        assertThat(CidrBlock.parse("abc")).isEmpty();
        assertThat(CidrBlock.parse("300.1.1.1")).isEmpty();
        assertThat(CidrBlock.parse("10.0.0.0/33")).isEmpty();
        assertThat(CidrBlock.parse("10.0.0.0/x")).isEmpty();
    }
}
