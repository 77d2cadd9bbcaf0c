package io.coffer.cli.kv;

import io.coffer.cli.client.ApiException;
import io.coffer.cli.client.ClientException;
import io.coffer.cli.client.CofferClient;
import io.coffer.cli.client.Secret;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.CommandFailure;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.FieldOption;
import io.coffer.cli.command.KeyValueArguments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer kv patch PATH DATA...}: changes some keys of a KV v2 secret, keeping the rest.
 *
 * <p>Sent as an HTTP PATCH with a JSON merge patch. Like the vault CLI, when the server refuses
 * PATCH (405: not supported; 403: the policy lacks "patch") and no {@code -method} was chosen, it
 * falls back to read, merge locally, and write with check-and-set on the version read.
 */
@Command(name = "patch", description = {
    "Update some keys of a secret, keeping the others (KV v2).",
    "DATA is key=value, key=@file, key=- (stdin), @file.json or - (JSON on stdin)."})
final class KvPatchCommand extends KvSubcommand {

    @Option(names = {"-cas", "--cas"}, paramLabel = "VERSION", defaultValue = "0",
            description = "Check-and-set: patch only if the current version is VERSION (0: no check).")
    int cas;

    @Option(names = {"-method", "--method"}, paramLabel = "METHOD",
            description = "patch: HTTP PATCH only; rw: read, merge, write. Default: patch, falling back to rw.")
    String method = "";

    @Option(names = {"-remove-data", "--remove-data"}, paramLabel = "KEY", description = "A key to remove; repeatable.")
    List<String> removeData = new ArrayList<>();

    @Mixin
    FieldOption fieldOption;

    @Parameters(paramLabel = "PATH DATA", arity = "0..*",
            description = "The secret (mount/path, or path with -mount), then its data.")
    List<String> arguments = new ArrayList<>();

    KvPatchCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        if (arguments.isEmpty()) {
            throw CommandFailure.local("Not enough arguments (expected >1, got 0)");
        }
        if (removeData.isEmpty() && arguments.size() == 1) {
            throw CommandFailure.local("Must supply data");
        }
        Map<String, Object> changes = new KeyValueArguments(runtime().stdin()).parse(arguments.subList(1, arguments.size()));
        // A null member of a JSON merge patch removes that key.
        removeData.forEach(key -> changes.put(key, null));
        try (CofferClient client = connect()) {
            KvTarget target = target(client, arguments.get(0))
                    .requireVersionTwo("KV engine mount must be version 2 for patch support", ExitCodes.REMOTE_ERROR);
            String path = target.apiPath("data");
            Optional<Secret> written = switch (method) {
                case "rw" -> readThenWrite(client, path, changes);
                case "patch" -> mergePatch(output, client, path, changes, false);
                case "" -> mergePatch(output, client, path, changes, true);
                default -> throw CommandFailure.remote("Unsupported method provided to -method flag: " + method);
            };
            return KvWrites.report(output, path, written, fieldOption.name());
        }
    }

    private Optional<Secret> mergePatch(CommandOutput output, CofferClient client, String path, Map<String, Object> changes,
            boolean fallBack) {
        Map<String, Object> options = new LinkedHashMap<>();
        if (cas > 0) {
            options.put("cas", cas);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", changes);
        body.put("options", options);
        try {
            return client.patch(path, body);
        } catch (ApiException e) {
            if (fallBack && e.statusCode() == 405) {
                return readThenWrite(client, path, changes);
            }
            if (fallBack && e.statusCode() == 403) {
                Optional<Secret> written = readThenWrite(client, path, changes);
                output.error("Data was written to " + path + " but we recommend that you add the \"patch\" capability"
                        + " to your ACL policy in order to use HTTP PATCH in the future.");
                return written;
            }
            throw CommandFailure.remote("Error writing data to " + path + ": " + e.getMessage());
        } catch (ClientException e) {
            throw CommandFailure.remote("Error writing data to " + path + ": " + e.getMessage());
        }
    }

    /** The pre-PATCH way: read the current version, merge locally, write it back guarded by check-and-set. */
    private static Optional<Secret> readThenWrite(CofferClient client, String path, Map<String, Object> changes) {
        Secret current = attempt("Error doing pre-read at " + path, () -> client.get(path))
                .orElseThrow(() -> CommandFailure.remote("No value found at " + path));
        Map<String, Object> metadata = Secret.objectAt(current.data(), "metadata");
        if (metadata == null) {
            throw CommandFailure.remote("No metadata found at " + path + "; patch only works on existing data");
        }
        Map<String, Object> existing = Secret.objectAt(current.data(), "data");
        if (existing == null) {
            throw CommandFailure.remote("No data found at " + path + "; patch only works on existing data");
        }
        Map<String, Object> merged = new LinkedHashMap<>(existing);
        changes.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", merged);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("cas", metadata.get("version"));
        body.put("options", options);
        return attempt("Error writing data to " + path, () -> client.put(path, body));
    }
}
