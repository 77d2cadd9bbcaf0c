package io.coffer.cli.operator;

import io.coffer.cli.client.ClientConfigurationException;
import io.coffer.cli.client.CofferClient;
import io.coffer.cli.client.Secret;
import io.coffer.cli.command.ApiCommand;
import io.coffer.cli.command.Arguments;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.CommandFailure;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.ExitCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer operator status}: the seal status. Like {@code vault status}, the exit code is the
 * answer: 0 unsealed, 2 sealed, 1 error.
 */
@Command(name = "status", description = {
    "Print the seal status.",
    "Exit code: 0 unsealed, 2 sealed, 1 error."})
public final class OperatorStatusCommand extends ApiCommand {

    static final int SEALED = 2;

    @Parameters(hidden = true)
    List<String> arguments = new ArrayList<>();

    public OperatorStatusCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        Arguments.requireAtMost(arguments, 0);
        try (CofferClient client = connect()) {
            // Errors are 1 here, because 2 already means "sealed".
            Map<String, Object> sealStatus = attempt("Error checking seal status", ExitCodes.LOCAL_ERROR,
                    () -> client.get("sys/seal-status").map(Secret::envelope))
                    .orElseThrow(() -> CommandFailure.local("Error checking seal status: no seal status returned"));
            boolean sealed = SealStatusLookup.print(output, client, sealStatus);
            return sealed ? SEALED : ExitCodes.OK;
        } catch (ClientConfigurationException e) {
            throw CommandFailure.local(e.getMessage());
        }
    }
}
