package io.coffer.core.audit;

import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Response;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry for the audit devices, before a device formats it: a request about to be served, or
 * the outcome of one (a response or an error).
 *
 * @param type     request or response
 * @param event    the request and the token that made it
 * @param response the response, for a successful outcome
 * @param error    the error, for a failed outcome
 * @param time     when the entry was made
 */
public record AuditRecord(Type type, AuditEvent event, Optional<Response> response, Optional<CofferException> error,
        Instant time) {

    /** Vault's two entry types. */
    public enum Type {
        REQUEST("request"),
        RESPONSE("response");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public AuditRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(time, "time");
    }

    static AuditRecord request(AuditEvent event, Instant time) {
        return new AuditRecord(Type.REQUEST, event, Optional.empty(), Optional.empty(), time);
    }

    static AuditRecord response(AuditEvent event, Response response, Instant time) {
        return new AuditRecord(Type.RESPONSE, event, Optional.of(response), Optional.empty(), time);
    }

    static AuditRecord error(AuditEvent event, CofferException error, Instant time) {
        return new AuditRecord(Type.RESPONSE, event, Optional.empty(), Optional.of(error), time);
    }
}
