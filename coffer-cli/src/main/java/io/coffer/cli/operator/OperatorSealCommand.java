package io.coffer.cli.operator;

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

/** {@code coffer operator seal}: discards the in-memory key; does nothing if already sealed. */
@Command(name = "seal", description = "Seal the server: it stops serving until unsealed again.")
public final class OperatorSealCommand extends ApiCommand {

    @Parameters(hidden = true)
    List<String> arguments = new ArrayList<>();

    public OperatorSealCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        Arguments.requireAtMost(arguments, 0);
        try (CofferClient client = connect()) {
            attempt("Error sealing", () -> client.put("sys/seal", null));
        }
        output.line("Success! Coffer is sealed.");
        return ExitCodes.OK;
    }
}
