package io.coffer.core.auth.token;

import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.engine.SecretsEngine;
import io.coffer.core.engine.SecretsEngineFactory;
import io.coffer.core.mount.MountEntry;
import io.coffer.core.token.TokenStore;
import java.util.Objects;

/**
 * Mount type {@code token}: the token auth method. The node mounts it once, at {@code auth/token/},
 * and it cannot be disabled or mounted a second time. Its engine works on the node's one
 * {@link TokenStore}; the mount's own storage holds the token roles.
 */
public final class TokenAuthFactory implements SecretsEngineFactory {

    public static final String TYPE = "token";

    private final TokenStore tokens;

    public TokenAuthFactory(TokenStore tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public SecretsEngine create(MountEntry mount, SecureStorage storage) {
        return new TokenAuthEngine(tokens, new TokenRoles(storage));
    }
}
