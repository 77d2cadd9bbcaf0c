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
 * {@code coffer kv metadata put PATH}: sets a secret's settings (creating an empty secret if needed).
 * {@code -custom-metadata} replaces the whole custom metadata; use {@code metadata patch} to change
 * single entries.
 */
@Command(name = "put", description = {
    "Set a secret's settings; creates the secret, without data, if it does not exist.",
    "-custom-metadata replaces all custom metadata (see metadata patch to change entries)."})
final class KvMetadataPutCommand extends KvSubcommand {

    @Mixin
    MetadataSettingsOptions settings;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "The secret: mount/path, or just path with -mount.")
    List<String> arguments = new ArrayList<>();

    KvMetadataPutCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        Arguments.requireExactly(arguments, 1);
        Map<String, Object> body = settings.fields();
        if (!settings.customMetadata.isEmpty()) {
            body.put("custom_metadata", settings.customMetadata);
        }
        try (CofferClient client = connect()) {
            KvTarget target = target(client, arguments.get(0))
                    .requireVersionTwo("Metadata not supported on KV Version 1", ExitCodes.LOCAL_ERROR);
            String path = target.apiPath("metadata");
            Optional<Secret> answer = attempt("Error writing data to " + path, () -> client.put(path, body));
            return MetadataWrites.report(output, path, answer);
        }
    }
}
