package io.coffer.cli.kv;

import io.coffer.cli.client.CofferClient;
import io.coffer.cli.client.Secret;
import io.coffer.cli.command.Arguments;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.ExitCodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coffer kv metadata patch PATH}: changes some settings or custom metadata entries, keeping the rest. */
@Command(name = "patch", description = "Change some of a secret's settings or custom metadata entries, keeping the rest.")
final class KvMetadataPatchCommand extends KvSubcommand {

    @Mixin
    MetadataSettingsOptions settings;

    @Option(names = {"-remove-custom-metadata", "--remove-custom-metadata"}, paramLabel = "KEY",
            description = "A custom metadata key to remove; repeatable.")
    List<String> removeCustomMetadata = new ArrayList<>();

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "The secret: mount/path, or just path with -mount.")
    List<String> arguments = new ArrayList<>();

    KvMetadataPatchCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        Arguments.requireExactly(arguments, 1);
        Map<String, Object> patch = settings.fields();
        Map<String, Object> customMetadata = new LinkedHashMap<>(settings.customMetadata);
        // A null member of a JSON merge patch removes that key.
        removeCustomMetadata.forEach(key -> customMetadata.put(key, null));
        patch.put("custom_metadata", customMetadata);
        try (CofferClient client = connect()) {
            KvTarget target = target(client, arguments.get(0))
                    .requireVersionTwo("Metadata not supported on KV Version 1", ExitCodes.LOCAL_ERROR);
            String path = target.apiPath("metadata");
            Optional<Secret> answer = attempt("Error writing data to " + path, () -> client.patch(path, patch));
            return MetadataWrites.report(output, path, answer);
        }
    }
}
