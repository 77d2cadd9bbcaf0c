package io.coffer.cli.audit;

import io.coffer.cli.command.GroupCommand;
import picocli.CommandLine.Command;

/** {@code coffer audit}: enable, list and disable audit devices, and verify audit files. */
@Command(name = "audit",
        description = "Enable, list and disable audit devices; verify the hash chain of audit files.",
        subcommands = {
            AuditEnableCommand.class,
            AuditListCommand.class,
            AuditDisableCommand.class,
            AuditVerifyCommand.class
        })
public final class AuditCommand extends GroupCommand {
}
