package io.coffer.cli.command;

import java.util.List;

/** Positional-argument counts, checked and worded as the vault CLI does. */
public final class Arguments {

    private Arguments() {
    }

    /** Exactly {@code count} arguments. */
    public static void requireExactly(List<String> arguments, int count) {
        if (arguments.size() < count) {
            throw CommandFailure.local("Not enough arguments (expected " + count + ", got " + arguments.size() + ")");
        }
        requireAtMost(arguments, count);
    }

    /** At most {@code count} arguments. */
    public static void requireAtMost(List<String> arguments, int count) {
        if (arguments.size() > count) {
            throw CommandFailure.local("Too many arguments (expected " + count + ", got " + arguments.size() + ")");
        }
    }
}
