package io.coffer.cli.testing;

import io.coffer.cli.command.Terminal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A terminal for tests: scripted hidden input, and a switch for "stdout is a terminal". */
public final class FakeTerminal implements Terminal {

    private final boolean interactive;
    private final String hiddenInput;
    private final List<String> prompts = new ArrayList<>();

    private FakeTerminal(boolean interactive, String hiddenInput) {
        this.interactive = interactive;
        this.hiddenInput = hiddenInput;
    }

    /** No terminal at all, as in a pipeline or CI. */
    public static FakeTerminal none() {
        return new FakeTerminal(false, null);
    }

    /** An interactive terminal where the user will type {@code hiddenInput} at a prompt. */
    public static FakeTerminal typing(String hiddenInput) {
        return new FakeTerminal(true, hiddenInput);
    }

    @Override
    public boolean isInteractive() {
        return interactive;
    }

    @Override
    public Optional<String> readHidden(String prompt) {
        prompts.add(prompt);
        return Optional.ofNullable(hiddenInput);
    }

    public List<String> prompts() {
        return prompts;
    }
}
