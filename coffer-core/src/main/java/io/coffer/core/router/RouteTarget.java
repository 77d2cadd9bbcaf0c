package io.coffer.core.router;

import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathHandler;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.engine.SecretsEngine;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Response;

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
