package io.coffer.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void wordsCountErrorsAsTheVaultCliDoes() {
        assertThatThrownBy(() -> Arguments.requireExactly(List.of(), 1)).hasMessage("Not enough arguments (expected 1, got 0)");
        assertThatThrownBy(() -> Arguments.requireExactly(List.of("a", "b"), 1)).hasMessage("Too many arguments (expected 1, got 2)");
        assertThatThrownBy(() -> Arguments.requireAtMost(List.of("a"), 0))
                .isInstanceOfSatisfying(CommandFailure.class, f -> assertThat(f.exitCode()).isEqualTo(1));
        assertThatCode(() -> Arguments.requireExactly(List.of("a"), 1)).doesNotThrowAnyException();
    }
}
