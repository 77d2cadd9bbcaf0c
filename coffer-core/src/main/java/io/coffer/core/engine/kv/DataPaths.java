package io.coffer.core.engine.kv;

import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code data/<key>}: read, write, merge-patch and soft-delete versions of a secret. */
final class DataPaths {

    private final KvStore store;

    DataPaths(KvStore store) {
        this.store = store;
    }

    PathRoute route() {
        // As in Vault, the key may not end with '/': "data/app/" is not a data path.
        return PathRoute.path("(?s)data/(?<path>.*[^/])")
                .on(Operation.READ, this::read)
                .on(Operation.CREATE, this::write)
                .on(Operation.UPDATE, this::write)
                .on(Operation.PATCH, this::patch)
                .on(Operation.DELETE, this::delete)
                .existenceCheck(req -> Wire.keyExists(store, req))
                // Vault lists "data/<key>/", which is no data path: answer as its catch-all does.
                .on(Operation.LIST, InvalidPaths::handle)
                .synopsis("Write, Patch, Read, and Delete data in the Key-Value Store.");
    }

    private Response read(EngineRequest req) {
        long version = req.fields().integer("version").orElse(0L);
        VersionRead r = store.readVersion(Wire.key(req), version).orElseThrow(Wire::notFound);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", r.data());
        body.put("metadata", Wire.versionMetadata(r.version(), r.customMetadata()));
        Response response = Response.of(body);
        return r.live() ? response : response.withStatus(404);
    }

    private Response write(EngineRequest req) {
        Map<String, Object> data = dataField(req);
        WriteResult w = store.write(Wire.key(req), data, Wire.cas(req));
        return Response.of(Wire.versionMetadata(w.version(), w.customMetadata()));
    }

    private Response patch(EngineRequest req) {
        Map<String, Object> patch = dataField(req);
        return switch (store.patch(Wire.key(req), patch, Wire.cas(req))) {
            case PatchResult.Written w -> Response.of(Wire.versionMetadata(w.result().version(), w.result().customMetadata()));
            // Vault answers a patch of a missing key with a bare 404 and no body.
            case PatchResult.NoKey n -> Response.empty().withStatus(404);
            // ... and of a deleted or destroyed one with the version's metadata as data.
            case PatchResult.NotLive n -> Response.of(Wire.versionMetadata(n.version(), n.customMetadata())).withStatus(404);
        };
    }

    private Response delete(EngineRequest req) {
        store.deleteLatest(Wire.key(req));
        return Response.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dataField(EngineRequest req) {
        Object raw = req.request().data().get("data");
        if (!(raw instanceof Map<?, ?>)) {
            throw CofferException.invalid("no data provided");
        }
        return (Map<String, Object>) raw;
    }
}
