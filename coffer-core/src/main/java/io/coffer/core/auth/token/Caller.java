package io.coffer.core.auth.token;

import io.coffer.core.engine.EngineRequest;
import io.coffer.core.error.CofferException;
import io.coffer.core.token.TokenEntry;
import io.coffer.core.token.TokenStore;

/**
 * The token making a request, which the core has already authenticated.
 *
 * @param token the token string, for the store's self operations only; never echoed except by
 *              lookup, as in Vault
 * @param entry its entry
 * @param sudo  whether its policies grant {@code sudo} on the request path
 */
record Caller(String token, TokenEntry entry, boolean sudo) {

    /** The caller of {@code r}, including a token spending its last use on this very request. */
    static Caller of(EngineRequest r, TokenStore tokens) {
        String token = r.request().clientToken().orElseThrow(CofferException::permissionDenied);
        TokenEntry entry = tokens.lookupInFlight(token).orElseThrow(CofferException::permissionDenied);
        return new Caller(token, entry, tokens.hasSudo(entry, r.request().path()));
    }

    /** Whether the caller may use Vault's sudo-only options: root, or sudo on the request path. */
    boolean isSudo() {
        return sudo;
    }

    @Override
    public String toString() {
        return "Caller[accessor=" + entry.accessor() + "]";
    }
}
