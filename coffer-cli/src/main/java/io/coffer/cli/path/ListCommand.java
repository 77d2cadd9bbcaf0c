package io.coffer.cli.path;

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

/** {@code coffer list PATH}: the keys under any API path; names ending in "/" are folders. */
@Command(name = "list", description = "List the keys under any API path (folders end in /).")
public final class ListCommand extends ApiCommand {

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "The API path (without /v1/).")
    List<String> arguments = new ArrayList<>();

    public ListCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        Arguments.requireExactly(arguments, 1);
        String path = ApiPaths.sanitize(arguments.get(0));
        try (CofferClient client = connect()) {
            Secret listed = attempt("Error listing " + path, () -> client.list(path)).orElse(null);
            List<String> keys = listed == null ? null : keysOf(listed);
            if (!output.isTable() && keys == null) {
                // Scripts get valid JSON even when there is nothing, as with the vault CLI.
                output.json(Map.of());
                return ExitCodes.REMOTE_ERROR;
            }
            if (listed == null) {
                throw CommandFailure.remote("No value found at " + path);
            }
            if (listed.data() == null) {
                // Only warnings came back; show them rather than claim there was nothing.
                output.secret(listed);
                return ExitCodes.OK;
            }
            if (keys == null) {
                throw CommandFailure.remote("No entries found at " + path);
            }
            output.warnings(listed);
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
