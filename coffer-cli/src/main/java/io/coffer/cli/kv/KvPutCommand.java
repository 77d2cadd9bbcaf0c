package io.coffer.cli.kv;

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

/** {@code coffer kv put PATH DATA...}: writes a new version of a secret, replacing all its keys. */
@Command(name = "put", description = {
    "Write a secret, replacing its data (on KV v2 as a new version).",
    "DATA is key=value, key=@file, key=- (stdin), @file.json or - (JSON on stdin)."})
final class KvPutCommand extends KvSubcommand {

    @Option(names = {"-cas", "--cas"}, paramLabel = "VERSION", defaultValue = "-1",
            description = "Check-and-set: 0 writes only if the secret does not exist, N only if its current version is N.")
    int cas;

    @Mixin
    FieldOption fieldOption;

    @Parameters(paramLabel = "PATH DATA", arity = "0..*",
            description = "The secret (mount/path, or path with -mount), then its data.")
    List<String> arguments = new ArrayList<>();

    KvPutCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        if (arguments.isEmpty()) {
            throw CommandFailure.local("Not enough arguments (expected >1, got 0)");
        }
        if (arguments.size() == 1) {
            throw CommandFailure.local("Must supply data");
        }
        Map<String, Object> data = new KeyValueArguments(runtime().stdin()).parse(arguments.subList(1, arguments.size()));
        try (CofferClient client = connect()) {
            KvTarget target = target(client, arguments.get(0));
            String path = target.apiPath("data");
            Object body = target.versionTwo() ? envelope(data) : data;
            Optional<Secret> written = attempt("Error writing data to " + path, () -> client.put(path, body));
            return KvWrites.report(output, path, written, fieldOption.name());
        }
    }

    private Map<String, Object> envelope(Map<String, Object> data) {
        Map<String, Object> options = new LinkedHashMap<>();
        if (cas > -1) {
            options.put("cas", cas);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("options", options);
        return body;
    }
}
