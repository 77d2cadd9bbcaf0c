package io.coffer.cli.text;

import java.util.Optional;

/** Booleans as Go's {@code strconv.ParseBool} reads them, which is how Vault reads its env vars. */
public final class GoBooleans {

    private GoBooleans() {
    }

    /** The boolean {@code text} spells, or empty when it spells none. */
    public static Optional<Boolean> parse(String text) {
        return switch (text.strip()) {
            case "1", "t", "T", "true", "TRUE", "True" -> Optional.of(true);
            case "0", "f", "F", "false", "FALSE", "False" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
