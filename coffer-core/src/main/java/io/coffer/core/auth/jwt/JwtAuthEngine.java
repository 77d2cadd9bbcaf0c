package io.coffer.core.auth.jwt;

import io.coffer.core.auth.workload.RoleStore;
import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.error.CofferException;
import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.LoginSubject;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.engine.SecretsEngine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One jwt (or oidc) auth mount: {@code config}, {@code role/}, {@code role/<name>} and
 * {@code login}, the only path served without a token.
 */
final class JwtAuthEngine implements SecretsEngine, LoginSubject {

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

    /** The role a login names, so that the core throttles guesses per role; never the JWT. */
    @Override
    public String loginSubject(EngineRequest request) {
        try {
            return request.fields().string("role").map(RoleStore::key).orElse("");
        } catch (CofferException notAString) {
            return "";
        }
    }
}
