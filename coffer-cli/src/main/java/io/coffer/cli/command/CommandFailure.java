package io.coffer.cli.command;

import io.coffer.cli.client.ClientException;
import java.util.function.Supplier;

/**
 * Ends a command with a message for stderr and an exit code. Thrown from deep inside a command so
 * the happy path reads straight; {@link ApiCommand} prints it.
 */
public final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CommandFailure(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    /** A usage or local error: exit code 1. */
    public static CommandFailure local(String message) {
        return new CommandFailure(message, ExitCodes.LOCAL_ERROR);
    }

    /** A server or connection error: exit code 2. */
    public static CommandFailure remote(String message) {
        return new CommandFailure(message, ExitCodes.REMOTE_ERROR);
    }

    public int exitCode() {
        return exitCode;
    }

    /**
     * Runs {@code call}, rewording a client failure as {@code "<context>: <reason>"} with exit code 2,
     * e.g. {@code Error reading secret/data/foo: Error making API request...}.
     */
    public static <T> T attempt(String context, Supplier<T> call) {
        return attempt(context, ExitCodes.REMOTE_ERROR, call);
    }

    /** As {@link #attempt(String, Supplier)}, with a chosen exit code for commands that reserve 2. */
    public static <T> T attempt(String context, int exitCode, Supplier<T> call) {
        try {
            return call.get();
        } catch (ClientException e) {
            throw new CommandFailure(context + ": " + e.getMessage(), exitCode);
        }
    }
}
