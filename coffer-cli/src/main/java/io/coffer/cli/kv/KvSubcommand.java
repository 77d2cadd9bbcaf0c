package io.coffer.cli.kv;

import io.coffer.cli.client.CofferClient;
import io.coffer.cli.command.ApiCommand;
import io.coffer.cli.command.CliRuntime;
import picocli.CommandLine.Mixin;

/** Base of the KV commands: adds {@code -mount} and resolves where a path lives. */
abstract class KvSubcommand extends ApiCommand {

    @Mixin
    MountOption mountOption;

    KvSubcommand(CliRuntime runtime) {
        super(runtime);
    }

    /** Where {@code pathArgument} lives, asking the server about its mount. */
    final KvTarget target(CofferClient client, String pathArgument) {
        return KvTarget.resolve(client, mountOption.mount, pathArgument);
    }
}
