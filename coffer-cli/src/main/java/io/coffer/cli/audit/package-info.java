/**
 * {@code coffer audit}: audit devices at {@code sys/audit/}, with the vault CLI's commands
 * ({@code enable}, {@code list}, {@code disable}), request bodies, tables and exit codes.
 * {@code audit verify}, which checks an audit log file, belongs here too and is written separately
 * ({@code io.coffer.cli.audit.AuditVerifyCommand}); {@link io.coffer.cli.audit.AuditCommand} is the
 * group it joins.
 *
 * <p>Depends on {@link io.coffer.cli.command}, {@link io.coffer.cli.client} and {@link io.coffer.cli.output}.
 */
package io.coffer.cli.audit;
