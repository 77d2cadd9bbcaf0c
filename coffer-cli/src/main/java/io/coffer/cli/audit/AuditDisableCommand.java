package io.coffer.cli.audit;

import io.coffer.cli.client.CofferClient;
import io.coffer.cli.command.ApiCommand;
import io.coffer.cli.command.Arguments;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.ExitCodes;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coffer audit disable PATH}: turns off the audit device at PATH. */
@Command(name = "disable", description = "Disable the audit device at PATH.")
public final class AuditDisableCommand extends ApiCommand {

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "The device's path, e.g. file.")
    List<String> arguments = new ArrayList<>();

    public AuditDisableCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        Arguments.requireExactly(arguments, 1);
        String path = AuditPaths.normalize(arguments.get(0));
        try (CofferClient client = connect()) {
            attempt("Error disabling audit device", () -> client.delete(AuditPaths.API_PREFIX + path));
        }
        output.line("Success! Disabled audit device (if it was enabled) at: " + path);
        return ExitCodes.OK;
    }
}
