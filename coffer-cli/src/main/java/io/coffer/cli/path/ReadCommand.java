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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code coffer read PATH [K=V...]}: GET any API path and print the answer. */
@Command(name = "read", description = {
    "Read data from any API path and print it.",
    "K=V arguments are sent as query parameters."})
public final class ReadCommand extends ApiCommand {

    @Mixin
    FieldOption fieldOption;

    @Parameters(paramLabel = "PATH [K=V...]", arity = "0..*", description = "The API path (without /v1/), then optional parameters.")
    List<String> arguments = new ArrayList<>();

    public ReadCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        if (arguments.isEmpty()) {
            throw CommandFailure.local("Not enough arguments (expected 1, got 0)");
        }
        String path = ApiPaths.sanitize(arguments.get(0));
        Map<String, List<String>> parameters = new KeyValueArguments(runtime().stdin()).parseStringLists(arguments.subList(1, arguments.size()));
        try (CofferClient client = connect()) {
            Secret secret = attempt("Error reading " + path, () -> client.readWithData(path, parameters))
                    .orElseThrow(() -> CommandFailure.remote("No value found at " + path));
            if (fieldOption.name() != null) {
                output.secretField(secret, fieldOption.name());
            } else {
                output.secret(secret);
            }
            return ExitCodes.OK;
        }
    }
}
