/**
 * {@code coffer audit}: commands about audit logs. {@code verify} checks the hash chain of audit
 * files offline, without a server; the chain logic itself lives in coffer-core
 * ({@link io.coffer.core.audit.AuditChainVerifier}).
 *
 * <p>Depends on {@link io.coffer.cli.command} and coffer-core's {@code audit} package.
 */
package io.coffer.cli.audit;
