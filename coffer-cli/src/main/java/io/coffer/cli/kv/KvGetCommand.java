package io.coffer.cli.kv;

import io.coffer.cli.client.CofferClient;
import io.coffer.cli.client.Secret;
import io.coffer.cli.command.Arguments;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.CommandFailure;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.FieldOption;
import io.coffer.cli.command.SecretFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coffer kv get PATH}: prints a secret (this is the one command meant to show secret values). */
@Command(name = "get", description = "Read a secret: its metadata and data, one version, or one field.")
final class KvGetCommand extends KvSubcommand {

    @Option(names = {"-version", "--version"}, paramLabel = "N", defaultValue = "0",
            description = "Read this version instead of the latest (KV v2).")
    int version;

    @Mixin
    FieldOption fieldOption;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "The secret: mount/path, or just path with -mount.")
    List<String> arguments = new ArrayList<>();

    KvGetCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        Arguments.requireExactly(arguments, 1);
        try (CofferClient client = connect()) {
            KvTarget target = target(client, arguments.get(0));
            String path = target.apiPath("data");
            Map<String, String> query = target.versionTwo() && version > 0 ? Map.of("version", Integer.toString(version)) : Map.of();
            Secret secret = attempt("Error reading " + path, () -> client.get(path, query))
                    .orElseThrow(() -> CommandFailure.remote("No value found at " + path));
            if (fieldOption.name() != null) {
                return printField(output, target, path, secret, fieldOption.name());
            }
            if (secret.isWrapped() || !output.isTable()) {
                output.secret(secret);
                return ExitCodes.OK;
            }
            output.warnings(secret);
            if (target.versionTwo()) {
                Map<String, Object> body = secret.data();
                output.lines(KvReport.read(path, Secret.objectAt(body, "metadata"), Secret.objectAt(body, "data")));
            } else {
                output.lines(KvReport.read(null, null, secret.data()));
            }
            return ExitCodes.OK;
        }
    }

    private static int printField(CommandOutput output, KvTarget target, String path, Secret secret, String field) {
        Object value;
        if (target.versionTwo()) {
            Map<String, Object> data = Secret.objectAt(secret.data(), "data");
            if (data == null) {
                throw CommandFailure.remote("No data found at " + path);
            }
            // "-field=data" means a key named "data" if the secret has one, else the whole data.
            value = field.equals("data") && !data.containsKey("data") ? data : data.get(field);
        } else {
            value = SecretFields.of(secret, field);
        }
        if (value == null) {
            throw CommandFailure.local("Field \"" + field + "\" not present in secret");
        }
        output.field(value);
        return ExitCodes.OK;
    }
}
