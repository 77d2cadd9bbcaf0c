package io.coffer.cli.operator;

import io.coffer.cli.command.GroupCommand;
import picocli.CommandLine.Command;

/** {@code coffer operator}: server lifecycle commands. */
@Command(name = "operator",
        description = "Initialize, unseal, seal, inspect and rotate the server's keys.",
        subcommands = {
            OperatorInitCommand.class,
            OperatorUnsealCommand.class,
            OperatorSealCommand.class,
            OperatorStatusCommand.class,
            OperatorRotateCommand.class
        })
public final class OperatorCommand extends GroupCommand {
}
