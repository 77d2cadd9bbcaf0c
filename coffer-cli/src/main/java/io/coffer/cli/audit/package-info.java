/**
 * {@code coffer audit}: audit devices at {@code sys/audit/}, with the vault CLI's commands
 * ({@code enable}, {@code list}, {@code disable}), request bodies, tables and exit codes; and
 * {@code verify}, which checks the hash chain of audit files offline, without a server (the chain
 * logic lives in coffer-core, {@link io.coffer.core.audit.AuditChainVerifier}).
 *
 * <p>Depends on {@link io.coffer.cli.command}, {@link io.coffer.cli.client}, {@link io.coffer.cli.output}
 * and coffer-core's {@code audit} package.
 */
package io.coffer.cli.audit;
