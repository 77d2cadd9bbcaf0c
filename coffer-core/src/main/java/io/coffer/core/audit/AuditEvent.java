package io.coffer.core.audit;

import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Request;
import io.coffer.core.token.TokenEntry;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One request as the audit log sees it. The client token inside {@link #request()} is a secret:
 * audit devices record only its HMAC.
 *
 * @param request            the request as received
 * @param operation          the operation as authorized (a write to a new path is {@code create})
 * @param mountType          the type of the mount serving the path, empty when none does
 * @param token              the authenticated token, empty for unauthenticated paths and failed auth
 * @param time               when the request arrived
 * @param unauthenticatedBody present when the caller failed to authenticate: devices then record
 *                           the body's size and HMAC instead of the request data
 */
public record AuditEvent(Request request, Operation operation, String mountType, Optional<TokenEntry> token,
        Instant time, Optional<UnauthenticatedBody> unauthenticatedBody) {

    public AuditEvent {
        Objects.requireNonNull(unauthenticatedBody, "unauthenticatedBody");
        if (unauthenticatedBody.isPresent() && token.isPresent()) {
            throw new IllegalArgumentException("an authenticated request has no unauthenticated body");
        }
    }

    /** A request whose data is recorded: an authenticated one, or one to a path that needs no token (a login). */
    public AuditEvent(Request request, Operation operation, String mountType, Optional<TokenEntry> token, Instant time) {
        this(request, operation, mountType, token, time, Optional.empty());
    }

    /** A request whose caller failed to authenticate: only the size and HMAC of {@code body} are recorded. */
    public static AuditEvent failedAuthentication(Request request, Operation operation, String mountType, Instant time,
            UnauthenticatedBody body) {
        return new AuditEvent(request, operation, mountType, Optional.empty(), time, Optional.of(body));
    }
}
