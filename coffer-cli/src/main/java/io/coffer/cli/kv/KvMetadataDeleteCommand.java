package io.coffer.cli.kv;

import io.coffer.cli.client.CofferClient;
import io.coffer.cli.client.Secret;
import io.coffer.cli.command.Arguments;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.ExitCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coffer kv metadata delete PATH}: removes a secret with all its versions and settings, for good. */
@Command(name = "delete", description = "Permanently delete a secret: every version and its metadata.")
final class KvMetadataDeleteCommand extends KvSubcommand {

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "The secret: mount/path, or just path with -mount.")
    List<String> arguments = new ArrayList<>();

    KvMetadataDeleteCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        Arguments.requireExactly(arguments, 1);
        try (CofferClient client = connect()) {
            KvTarget target = target(client, arguments.get(0))
                    .requireVersionTwo("Metadata not supported on KV Version 1", ExitCodes.LOCAL_ERROR);
            String path = target.apiPath("metadata");
            Optional<Secret> answer = attempt("Error deleting " + path, () -> client.delete(path));
            if (answer.isPresent()) {
                output.secret(answer.get());
            } else {
                output.line("Success! Data deleted (if it existed) at: " + path);
            }
            return ExitCodes.OK;
        }
    }
}
