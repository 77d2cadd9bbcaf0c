package io.coffer.cli.kv;

import io.coffer.cli.command.GroupCommand;
import picocli.CommandLine.Command;

/** {@code coffer kv}: the KV secrets engine. */
@Command(name = "kv",
        description = "Read and write secrets in a KV (key/value) mount, version 1 or 2.",
        subcommands = {
            KvPutCommand.class,
            KvGetCommand.class,
            KvListCommand.class,
            KvDeleteCommand.class,
            KvUndeleteCommand.class,
            KvDestroyCommand.class,
            KvPatchCommand.class,
            KvMetadataCommand.class
        })
public final class KvCommand extends GroupCommand {
}
