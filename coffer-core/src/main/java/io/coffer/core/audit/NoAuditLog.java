package io.coffer.core.audit;

import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Response;

/** The audit log while no device is enabled. */
enum NoAuditLog implements AuditLog, AuditLog.Receipt {
    INSTANCE;

    @Override
    public Receipt logRequest(AuditEvent event) {
        return this;
    }

    @Override
    public Receipt queueRequest(AuditEvent event) {
        return this;
    }

    @Override
    public void logResponse(AuditEvent event, Response response, Receipt request) {
    }

    @Override
    public void logError(AuditEvent event, CofferException error, Receipt request) {
    }
}
