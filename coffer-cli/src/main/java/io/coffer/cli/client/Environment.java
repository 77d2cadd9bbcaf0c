package io.coffer.cli.client;

import java.util.Map;
import java.util.Optional;

/**
 * Read access to environment variables. Injected rather than read from {@link System#getenv} so
 * that commands can run in-process (tests, embedding) with an environment of the caller's choosing.
 */
@FunctionalInterface
public interface Environment {

    /** The raw value of {@code name}, or {@code null} when unset. */
    String get(String name);

    /** The value of {@code name}, treating unset and blank alike as absent. */
    default Optional<String> lookup(String name) {
        String value = get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * The first present variable among {@code names}: Coffer's own names come first, Vault's act as
     * fallbacks so existing Vault setups keep working.
     */
    default Optional<String> first(String... names) {
        for (String name : names) {
            Optional<String> value = lookup(name);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /** The process environment. */
    static Environment system() {
        return System::getenv;
    }

    /** A fixed environment, for tests and embedding. */
    static Environment of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return copy::get;
    }
}
