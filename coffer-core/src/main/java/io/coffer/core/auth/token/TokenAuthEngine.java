package io.coffer.core.auth.token;

import io.coffer.core.engine.PathRoute;
import io.coffer.core.engine.SecretsEngine;
import io.coffer.core.token.TokenStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The routes of {@code auth/token/}, each family in its own class. Every path needs a token: the
 * token method has no login path.
 */
final class TokenAuthEngine implements SecretsEngine {

    private final List<PathRoute> routes;

    TokenAuthEngine(TokenStore tokens, TokenRoles roles) {
        List<PathRoute> r = new ArrayList<>();
        r.addAll(new RolePaths(roles).routes());
        r.addAll(new CreatePaths(tokens, roles).routes());
        r.addAll(new LookupPaths(tokens).routes());
        r.addAll(new RenewPaths(tokens, roles).routes());
        r.addAll(new RevokePaths(tokens).routes());
        this.routes = List.copyOf(r);
    }

    @Override
    public List<PathRoute> routes() {
        return routes;
    }
}
