package io.coffer.core.policy;

import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Request;
import io.coffer.core.token.TokenEntry;

/**
 * Decides whether an authenticated token may perform a request. Throws
 * {@link io.coffer.core.error.CofferException} of kind {@code PERMISSION_DENIED} when not.
 */
public interface Authorizer {

    /**
     * @param operation the operation to check, which for a write is {@code create} when the target
     *                  does not exist yet and {@code update} otherwise
     */
    void authorize(TokenEntry token, Request request, Operation operation);
}
