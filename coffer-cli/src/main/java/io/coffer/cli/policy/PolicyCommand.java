package io.coffer.cli.policy;

import io.coffer.cli.command.GroupCommand;
import picocli.CommandLine.Command;

/** {@code coffer policy}: ACL policies. */
@Command(name = "policy",
        description = "Write, read, list and delete ACL policies.",
        subcommands = {
            PolicyWriteCommand.class,
            PolicyReadCommand.class,
            PolicyListCommand.class,
            PolicyDeleteCommand.class
        })
public final class PolicyCommand extends GroupCommand {
}
