package io.coffer.cli.kv;

import io.coffer.cli.client.CofferClient;
import io.coffer.cli.client.Secret;
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

/** {@code coffer kv list PATH}: the keys under a path; names ending in "/" are folders. */
@Command(name = "list", description = "List the secrets and folders (ending in /) under a path.")
final class KvListCommand extends KvSubcommand {

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "The secret: mount/path, or just path with -mount.")
    List<String> arguments = new ArrayList<>();

    KvListCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        Arguments.requireExactly(arguments, 1);
        try (CofferClient client = connect()) {
            KvTarget target = target(client, arguments.get(0));
            String path = target.apiPath("metadata");
            Secret listed = attempt("Error listing " + path, () -> client.list(path)).orElse(null);
            List<String> keys = listed == null ? null : keysOf(listed);
            if (keys == null) {
                if (!output.isTable()) {
                    // Scripts get valid JSON even when there is nothing, as with the vault CLI.
                    output.json(Map.of());
                    return ExitCodes.REMOTE_ERROR;
                }
                throw CommandFailure.remote(listed == null || listed.data() == null
                        ? "No value found at " + path
                        : "No entries found at " + path);
            }
            output.keys(keys);
            return ExitCodes.OK;
        }
    }

    /** The listed keys, or {@code null} when the answer holds no key list. */
    private static List<String> keysOf(Secret secret) {
        if (secret.data() == null || !(secret.data().get("keys") instanceof List<?> listed)) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        listed.forEach(key -> keys.add(String.valueOf(key)));
        return keys;
    }
}
