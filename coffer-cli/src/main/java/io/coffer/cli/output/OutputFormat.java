package io.coffer.cli.output;

import java.util.Locale;
import java.util.Optional;

/** The {@code -format} choices. */
public enum OutputFormat {
    /** Aligned human-readable tables; the default. */
    TABLE,
    /** The API response as indented JSON, for scripts. */
    JSON;

    /** The format named {@code name} (any case), or empty for an unknown name. */
    public static Optional<OutputFormat> named(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "table" -> Optional.of(TABLE);
            case "json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }
}
