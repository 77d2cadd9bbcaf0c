package io.coffer.core.audit;

import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
     * Records a successful response, which must not reach the client before the returned future
     * completes: it completes once a device recorded both the response and the request of
     * {@code request}, and fails with {@link CofferException} ({@code INTERNAL}) when none could.
     * Callers that answer asynchronously hand the answer over when it completes instead of waiting.
     */
    CompletableFuture<Void> recordResponse(AuditEvent event, Response response, Receipt request);

    /** Records a failed request, like {@link #recordResponse}. */
    CompletableFuture<Void> recordError(AuditEvent event, CofferException error, Receipt request);

    /** {@link #recordResponse} and wait: throws {@link CofferException} when no device recorded it. */
    default void logResponse(AuditEvent event, Response response, Receipt request) {
        awaitRecorded(recordResponse(event, response, request));
    }

    /** {@link #recordError} and wait: throws {@link CofferException} when no device recorded it. */
    default void logError(AuditEvent event, CofferException error, Receipt request) {
        awaitRecorded(recordError(event, error, request));
    }

    /** Waits for a {@code record*} future; its failure is rethrown as the {@link CofferException} it is. */
    static void awaitRecorded(CompletableFuture<Void> recorded) {
        try {
            recorded.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof CofferException c) {
                throw c;
            }
            throw CofferException.internal("no audit device could record the request; it was refused", e.getCause());
        }
    }

    /** An audit log with no devices: records nothing. */
    static AuditLog none() {
        return NoAuditLog.INSTANCE;
    }
}
