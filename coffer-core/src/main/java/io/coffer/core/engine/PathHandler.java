package io.coffer.core.engine;

import io.coffer.core.logical.Response;

/** Handles one operation on one {@link PathRoute}. Throws {@link io.coffer.core.error.CofferException} on failure. */
@FunctionalInterface
public interface PathHandler {
    Response handle(EngineRequest request);
}
