package io.coffer.cli.audit;

import io.coffer.cli.command.GroupCommand;
import picocli.CommandLine.Command;

/** {@code coffer audit}: audit log commands. */
@Command(name = "audit", description = "Work with audit logs.", subcommands = AuditVerifyCommand.class)
public final class AuditCommand extends GroupCommand {
}
