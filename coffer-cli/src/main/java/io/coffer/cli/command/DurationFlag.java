package io.coffer.cli.command;

import io.coffer.cli.text.GoDurations;
import java.time.Duration;

/**
 * Duration-valued flags ({@code -ttl=1h}, {@code -increment=30m}, or bare seconds), parsed the way
 * the vault CLI's duration flags are, with Go's wording when a value is malformed.
 */
public final class DurationFlag {

    private DurationFlag() {
    }

    /**
     * The duration {@code value} spells; zero when the flag was not given ({@code null}).
     *
     * @throws CommandFailure (exit code 1) when {@code value} is not a duration
     */
    public static Duration parse(String flagName, String value) {
        if (value == null) {
            return Duration.ZERO;
        }
        try {
            return GoDurations.parse(value);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.local("invalid value \"" + value + "\" for flag -" + flagName + ": " + e.getMessage());
        }
    }

    /**
     * The flag's value as the vault CLI puts it in a request body: Go's {@code Duration.String}
     * ({@code 1h0m0s}), which is {@code 0s} for a flag that was not given.
     */
    public static String asRequestValue(String flagName, String value) {
        return GoDurations.format(parse(flagName, value));
    }
}
