package io.coffer.cli.kv;

import io.coffer.cli.client.CofferClient;
import io.coffer.cli.command.Arguments;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.CommandOutput;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code coffer kv destroy -versions=N,... PATH}. */
@Command(name = "destroy", description = "Permanently remove the data of versions of a secret (KV v2); they cannot be restored.")
final class KvDestroyCommand extends KvSubcommand {

    @Mixin
    VersionsOption versionsOption;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "The secret: mount/path, or just path with -mount.")
    List<String> arguments = new ArrayList<>();

    KvDestroyCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        Arguments.requireExactly(arguments, 1);
        if (versionsOption.isEmpty()) {
            throw VersionOperation.noVersions("destroy");
        }
        try (CofferClient client = connect()) {
            return VersionOperation.run(output, client, target(client, arguments.get(0)), versionsOption, "destroy");
        }
    }
}
