package io.coffer.core.engine.kv;

import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Response;
import java.util.List;
import java.util.function.BiConsumer;

/** {@code delete/<key>}, {@code undelete/<key>} and {@code destroy/<key>}: act on listed versions. */
final class VersionPaths {

    private final KvStore store;

    VersionPaths(KvStore store) {
        this.store = store;
    }

    List<PathRoute> routes() {
        return List.of(
                route("delete", "No version number provided", store::softDelete,
                        "Marks one or more versions as deleted in the KV store."),
                route("undelete", "No version number provided", store::undelete,
                        "Undeletes one or more versions from the KV store."),
                route("destroy", "no version number provided", store::destroy,
                        "Permanently removes one or more versions in the KV store"));
    }

    private static PathRoute route(String verb, String noVersions, BiConsumer<String, List<Long>> action,
            String synopsis) {
        io.coffer.core.engine.PathHandler handler = req -> handle(req, noVersions, action);
        return PathRoute.path("(?s)" + verb + "/(?<path>.*)")
                .on(Operation.CREATE, handler)
                .on(Operation.UPDATE, handler)
                .synopsis(synopsis);
    }

    private static Response handle(EngineRequest req, String noVersions, BiConsumer<String, List<Long>> action) {
        List<Long> versions = req.fields().integerList("versions").orElse(List.of());
        if (versions.isEmpty()) {
            throw CofferException.invalid(noVersions);
        }
        String key = Wire.key(req);
        if (!key.isEmpty()) {
            action.accept(key, versions);
        }
        return Response.empty();
    }
}
