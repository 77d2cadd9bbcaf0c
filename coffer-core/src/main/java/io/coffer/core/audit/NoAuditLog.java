package io.coffer.core.audit;

import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Response;
import java.util.concurrent.CompletableFuture;

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

    private static final CompletableFuture<Void> RECORDED = CompletableFuture.completedFuture(null);

    @Override
    public CompletableFuture<Void> recordResponse(AuditEvent event, Response response, Receipt request) {
        return RECORDED;
    }

    @Override
    public CompletableFuture<Void> recordError(AuditEvent event, CofferException error, Receipt request) {
        return RECORDED;
    }
}
