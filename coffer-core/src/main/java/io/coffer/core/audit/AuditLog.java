package io.coffer.core.audit;

import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Response;

/**
 * Where the core records every authenticated or login request and its outcome.
 *
 * <p><b>Fail closed:</b> when auditing is enabled and no device can record an entry, the method
 * throws, and the core refuses the request (500) without returning any secret. With no device
 * enabled, nothing is recorded and nothing is refused, as in Vault.
 *
 * <p>A request that changes something is recorded before it is served ({@link #logRequest}
 * waits). A request that only reads may be served first ({@link #queueRequest}): its request
 * record is then written together with its outcome, as two adjacent lines in one hand-over to the
 * devices, and nothing is returned unless a device recorded both. A read thus costs one wait
 * instead of two.
 */
public interface AuditLog {

    /** Proof of a request record, recorded or on its way, that its outcome record refers to. */
    interface Receipt {
    }

    /** Records the request before it is served, and waits until a device has recorded it. */
    Receipt logRequest(AuditEvent event);

    /**
     * Notes the request (stamped now) to be recorded together with its outcome; only for requests
     * that change nothing.
     */
    Receipt queueRequest(AuditEvent event);

    /**
     * Records a successful response before it is returned to the client; returns once a device
     * recorded both it and the request of {@code request}.
     */
    void logResponse(AuditEvent event, Response response, Receipt request);

    /** Records a failed request; returns once a device recorded both it and the request. */
    void logError(AuditEvent event, CofferException error, Receipt request);

    /** An audit log with no devices: records nothing. */
    static AuditLog none() {
        return NoAuditLog.INSTANCE;
    }
}
