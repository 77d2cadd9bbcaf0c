package io.coffer.core.auth.userpass;

import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.LoginSubject;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.engine.SecretsEngine;
import io.coffer.core.auth.Names;
import java.util.ArrayList;
import java.util.List;

/** The userpass auth method mounted at one {@code auth/<path>}: its routes, and {@code login/<user>} served without a token. */
final class UserpassEngine implements SecretsEngine, LoginSubject {

    private final List<PathRoute> routes;

    UserpassEngine(UserStore users, PasswordHasher hasher) {
        List<PathRoute> r = new ArrayList<>();
        r.add(new LoginPath(users, hasher).route());
        r.addAll(new UserPaths(users, hasher).routes());
        this.routes = List.copyOf(r);
    }

    @Override
    public List<PathRoute> routes() {
        return routes;
    }

    @Override
    public boolean isUnauthenticated(String relativePath) {
        return relativePath.startsWith(LoginPath.PREFIX);
    }

    /** Logins are throttled per user name: guessing one user's password is slowed without slowing the others. */
    @Override
    public String loginSubject(EngineRequest request) {
        return Names.canonical(request.param("user"));
    }
}
