package io.coffer.cli.token;

import io.coffer.cli.command.GroupCommand;
import picocli.CommandLine.Command;

/** {@code coffer token}: create, inspect, renew and revoke tokens. */
@Command(name = "token",
        description = "Create, look up, renew and revoke tokens.",
        subcommands = {
            TokenCreateCommand.class,
            TokenLookupCommand.class,
            TokenRenewCommand.class,
            TokenRevokeCommand.class
        })
public final class TokenCommand extends GroupCommand {
}
