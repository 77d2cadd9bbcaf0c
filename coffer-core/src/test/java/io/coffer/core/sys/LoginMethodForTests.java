package io.coffer.core.sys;

import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.engine.SecretsEngine;
import io.coffer.core.engine.SecretsEngineFactory;
import io.coffer.core.logical.Login;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Response;
import io.coffer.core.mount.MountEntry;
import java.util.List;
import java.util.Map;

/**
 * Auth method type {@code testlogin}: {@code login} succeeds for anyone as {@code svc} with policy
 * {@code app}, so that tests can have an auth mount issue tokens. A real engine, not a stand-in
 * for storage.
 */
final class LoginMethodForTests implements SecretsEngineFactory {

    static final String TYPE = "testlogin";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public SecretsEngine create(MountEntry mount, SecureStorage storage) {
        return new SecretsEngine() {
            @Override
            public List<PathRoute> routes() {
                return List.of(PathRoute.path("login").on(Operation.UPDATE, r -> Response.empty().withLogin(
                        new Login("svc", List.of("app"), Map.of("user", "svc"), 0, 0, 0, 0, true, List.of(), "svc")))
                        .synopsis("Logs anyone in."));
            }

            @Override
            public boolean isUnauthenticated(String relativePath) {
                return relativePath.equals("login");
            }
        };
    }
}
