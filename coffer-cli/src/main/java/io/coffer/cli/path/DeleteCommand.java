package io.coffer.cli.path;

import io.coffer.cli.client.CofferClient;
import io.coffer.cli.client.Secret;
import io.coffer.cli.command.ApiCommand;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.CommandFailure;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.FieldOption;
import io.coffer.cli.command.KeyValueArguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code coffer delete PATH [K=V...]}: DELETE any API path. */
@Command(name = "delete", description = {
    "Delete data at any API path.",
    "K=V arguments are sent as query parameters."})
public final class DeleteCommand extends ApiCommand {

    @Mixin
    FieldOption fieldOption;

    @Parameters(paramLabel = "PATH [K=V...]", arity = "0..*", description = "The API path (without /v1/), then optional parameters.")
    List<String> arguments = new ArrayList<>();

    public DeleteCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        if (arguments.isEmpty()) {
            throw CommandFailure.local("Not enough arguments (expected at least 1, got 0)");
        }
        String path = ApiPaths.sanitize(arguments.get(0));
        Map<String, List<String>> parameters = new KeyValueArguments(runtime().stdin()).parseStringLists(arguments.subList(1, arguments.size()));
        try (CofferClient client = connect()) {
            Optional<Secret> answer = attempt("Error deleting " + path, () -> client.deleteWithData(path, parameters));
            if (answer.isEmpty()) {
                if (output.isTable()) {
                    output.line("Success! Data deleted (if it existed) at: " + path);
                }
            } else if (fieldOption.name() != null) {
                output.secretField(answer.get(), fieldOption.name());
            } else {
                output.secret(answer.get());
            }
            return ExitCodes.OK;
        }
    }
}
