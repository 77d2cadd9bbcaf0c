package io.coffer.core.auth.userpass;

import io.coffer.core.net.CidrBlock;
import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Response;
import java.util.Map;
import java.util.Optional;

/**
 * {@code login/<username>}: a password for a token. Served without a token. An unknown user and
 * a wrong password get the same 400 {@code invalid username or password} after the same bcrypt
 * work; a client outside the user's {@code token_bound_cidrs} gets a 403, as in Vault.
 */
final class LoginPath {

    static final String PREFIX = "login/";

    private final UserStore users;
    private final PasswordHasher hasher;

    LoginPath(UserStore users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    PathRoute route() {
        return PathRoute.path(PREFIX + UserPaths.USER).on(Operation.UPDATE, this::login)
                .synopsis("Log in with a username and password.");
    }

    private Response login(EngineRequest r) {
        String name = UserPaths.name(r);
        String password = r.fields().string("password").orElse("");
        if (password.isEmpty()) {
            throw CofferException.invalid("missing password");
        }
        Optional<User> user = users.find(name);
        String hash = user.map(User::passwordHash).filter(h -> !h.isEmpty()).orElse(null);
        if (!hasher.matches(hash, password) || user.isEmpty()) {
            throw CofferException.invalid("invalid username or password");
        }
        User u = user.get();
        if (!u.token().boundCidrs().isEmpty() && !CidrBlock.anyContains(u.token().boundCidrs(), r.request().remoteAddress())) {
            throw CofferException.permissionDenied();
        }
        return Response.empty().withLogin(u.token().login(name, Map.of("username", name), name, java.util.List.of()));
    }
}
