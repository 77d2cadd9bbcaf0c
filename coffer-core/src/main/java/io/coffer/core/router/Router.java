package io.coffer.core.router;

import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathHandler;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.engine.SecretsEngine;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Request;
import io.coffer.core.logical.Response;
import io.coffer.core.mount.MountEntry;
import io.coffer.core.mount.MountTable;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the engine for a request path (longest mount prefix) and the route within the engine
 * (first matching pattern), and invokes the handler for the request's operation.
 *
 * <p>Vault's answers for misses: no mount is 404 "no handler for route", a mount without a
 * matching route is 404 "unsupported path", a route without the operation is 405.
 */
public final class Router {

    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private final MountTable mounts;

    public Router(MountTable mounts) {
        this.mounts = mounts;
    }

    /** Routes {@code request} to the mounted engine that serves its path. */
    public Response route(Request request) {
        MountTable.Match match = mounts.match(request.path()).orElseThrow(() -> CofferException.notFound(
                "no handler for route \"" + request.path() + "\". route entry not found."));
        MountTable.Mounted mounted = match.mount();
        return dispatch(mounted.engine(), request, match.relativePath(), mounted.entry(), mounted.storage());
    }

    /** Invokes the route of {@code engine} that matches {@code relativePath}. */
    public static Response dispatch(SecretsEngine engine, Request request, String relativePath, MountEntry mount,
            SecureStorage storage) {
        for (PathRoute route : engine.routes()) {
            Matcher m = route.pattern().matcher(relativePath);
            if (!m.matches()) {
                continue;
            }
            PathHandler handler = handlerFor(route, request.operation());
            if (handler == null) {
                throw new CofferException(CofferException.Kind.UNSUPPORTED_OPERATION, "unsupported operation");
            }
            return handler.handle(new EngineRequest(request, relativePath, groups(route.pattern(), m), mount, storage))
                    .withMountType(mount.type());
        }
        throw CofferException.notFound("unsupported path");
    }

    private static PathHandler handlerFor(PathRoute route, Operation operation) {
        PathHandler h = route.handlers().get(operation);
        if (h == null && operation == Operation.CREATE) {
            // Engines that do not distinguish create from update register UPDATE only.
            h = route.handlers().get(Operation.UPDATE);
        }
        return h;
    }

    private static Map<String, String> groups(Pattern pattern, Matcher m) {
        Map<String, String> out = new HashMap<>();
        Matcher names = GROUP_NAME.matcher(pattern.pattern());
        while (names.find()) {
            String name = names.group(1);
            String value = m.group(name);
            if (value != null) {
                out.put(name, value);
            }
        }
        return out;
    }
}
