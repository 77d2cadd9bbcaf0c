package io.coffer.cli;

import io.coffer.cli.audit.AuditCommand;
import io.coffer.cli.auth.AuthCommand;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.RuntimeInjectingFactory;
import io.coffer.cli.kv.KvCommand;
import io.coffer.cli.login.LoginCommand;
import io.coffer.cli.operator.OperatorCommand;
import io.coffer.cli.path.DeleteCommand;
import io.coffer.cli.path.ListCommand;
import io.coffer.cli.path.ReadCommand;
import io.coffer.cli.path.WriteCommand;
import io.coffer.cli.policy.PolicyCommand;
import io.coffer.cli.server.ServerCommand;
import io.coffer.cli.token.TokenCommand;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code coffer}: the root of the command tree and the jar's entry point. */
@Command(name = "coffer",
        mixinStandardHelpOptions = true,
        versionProvider = CofferVersionProvider.class,
        description = "A secrets manager that speaks the Vault HTTP API.",
        subcommands = {
            ServerCommand.class, OperatorCommand.class,
            ReadCommand.class, WriteCommand.class, ListCommand.class, DeleteCommand.class,
            KvCommand.class,
            LoginCommand.class, TokenCommand.class, PolicyCommand.class, AuthCommand.class, AuditCommand.class,
            VersionCommand.class})
public final class CofferCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.LOCAL_ERROR;
    }

    /** A command line over {@code runtime}, writing to the process's stdout and stderr. */
    public static CommandLine newCommandLine(CliRuntime runtime) {
        CommandLine commandLine = new CommandLine(new CofferCommand(), new RuntimeInjectingFactory(runtime));
        // Vault treats "@data.json" as a data file for kv put, not as a file of more arguments.
        commandLine.setExpandAtFiles(false);
        // Go's flag package has no clustered short options; "-nx" must not mean "-n -x".
        commandLine.setPosixClusteredShortOptionsAllowed(false);
        // The vault CLI exits 1 on flag and argument errors (picocli's default is 2, which Vault
        // uses for server errors).
        commandLine.setExitCodeExceptionMapper(exception -> ExitCodes.LOCAL_ERROR);
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            failed.getErr().println("Error: " + (exception.getMessage() != null ? exception.getMessage() : exception));
            failed.getErr().flush();
            return ExitCodes.LOCAL_ERROR;
        });
        return commandLine;
    }

    /** A command line over {@code runtime} writing to the given writers, for in-process runs. */
    public static CommandLine newCommandLine(CliRuntime runtime, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = newCommandLine(runtime);
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine;
    }

    public static void main(String[] args) {
        System.exit(newCommandLine(CliRuntime.system()).execute(args));
    }
}
