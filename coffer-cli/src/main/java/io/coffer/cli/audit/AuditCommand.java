package io.coffer.cli.audit;

import io.coffer.cli.command.GroupCommand;
import picocli.CommandLine.Command;

/**
 * {@code coffer audit}: enable, list and disable audit devices.
 *
 * <p>{@code audit verify} is not here yet on purpose: it is being written separately as
 * {@code io.coffer.cli.audit.AuditVerifyCommand}. Whoever adds that class adds it to the
 * {@code subcommands} list below (after {@code AuditDisableCommand}); nothing else needs to change.
 */
@Command(name = "audit",
        description = "Enable, list and disable audit devices.",
        subcommands = {
            AuditEnableCommand.class,
            AuditListCommand.class,
            AuditDisableCommand.class
            // AuditVerifyCommand.class joins here (see the class comment).
        })
public final class AuditCommand extends GroupCommand {
}
