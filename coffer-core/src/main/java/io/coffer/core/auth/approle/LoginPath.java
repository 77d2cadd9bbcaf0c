package io.coffer.core.auth.approle;

import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.RequestData;
import io.coffer.core.logical.Response;

/** {@code login}: a role ID and secret ID for a token. Served without a token. */
final class LoginPath {

    static final String PATH = "login";

    private final AppRoleLogin login;

    LoginPath(AppRoleLogin login) {
        this.login = login;
    }

    PathRoute route() {
        return PathRoute.path(PATH).on(Operation.UPDATE, this::login)
                .synopsis("Issue a token based on the credentials supplied");
    }

    private Response login(EngineRequest r) {
        RequestData f = r.fields();
        return Response.empty().withLogin(login.login(roleId(f), f.string("secret_id").map(String::trim).orElse(""),
                r.request().remoteAddress()));
    }

    /** The role ID of a login request, trimmed as Vault trims it; empty when missing or not a string. */
    static String roleId(RequestData f) {
        Object raw = f.raw("role_id").orElse("");
        return raw instanceof String s ? s.trim() : String.valueOf(raw).trim();
    }
}
