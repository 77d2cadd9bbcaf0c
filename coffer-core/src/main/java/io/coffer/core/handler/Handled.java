package io.coffer.core.handler;

import io.coffer.core.audit.AuditLog;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Response;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The outcome of a request, a response or an error, with the audit record of that outcome on its
 * way. The outcome must not reach the client before {@link #recorded} completes; when it fails
 * (no audit device could record the outcome), the client gets a plain 500 and nothing of the
 * outcome. Front doors that answer asynchronously hand the answer over when it completes, so no
 * thread waits for the audit device.
 *
 * @param response the response, or null for an error
 * @param error    the error, or null for a response
 * @param recorded completes once the outcome is recorded; fails with {@link CofferException}
 */
public record Handled(Response response, CofferException error, CompletableFuture<Void> recorded) {

    private static final CompletableFuture<Void> NOTHING_TO_RECORD = CompletableFuture.completedFuture(null);

    public Handled {
        if ((response == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of response and error");
        }
        Objects.requireNonNull(recorded, "recorded");
    }

    /** A response that is not audited (the sealed-mode {@code sys/} endpoints). */
    static Handled unaudited(Response response) {
        return new Handled(response, null, NOTHING_TO_RECORD);
    }

    /** Waits for the audit record, then returns the response or throws the error. */
    public Response await() {
        AuditLog.awaitRecorded(recorded);
        if (error != null) {
            throw error;
        }
        return response;
    }
}
