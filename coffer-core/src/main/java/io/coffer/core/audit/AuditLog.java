package io.coffer.core.audit;

import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Response;

/**
 * Where the core records every authenticated or login request and its outcome.
 *
 * <p><b>Fail closed:</b> when auditing is enabled and no device can record an entry, the method
 * throws, and the core refuses the request (500) without returning any secret. With no device
 * enabled, nothing is recorded and nothing is refused, as in Vault.
 */
public interface AuditLog {

    /** Records the request before it is served. */
    void logRequest(AuditEvent event);

    /** Records a successful response before it is returned to the client. */
    void logResponse(AuditEvent event, Response response);

    /** Records a failed request. */
    void logError(AuditEvent event, CofferException error);

    /** An audit log with no devices: records nothing. */
    static AuditLog none() {
        return NoAuditLog.INSTANCE;
    }
}
