package io.coffer.core.auth.kubernetes;

import io.coffer.core.auth.workload.RoleLoginEngine;
import io.coffer.core.auth.workload.RoleStore;
import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.ratelimit.LoginWorkPool;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** One kubernetes auth mount: {@code config}, {@code role/}, {@code role/<name>} and {@code login} (no token needed). */
final class KubernetesAuthEngine extends RoleLoginEngine {

    KubernetesAuthEngine(SecureStorage storage, Clock clock, LoginWorkPool work) {
        super(routes(storage, clock, work));
    }

    private static List<PathRoute> routes(SecureStorage storage, Clock clock, LoginWorkPool work) {
        RoleStore<KubernetesRole> roles = new RoleStore<>(storage, KubernetesRole.class);
        KubernetesConfigStore config = new KubernetesConfigStore(storage);
        List<PathRoute> r = new ArrayList<>();
        r.add(new KubernetesConfigPaths(config).route());
        r.addAll(new KubernetesRolePaths(roles).routes());
        r.add(new KubernetesLoginPath(config, roles, clock, work).route());
        return r;
    }
}
