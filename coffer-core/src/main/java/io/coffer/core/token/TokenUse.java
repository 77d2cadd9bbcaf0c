package io.coffer.core.token;

/**
 * One counted use of a token by a request that passed authorization. Close it when the request is
 * done: if the request spent the token's last use, closing revokes the token (and its children),
 * as Vault does after the request that exhausts a limited-use token.
 */
public final class TokenUse implements AutoCloseable {

    /** The use of a token without a use limit: nothing to do afterwards. */
    static final TokenUse UNLIMITED = new TokenUse(() -> {
    });

    private final Runnable afterRequest;

    TokenUse(Runnable afterRequest) {
        this.afterRequest = afterRequest;
    }

    @Override
    public void close() {
        afterRequest.run();
    }
}
