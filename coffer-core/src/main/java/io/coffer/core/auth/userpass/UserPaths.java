package io.coffer.core.auth.userpass;

import io.coffer.core.auth.Names;
import io.coffer.core.auth.TokenSettings;
import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.RequestData;
import io.coffer.core.logical.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code users/} (LIST), {@code users/<name>} (read, create/update, delete), {@code users/<name>/password} and {@code users/<name>/policies}. */
final class UserPaths {

    /** A route fragment naming a user, captured as {@code user}. */
    static final String USER = "(?<user>" + Names.PATTERN + ")";

    private final UserStore users;
    private final PasswordHasher hasher;

    UserPaths(UserStore users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    List<PathRoute> routes() {
        return List.of(
                PathRoute.path("users/?").on(Operation.LIST, r -> list())
                        .synopsis("Manage users allowed to authenticate."),
                userPath("")
                        .on(Operation.READ, this::read)
                        .on(Operation.UPDATE, this::write)
                        .on(Operation.DELETE, this::delete)
                        .existenceCheck(r -> users.find(name(r)).isPresent())
                        .synopsis("Manage users allowed to authenticate."),
                userPath("/password")
                        .on(Operation.UPDATE, this::resetPassword)
                        .synopsis("Reset user's password."),
                userPath("/policies")
                        .on(Operation.UPDATE, this::updatePolicies)
                        .synopsis("Update the policies associated with the username."));
    }

    /** A route under {@code users/<name>}; the name is authorized in the stored form {@link #name} reads. */
    private static PathRoute.Builder userPath(String suffix) {
        return PathRoute.path("users/" + USER + suffix).caseInsensitive("user", Names::canonical);
    }

    /** The user name of the request, in stored (lower-case) form. */
    static String name(EngineRequest r) {
        String name = r.param("user");
        if (name.getBytes(StandardCharsets.UTF_8).length > Names.MAX_BYTES) {
            throw CofferException.invalid("username is longer than maximum of " + Names.MAX_BYTES + " bytes");
        }
        return Names.canonical(name);
    }

    private Response list() {
        List<String> names = users.names();
        if (names.isEmpty()) {
            throw new CofferException(CofferException.Kind.NOT_FOUND, List.of());
        }
        return Response.of(Map.of("keys", names));
    }

    private Response read(EngineRequest r) {
        User user = users.find(name(r)).orElseThrow(() -> new CofferException(CofferException.Kind.NOT_FOUND, List.of()));
        return Response.of(user.render());
    }

    private Response write(EngineRequest r) {
        String name = name(r);
        RequestData f = r.fields();
        // Hash outside the store's lock: bcrypt is deliberately slow.
        Optional<String> hash = password(f).map(hasher::hash);
        List<String> warnings = new ArrayList<>();
        users.update(name, current -> {
            if (current.isEmpty() && hash.isEmpty()) {
                throw CofferException.invalid("missing password");
            }
            User base = current.orElseGet(() -> new User("", TokenSettings.DEFAULT));
            return new User(hash.orElse(base.passwordHash()), base.token().update(f, User.ALIASES, warnings));
        });
        Response response = Response.empty();
        warnings.forEach(response::withWarning);
        return response;
    }

    private Response delete(EngineRequest r) {
        users.delete(name(r));
        return Response.empty();
    }

    private Response resetPassword(EngineRequest r) {
        String name = name(r);
        String hash = hasher.hash(password(r.fields()).orElseThrow(() -> CofferException.invalid("missing password")));
        users.update(name, current -> new User(hash, existing(current).token()));
        return Response.empty();
    }

    private Response updatePolicies(EngineRequest r) {
        String name = name(r);
        RequestData f = r.fields();
        Map<String, Object> given = new LinkedHashMap<>();
        f.raw("token_policies").ifPresent(v -> given.put("token_policies", v));
        f.raw("policies").ifPresent(v -> given.put("policies", v));
        users.update(name, current -> {
            User user = existing(current);
            return new User(user.passwordHash(), user.token().update(new RequestData(given), User.ALIASES, new ArrayList<>()));
        });
        return Response.empty();
    }

    /** The {@code password} field when given and not empty. */
    private static Optional<String> password(RequestData f) {
        return f.string("password").filter(p -> !p.isEmpty());
    }

    private static User existing(Optional<User> current) {
        return current.orElseThrow(() -> CofferException.notFound("username does not exist"));
    }
}
