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
import picocli.CommandLine.Parameters;

/** {@code coffer kv metadata get PATH}: a secret's settings and each version's timestamps. */
@Command(name = "get", description = "Show a secret's settings and the state of each of its versions.")
final class KvMetadataGetCommand extends KvSubcommand {

    @Mixin
    FieldOption fieldOption;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "The secret: mount/path, or just path with -mount.")
    List<String> arguments = new ArrayList<>();

    KvMetadataGetCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        Arguments.requireExactly(arguments, 1);
        try (CofferClient client = connect()) {
            KvTarget target = target(client, arguments.get(0))
                    .requireVersionTwo("Metadata not supported on KV Version 1", ExitCodes.LOCAL_ERROR);
            String path = target.apiPath("metadata");
            Secret metadata = attempt("Error reading " + path, () -> client.get(path))
                    .orElseThrow(() -> CommandFailure.remote("No value found at " + path));
            if (fieldOption.name() != null) {
                Object value = SecretFields.of(metadata, fieldOption.name());
                if (value == null) {
                    throw CommandFailure.local("Field \"" + fieldOption.name() + "\" not present in secret");
                }
                output.field(value);
                return ExitCodes.OK;
            }
            if (metadata.isWrapped() || !output.isTable()) {
                output.secret(metadata);
                return ExitCodes.OK;
            }
            Map<String, Object> versions = Secret.objectAt(metadata.data(), "versions");
            if (versions == null) {
                output.error("No value found at " + path);
                output.secret(metadata);
                return ExitCodes.REMOTE_ERROR;
            }
            output.warnings(metadata);
            output.lines(KvReport.metadata(path, metadata, versions));
            return ExitCodes.OK;
        }
    }
}
