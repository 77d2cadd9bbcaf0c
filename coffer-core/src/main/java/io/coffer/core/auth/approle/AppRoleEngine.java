package io.coffer.core.auth.approle;

import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.LoginSubject;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.engine.SecretsEngine;
import java.util.ArrayList;
import java.util.List;

/** The AppRole auth method mounted at one {@code auth/<path>}: its routes, and {@code login} served without a token. */
final class AppRoleEngine implements SecretsEngine, LoginSubject {

    private final List<PathRoute> routes;

    AppRoleEngine(RoleStore roles, SecretIdStore secretIds) {
        List<PathRoute> r = new ArrayList<>();
        r.add(new LoginPath(new AppRoleLogin(roles, secretIds)).route());
        r.addAll(new SecretIdPaths(roles, secretIds).routes());
        r.addAll(new RolePaths(roles).routes());
        this.routes = List.copyOf(r);
    }

    @Override
    public List<PathRoute> routes() {
        return routes;
    }

    @Override
    public boolean isUnauthenticated(String relativePath) {
        return relativePath.equals(LoginPath.PATH);
    }

    /** Logins are throttled per role ID: guessing secret IDs of one role is slowed without slowing the others. */
    @Override
    public String loginSubject(EngineRequest request) {
        return LoginPath.roleId(request.fields());
    }
}
