package io.coffer.cli.kv;

import io.coffer.cli.command.GroupCommand;
import picocli.CommandLine.Command;

/** {@code coffer kv metadata}: per-secret settings and version history (KV v2). */
@Command(name = "metadata",
        description = "Read and change a secret's settings and version history (KV v2).",
        subcommands = {
            KvMetadataGetCommand.class,
            KvMetadataPutCommand.class,
            KvMetadataPatchCommand.class,
            KvMetadataDeleteCommand.class
        })
public final class KvMetadataCommand extends GroupCommand {
}
