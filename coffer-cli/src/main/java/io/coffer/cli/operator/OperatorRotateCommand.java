package io.coffer.cli.operator;

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
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer operator rotate}: installs a new data encryption key (older keys stay in the keyring
 * to read older data) and prints the new key's status.
 */
@Command(name = "rotate", description = {
    "Rotate the data encryption key. Existing data stays readable; new writes use the new key."})
public final class OperatorRotateCommand extends ApiCommand {

    @Parameters(hidden = true)
    List<String> arguments = new ArrayList<>();

    public OperatorRotateCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        Arguments.requireAtMost(arguments, 0);
        try (CofferClient client = connect()) {
            // POST, with no body, is what the vault CLI sends; the API treats PUT the same.
            attempt("Error rotating key", () -> client.post("sys/rotate", null));
            KeyStatusReport status = attempt("Error reading key status", () -> client.get("sys/key-status"))
                    .map(Secret::envelope)
                    .map(KeyStatusReport::from)
                    .orElseThrow(() -> CommandFailure.remote("Error reading key status: the server returned none"));
            if (output.isTable()) {
                output.line("Success! Rotated key");
                output.line("");
                output.line(status.table());
            } else {
                output.json(status.json());
            }
        }
        return ExitCodes.OK;
    }
}
