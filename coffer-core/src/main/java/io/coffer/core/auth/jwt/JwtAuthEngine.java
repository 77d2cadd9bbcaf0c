package io.coffer.core.auth.jwt;

import io.coffer.core.auth.workload.RoleStore;
import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.engine.SecretsEngine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One jwt (or oidc) auth mount: {@code config}, {@code role/}, {@code role/<name>} and
 * {@code login}, the only path served without a token.
 */
final class JwtAuthEngine implements SecretsEngine {

    private final List<PathRoute> routes;

    JwtAuthEngine(SecureStorage storage, Clock clock) {
        JwtConfigStore config = new JwtConfigStore(storage, clock);
        RoleStore<JwtRole> roles = new RoleStore<>(storage, JwtRole.class);
        List<PathRoute> r = new ArrayList<>();
        r.add(new JwtConfigPaths(config).route());
        r.addAll(new JwtRolePaths(roles).routes());
        r.add(new JwtLoginPath(config, roles, clock).route());
        this.routes = List.copyOf(r);
    }

    @Override
    public List<PathRoute> routes() {
        return routes;
    }

    @Override
    public boolean isUnauthenticated(String relativePath) {
        return relativePath.equals("login");
    }
}
