package io.coffer.core.audit;

import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Response;

/** The audit log while no device is enabled. */
enum NoAuditLog implements AuditLog {
    INSTANCE;

    @Override
    public void logRequest(AuditEvent event) {
    }

    @Override
    public void logResponse(AuditEvent event, Response response) {
    }

    @Override
    public void logError(AuditEvent event, CofferException error) {
    }
}
