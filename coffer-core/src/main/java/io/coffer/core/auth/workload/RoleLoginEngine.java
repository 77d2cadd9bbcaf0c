package io.coffer.core.auth.workload;

import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.LoginSubject;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.engine.SecretsEngine;
import io.coffer.core.error.CofferException;
import java.util.List;

/**
 * The shape both workload-identity methods share: config, role and login routes, with
 * {@code login} the only path served without a token and the named role as the throttling subject.
 */
public abstract class RoleLoginEngine implements SecretsEngine, LoginSubject {

    private final List<PathRoute> routes;

    protected RoleLoginEngine(List<PathRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    @Override
    public final List<PathRoute> routes() {
        return routes;
    }

    @Override
    public final boolean isUnauthenticated(String relativePath) {
        return relativePath.equals("login");
    }

    /** The role a login names, so that the core throttles guesses per role; never the JWT. */
    @Override
    public final String loginSubject(EngineRequest request) {
        try {
            return request.fields().string("role").map(RoleStore::key).orElse("");
        } catch (CofferException notAString) {
            return "";
        }
    }
}
