package io.coffer.core.engine.kv;

import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Response;
import java.util.Set;

/**
 * Every other path of a KV v2 mount (e.g. {@code GET secret/app}, a KV v1 habit): 404 with a
 * warning that says which {@code vault kv} command to use, as Vault answers.
 */
final class InvalidPaths {

    private static final Set<String> ROOTS = Set.of("metadata", "data", "delete", "undelete", "destroy");

    private final KvStore store;

    InvalidPaths(KvStore store) {
        this.store = store;
    }

    PathRoute route() {
        return PathRoute.path("(?s).*")
                .on(Operation.READ, this::catchAll)
                .on(Operation.CREATE, this::catchAll)
                .on(Operation.UPDATE, this::catchAll)
                .on(Operation.PATCH, this::catchAll)
                .on(Operation.DELETE, this::catchAll)
                .on(Operation.LIST, this::catchAll)
                .synopsis("Invalid path for a versioned K/V secrets engine");
    }

    private Response catchAll(EngineRequest req) {
        // A LIST of "metadata" that reached us without Vault's trailing slash lists the root.
        if (req.operation() == Operation.LIST && req.relativePath().equals("metadata")) {
            return MetadataPaths.listFolder(store, req, "");
        }
        return handle(req);
    }

    static Response handle(EngineRequest req) {
        String warning;
        if (req.operation() != Operation.LIST && ROOTS.contains(req.relativePath())) {
            warning = "Non-listing operations on the root of a K/V v2 mount are not supported.";
        } else {
            String command = switch (req.operation()) {
                case CREATE, UPDATE -> "put";
                case PATCH -> "patch";
                case READ -> "get";
                case LIST -> "list";
                case DELETE -> "delete";
            };
            warning = "Invalid path for a versioned K/V secrets engine. See the API docs for the appropriate API "
                    + "endpoints to use. If using the Vault CLI, use 'vault kv " + command + "' for this operation.";
        }
        return Response.empty().withWarning(warning).withStatus(404);
    }
}
