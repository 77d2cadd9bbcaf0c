/**
 * The audit log the request pipeline writes to: the {@link io.coffer.core.audit.AuditBroker}
 * (enabled devices, fail-closed dispatch, the audit table behind the barrier), the device SPI
 * ({@link io.coffer.core.audit.AuditDevice}, {@link io.coffer.core.audit.AuditDeviceFactory}),
 * Vault's JSON record format with salted HMACs ({@link io.coffer.core.audit.AuditFormatter}), the
 * bounds on what one request may cost the log (bodies of unauthenticated callers reduced to size
 * and HMAC, {@code max_record_bytes}), the free-space gauge devices report
 * ({@link io.coffer.core.audit.VolumeSpace}), and the keyed chain of audit files
 * ({@link io.coffer.core.audit.AuditChain}, its key and stored head behind the barrier) with its
 * verifier.
 *
 * <p>Depends on {@code logical}, {@code token}, {@code error}, {@code json}, {@code barrier} (for
 * storage) and {@code seal} (as a listener); device types live in subpackages that depend on this
 * one. The pipeline depends on it, never the other way round.
 */
package io.coffer.core.audit;
