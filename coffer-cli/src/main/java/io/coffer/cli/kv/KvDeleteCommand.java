package io.coffer.cli.kv;

import io.coffer.cli.client.CofferClient;
import io.coffer.cli.client.Secret;
import io.coffer.cli.command.Arguments;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.ExitCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer kv delete PATH}: soft-deletes the latest version, or the {@code -versions} given, on
 * KV v2 (undelete can bring them back); deletes the secret on KV v1.
 */
@Command(name = "delete", description = {
    "Delete the latest version of a secret, or the versions given (KV v2: recoverable with undelete)."})
final class KvDeleteCommand extends KvSubcommand {

    @Mixin
    VersionsOption versionsOption;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "The secret: mount/path, or just path with -mount.")
    List<String> arguments = new ArrayList<>();

    KvDeleteCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        Arguments.requireExactly(arguments, 1);
        try (CofferClient client = connect()) {
            KvTarget target = target(client, arguments.get(0));
            String dataPath = target.apiPath("data");
            Optional<Secret> answer;
            if (target.versionTwo() && !versionsOption.isEmpty()) {
                List<Long> versions = versionsOption.numbers();
                answer = attempt("Error deleting " + dataPath,
                        () -> client.put(target.apiPath("delete"), Map.of("versions", versions)));
            } else {
                answer = attempt("Error deleting " + dataPath, () -> client.delete(dataPath));
            }
            if (answer.isPresent()) {
                output.secret(answer.get());
            } else if (output.isTable()) {
                output.line("Success! Data deleted (if it existed) at: " + dataPath);
            }
            return ExitCodes.OK;
        }
    }
}
