package io.coffer.core.auth.jwt;

import io.coffer.core.auth.workload.RoleLoginEngine;
import io.coffer.core.auth.workload.RoleStore;
import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.ratelimit.LoginWorkPool;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One jwt (or oidc) auth mount: {@code config}, {@code role/}, {@code role/<name>} and
 * {@code login}, the only path served without a token.
 */
final class JwtAuthEngine extends RoleLoginEngine {

    JwtAuthEngine(SecureStorage storage, Clock clock, LoginWorkPool work) {
        super(routes(storage, clock, work));
    }

    private static List<PathRoute> routes(SecureStorage storage, Clock clock, LoginWorkPool work) {
        RoleStore<JwtRole> roles = new RoleStore<>(storage, JwtRole.class);
        JwtConfigStore config = new JwtConfigStore(storage, clock);
        List<PathRoute> r = new ArrayList<>();
        r.add(new JwtConfigPaths(config).route());
        r.addAll(new JwtRolePaths(roles).routes());
        r.add(new JwtLoginPath(config, roles, clock, work).route());
        return r;
    }
}
