package io.coffer.core.policy;

import io.coffer.core.logical.Request;
import io.coffer.core.token.TokenEntry;

/**
 * Decides whether an authenticated token may perform a request. Throws
 * {@link io.coffer.core.error.CofferException} of kind {@code PERMISSION_DENIED} when not.
 */
public interface Authorizer {

    void authorize(TokenEntry token, Request request);
}
