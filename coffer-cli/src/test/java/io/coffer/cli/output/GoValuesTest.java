package io.coffer.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoValuesTest {

    @Test
    void scalarsPrintAsGoPrintsThem() {
        assertThat(GoValues.format(null)).isEqualTo("<nil>");
        assertThat(GoValues.format(true)).isEqualTo("true");
        assertThat(GoValues.format(42)).isEqualTo("42");
        assertThat(GoValues.format(new BigDecimal("1.50"))).isEqualTo("1.50");
        assertThat(GoValues.format("text")).isEqualTo("text");
    }

    @Test
    void listsAreSpaceSeparatedInBrackets() {
        assertThat(GoValues.format(List.of("a", 1, true))).isEqualTo("[a 1 true]");
        assertThat(GoValues.format(Arrays.asList("a", null))).isEqualTo("[a <nil>]");
    }

    @Test
    void mapsListTheirKeysSorted() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("owner", "team");
        map.put("env", Map.of("tier", "prod"));
        assertThat(GoValues.format(map)).isEqualTo("map[env:map[tier:prod] owner:team]");
        assertThat(GoValues.format(Map.of())).isEqualTo("map[]");
    }

    @Test
    void quotedList_stringLists_printAsGoPercentQ() {
        assertThat(GoValues.quotedList(List.of("default", "ops"))).isEqualTo("[\"default\" \"ops\"]");
        assertThat(GoValues.quotedList(List.of("say \"hi\"\n"))).isEqualTo("[\"say \\\"hi\\\"\\n\"]");
    }

    @Test
    void quotedList_nullOrEmpty_isAnEmptyPair() {
        assertThat(GoValues.quotedList(null)).isEqualTo("[]");
        assertThat(GoValues.quotedList(List.of())).isEqualTo("[]");
    }
}
