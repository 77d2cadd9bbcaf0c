package io.coffer.cli.auth;

import io.coffer.cli.command.GroupCommand;
import picocli.CommandLine.Command;

/** {@code coffer auth}: enable, list and disable auth methods. */
@Command(name = "auth",
        description = "Enable, list and disable auth methods.",
        subcommands = {
            AuthEnableCommand.class,
            AuthListCommand.class,
            AuthDisableCommand.class
        })
public final class AuthCommand extends GroupCommand {
}
