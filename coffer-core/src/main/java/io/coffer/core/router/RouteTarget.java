package io.coffer.core.router;

import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathHandler;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.engine.SecretsEngine;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Request;
import io.coffer.core.logical.Response;
import java.util.regex.Matcher;

/**
 * A request resolved to one route of one mounted engine, before it runs. Resolution is separate
 * from invocation so that the core can authorize the request (which needs to know whether a write
 * creates or updates) and audit it in between.
 *
 * @param engine        the engine that serves the path
 * @param route         the matching route
 * @param engineRequest the request as the engine will see it
 */
public record RouteTarget(SecretsEngine engine, PathRoute route, EngineRequest engineRequest) {

    /** The mount type that answers, e.g. {@code kv}; audit and envelopes report it. */
    public String mountType() {
        return engineRequest.mount().type();
    }

    /** True when the engine serves this path without a token (login paths). */
    public boolean isUnauthenticated() {
        return engine.isUnauthenticated(engineRequest.relativePath());
    }

    /**
     * The operation to authorize: an update of a path whose route has an existence check and
     * whose target does not exist yet is a create, as in Vault.
     */
    public Operation effectiveOperation() {
        Operation op = engineRequest.operation();
        if (op == Operation.UPDATE && route.existenceCheck() != null && !route.existenceCheck().exists(engineRequest)) {
            return Operation.CREATE;
        }
        return op;
    }

    /**
     * The request as the ACL must see it: the request itself, or, when the route names something
     * the engine reads case-insensitively, a copy whose path carries that name in the engine's
     * canonical form. Checking the name as sent and acting on it canonicalized would let
     * {@code role/ADMIN} escape a policy that denies {@code role/admin}.
     */
    public Request authorizationRequest() {
        Request request = engineRequest.request();
        if (route.canonicalNames().isEmpty()) {
            return request;
        }
        String relative = engineRequest.relativePath();
        String path = request.path();
        Matcher m = route.pattern().matcher(relative);
        if (!path.endsWith(relative) || !m.matches()) {
            return request;
        }
        StringBuilder canonical = new StringBuilder(relative);
        for (var name : route.canonicalNames().entrySet()) {
            int start = m.start(name.getKey());
            if (start >= 0) {
                String value = m.group(name.getKey());
                String form = name.getValue().apply(value);
                if (form.length() != value.length()) {
                    // Spans of other groups would shift; such a canonical form is not supported.
                    throw new IllegalStateException("canonical form changes the length of group " + name.getKey());
                }
                canonical.replace(start, m.end(name.getKey()), form);
            }
        }
        String canonicalPath = path.substring(0, path.length() - relative.length()) + canonical;
        return canonicalPath.equals(path) ? request : request.withPath(canonicalPath);
    }

    /** Runs the route's handler; 405 when the route lacks the operation. */
    public Response invoke() {
        PathHandler handler = route.handlers().get(engineRequest.operation());
        if (handler == null && engineRequest.operation() == Operation.CREATE) {
            handler = route.handlers().get(Operation.UPDATE);
        }
        if (handler == null) {
            throw new CofferException(CofferException.Kind.UNSUPPORTED_OPERATION, "unsupported operation");
        }
        return handler.handle(engineRequest).withMountType(mountType());
    }
}
