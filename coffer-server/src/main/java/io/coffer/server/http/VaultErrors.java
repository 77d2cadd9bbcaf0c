package io.coffer.server.http;

import io.coffer.core.error.CofferException;
import io.netty.handler.codec.http.HttpResponseStatus;

/** The one table from error kinds to the Vault-style API's HTTP statuses. */
final class VaultErrors {

    private VaultErrors() {
    }

    static HttpResponseStatus status(CofferException.Kind kind) {
        return switch (kind) {
            case INVALID_REQUEST, CONFLICT -> HttpResponseStatus.BAD_REQUEST;
            case PERMISSION_DENIED -> HttpResponseStatus.FORBIDDEN;
            case NOT_FOUND -> HttpResponseStatus.NOT_FOUND;
            case UNSUPPORTED_OPERATION -> HttpResponseStatus.METHOD_NOT_ALLOWED;
            case PAYLOAD_TOO_LARGE -> HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE;
            case RATE_LIMITED -> HttpResponseStatus.TOO_MANY_REQUESTS;
            case SEALED, UNINITIALIZED, UNAVAILABLE -> HttpResponseStatus.SERVICE_UNAVAILABLE;
            case INTERNAL -> HttpResponseStatus.INTERNAL_SERVER_ERROR;
        };
    }
}
