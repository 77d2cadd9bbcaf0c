package io.coffer.cli.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoBooleansTest {

    @ParameterizedTest
    @ValueSource(strings = {"1", "t", "T", "true", "TRUE", "True"})
    void readsGoTrue(String text) {
        assertThat(GoBooleans.parse(text)).contains(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "f", "F", "false", "FALSE", "False"})
    void readsGoFalse(String text) {
        assertThat(GoBooleans.parse(text)).contains(false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "tRuE", "", "2"})
    void rejectsEverythingElse(String text) {
        assertThat(GoBooleans.parse(text)).isEmpty();
    }
}
