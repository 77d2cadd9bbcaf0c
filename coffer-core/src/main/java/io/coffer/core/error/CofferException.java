package io.coffer.core.error;

import java.util.List;
import java.util.Objects;

/**
 * The one exception type of Coffer. Each front door (Vault-style HTTP, AWS-style HTTP, CLI) maps
 * the {@link Kind} to its own wire error in a single table; nothing matches on message text.
 *
 * <p>Messages are shown to clients verbatim, so they must never contain secret material: no
 * values, tokens, keys or shares. Say what was wrong with the request and how to fix it.
 */
public class CofferException extends RuntimeException {

    /** What went wrong, independent of any wire protocol. */
    public enum Kind {
        /** The request is malformed or violates a rule; the client must change it (400). */
        INVALID_REQUEST,
        /** The caller is not authenticated or not allowed to do this (403). */
        PERMISSION_DENIED,
        /** Nothing exists at the path, or the path is not served (404). */
        NOT_FOUND,
        /** The path exists but does not support the operation (405). */
        UNSUPPORTED_OPERATION,
        /** The request conflicts with the current state, e.g. a second init (400 in Vault terms). */
        CONFLICT,
        /** The request body exceeds the configured limit (413). */
        PAYLOAD_TOO_LARGE,
        /** Too many requests; retry later (429). */
        RATE_LIMITED,
        /** The server is sealed and cannot serve the request (503). */
        SEALED,
        /** The server is not initialized yet (Vault answers such requests as sealed: 503). */
        UNINITIALIZED,
        /** A dependency (storage, audit) cannot serve the request right now (503 or 500). */
        UNAVAILABLE,
        /** A bug or an unexpected failure; the client sees only a generic message (500). */
        INTERNAL
    }

    private final Kind kind;
    private final List<String> messages;

    public CofferException(Kind kind, String message) {
        this(kind, message, null);
    }

    public CofferException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.messages = List.of(message);
    }

    /** An error carrying several independent messages, e.g. every invalid field of a request. */
    public CofferException(Kind kind, List<String> messages) {
        super(String.join("; ", messages));
        this.kind = Objects.requireNonNull(kind, "kind");
        this.messages = List.copyOf(messages);
    }

    public Kind kind() {
        return kind;
    }

    /** The messages to show a client, in order; never empty. */
    public List<String> messages() {
        return messages;
    }

    public static CofferException invalid(String message) {
        return new CofferException(Kind.INVALID_REQUEST, message);
    }

    public static CofferException notFound(String message) {
        return new CofferException(Kind.NOT_FOUND, message);
    }

    public static CofferException permissionDenied() {
        return new CofferException(Kind.PERMISSION_DENIED, "permission denied");
    }

    public static CofferException internal(String message, Throwable cause) {
        return new CofferException(Kind.INTERNAL, message, cause);
    }
}
