package io.coffer.cli.command;

import io.coffer.cli.client.ClientException;
import io.coffer.cli.client.ClientSettings;
import io.coffer.cli.client.CofferClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every command that talks to a server. Supplies the common flags, builds the client, and
 * turns failures into a message on stderr plus the vault CLI's exit code: {@link CommandFailure}
 * carries its own, a {@link ClientException} that escapes a command means 2.
 */
public abstract class ApiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    FormatOption formatOption;

    private final CliRuntime runtime;

    protected ApiCommand(CliRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            CommandOutput output = new CommandOutput(out, err, formatOption.resolve(runtime.environment()), runtime.terminal());
            return execute(output);
        } catch (CommandFailure failure) {
            err.println(failure.getMessage());
            return failure.exitCode();
        } catch (ClientException e) {
            err.println(e.getMessage());
            return ExitCodes.REMOTE_ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Does the command's work and returns its exit code. */
    protected abstract int execute(CommandOutput output);

    /** A client for the server the flags and environment point at; close it when done. */
    protected final CofferClient connect() {
        return new CofferClient(settings());
    }

    /** A client with explicitly chosen settings, e.g. another token; close it when done. */
    protected final CofferClient connect(ClientSettings settings) {
        return new CofferClient(settings);
    }

    /** Where the flags and environment point, with the token they (or the token helper) supply. */
    protected final ClientSettings settings() {
        return ClientSettings.resolve(connection.overrides(), runtime.environment());
    }

    /** Where the flags and environment point, without any token; see {@link ClientSettings#resolveWithoutToken}. */
    protected final ClientSettings settingsWithoutToken() {
        return ClientSettings.resolveWithoutToken(connection.overrides(), runtime.environment());
    }

    protected final CliRuntime runtime() {
        return runtime;
    }

    /** Shorthand for {@link CommandFailure#attempt(String, Supplier)}. */
    protected static <T> T attempt(String context, Supplier<T> call) {
        return CommandFailure.attempt(context, call);
    }

    /** Shorthand for {@link CommandFailure#attempt(String, int, Supplier)}. */
    protected static <T> T attempt(String context, int exitCode, Supplier<T> call) {
        return CommandFailure.attempt(context, exitCode, call);
    }
}
