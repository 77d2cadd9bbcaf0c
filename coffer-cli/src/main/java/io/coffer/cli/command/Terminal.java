package io.coffer.cli.command;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Optional;

/** The interactive terminal, if any; injectable so prompts can be tested. */
public interface Terminal {

    /**
     * True when standard output is a terminal. The vault CLI ends raw {@code -field} output with a
     * newline only then, so that {@code $(coffer kv get -field=...)} captures the bare value.
     */
    boolean isInteractive();

    /**
     * Shows {@code prompt} and reads a line without echoing it.
     *
     * @return the line, or empty when there is no terminal to read from
     */
    Optional<String> readHidden(String prompt);

    /** The process's console. */
    static Terminal system() {
        return new SystemTerminal();
    }

    /** A terminal backed by {@link System#console()}. */
    final class SystemTerminal implements Terminal {

        @Override
        public boolean isInteractive() {
            Console console = System.console();
            if (console == null) {
                return false;
            }
            // From JDK 22 a console exists even when redirected; isTerminal() then tells the truth.
            // Looked up reflectively because the code is compiled for release 21.
            try {
                Method isTerminal = Console.class.getMethod("isTerminal");
                return (Boolean) isTerminal.invoke(console);
            } catch (ReflectiveOperationException olderJdk) {
                return true;
            }
        }

        @Override
        public Optional<String> readHidden(String prompt) {
            Console console = System.console();
            if (console == null || !isInteractive()) {
                return Optional.empty();
            }
            char[] typed = console.readPassword("%s", prompt);
            return typed == null ? Optional.empty() : Optional.of(new String(typed));
        }
    }
}
