package io.coffer.core.auth.workload;

import io.coffer.core.auth.Names;
import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.engine.PathHandler;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.json.Json;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Response;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The roles of one auth mount, each a JSON document at {@code role/<name>} in the mount's storage
 * (behind the barrier). Names are stored lower-case, as Vault's JWT and Kubernetes methods do, so
 * {@code Dev} and {@code dev} are one role.
 *
 * @param <R> the role record type
 */
public final class RoleStore<R> {

    /** The route fragment of a role name: the name rule every auth method shares ({@link Names}). */
    public static final String NAME_REGEX = Names.PATTERN;
    private static final Pattern NAME = Pattern.compile(NAME_REGEX);
    private static final String PREFIX = "role/";

    private final SecureStorage storage;
    private final Class<R> type;

    public RoleStore(SecureStorage storage, Class<R> type) {
        this.storage = storage;
        this.type = type;
    }

    /** The role named {@code name} (any case); empty when there is none or the name is not a valid one. */
    public Optional<R> get(String name) {
        String key = key(name);
        if (!NAME.matcher(key).matches()) {
            return Optional.empty();
        }
        return storage.get(PREFIX + key).map(b -> Json.read(b, type));
    }

    public void put(String name, R role) {
        storage.put(PREFIX + key(name), Json.write(role));
    }

    public void delete(String name) {
        storage.delete(PREFIX + key(name));
    }

    /** Role names in storage order (sorted). */
    public List<String> names() {
        return storage.list(PREFIX).stream().filter(n -> !n.endsWith("/")).toList();
    }

    /**
     * {@code role/} (LIST) and {@code role/<name>} (read, write, delete), the role routes both
     * workload methods serve; {@code read} and {@code write} carry each method's own fields.
     */
    public List<PathRoute> routes(PathHandler read, PathHandler write) {
        return List.of(
                PathRoute.path("role/?")
                        .on(Operation.LIST, req -> RoleFields.list(names()))
                        .synopsis("Lists all the roles registered with the backend."),
                PathRoute.path("role/(?<name>" + NAME_REGEX + ")")
                        .caseInsensitive("name", RoleStore::key)
                        .on(Operation.READ, read)
                        .on(Operation.UPDATE, write)
                        .on(Operation.DELETE, req -> {
                            delete(req.param("name"));
                            return Response.empty();
                        })
                        .existenceCheck(req -> get(req.param("name")).isPresent())
                        .synopsis("Register a role with the backend."));
    }

    public static String key(String name) {
        return Names.canonical(name);
    }
}
