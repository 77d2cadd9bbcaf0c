package io.coffer.cli.policy;

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

/** {@code coffer policy delete NAME}: deletes a policy. */
@Command(name = "delete", description = "Delete a policy.")
public final class PolicyDeleteCommand extends ApiCommand {

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "The policy's name.")
    List<String> arguments = new ArrayList<>();

    public PolicyDeleteCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        Arguments.requireExactly(arguments, 1);
        String name = PolicyNames.normalize(arguments.get(0));
        try (CofferClient client = connect()) {
            attempt("Error deleting " + name, () -> client.delete(PolicyNames.API_PREFIX + name));
        }
        output.line("Success! Deleted policy: " + name);
        return ExitCodes.OK;
    }
}
