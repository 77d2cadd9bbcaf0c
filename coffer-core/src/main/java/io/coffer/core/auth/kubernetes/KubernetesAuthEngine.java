package io.coffer.core.auth.kubernetes;

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

/** One kubernetes auth mount: {@code config}, {@code role/}, {@code role/<name>} and {@code login} (no token needed). */
final class KubernetesAuthEngine implements SecretsEngine, LoginSubject {

    private final List<PathRoute> routes;

    KubernetesAuthEngine(SecureStorage storage, Clock clock) {
        KubernetesConfigStore config = new KubernetesConfigStore(storage);
        RoleStore<KubernetesRole> roles = new RoleStore<>(storage, KubernetesRole.class);
        List<PathRoute> r = new ArrayList<>();
        r.add(new KubernetesConfigPaths(config).route());
        r.addAll(new KubernetesRolePaths(roles).routes());
        r.add(new KubernetesLoginPath(config, roles, clock).route());
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
