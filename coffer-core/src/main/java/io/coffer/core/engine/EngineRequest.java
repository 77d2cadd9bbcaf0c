package io.coffer.core.engine;

import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Request;
import io.coffer.core.logical.RequestData;
import io.coffer.core.mount.MountEntry;
import java.util.Map;

/**
 * A request as an engine sees it: the path relative to its mount, the named groups its route
 * matched, the request fields, and the engine's own storage view.
 *
 * @param request      the original request (operation, data, query, id)
 * @param relativePath the path below the mount, e.g. {@code data/app} for {@code secret/data/app}
 * @param params       named groups of the matched route pattern
 * @param mount        the mount being served
 * @param storage      storage confined to the mount
 */
public record EngineRequest(Request request, String relativePath, Map<String, String> params, MountEntry mount,
        SecureStorage storage) {

    public Operation operation() {
        return request.operation();
    }

    public RequestData fields() {
        return new RequestData(request.data());
    }

    /** A named group of the route pattern; empty string when the group did not participate. */
    public String param(String name) {
        String v = params.get(name);
        return v == null ? "" : v;
    }
}
