package io.coffer.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextWrapTest {

    @Test
    void breaksAtWordsWithinTheWidth() {
        assertThat(TextWrap.wrap("aaa bbb ccc ddd", 7)).isEqualTo("aaa bbb\nccc ddd");
    }

    @Test
    void longWordsStayWhole() {
        assertThat(TextWrap.wrap("a verylongword b", 5)).isEqualTo("a\nverylongword\nb");
    }

    @Test
    void defaultWidthIsVaults() {
        String wrapped = TextWrap.wrap("word ".repeat(40));
        assertThat(wrapped.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(78));
    }
}
