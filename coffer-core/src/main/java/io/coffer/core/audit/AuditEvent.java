package io.coffer.core.audit;

import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Request;
import io.coffer.core.token.TokenEntry;
import java.time.Instant;
import java.util.Optional;

/**
 * One request as the audit log sees it. The client token inside {@link #request()} is a secret:
 * audit devices record only its HMAC.
 *
 * @param request   the request as received
 * @param operation the operation as authorized (a write to a new path is {@code create})
 * @param mountType the type of the mount serving the path, empty when none does
 * @param token     the authenticated token, empty for unauthenticated paths and failed auth
 * @param time      when the request arrived
 */
public record AuditEvent(Request request, Operation operation, String mountType, Optional<TokenEntry> token,
        Instant time) {
}
