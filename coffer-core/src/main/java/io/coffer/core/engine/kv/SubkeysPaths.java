package io.coffer.core.engine.kv;

import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code subkeys/<key>}: the shape of a secret's data with the values removed. */
final class SubkeysPaths {

    private final KvStore store;

    SubkeysPaths(KvStore store) {
        this.store = store;
    }

    PathRoute route() {
        return PathRoute.path("(?s)subkeys/(?<path>.*)")
                .on(Operation.READ, this::read)
                .synopsis("Read the structure of a secret entry from the Key-Value store with the values removed.");
    }

    private Response read(EngineRequest req) {
        String key = Wire.key(req);
        if (key.isEmpty()) {
            throw Wire.notFound();
        }
        long depth = req.fields().integer("depth").orElse(0L);
        long version = req.fields().integer("version").orElse(0L);
        SubkeysRead r = store.subkeys(key, version, depth).orElseThrow(Wire::notFound);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("metadata", Wire.versionMetadata(r.version(), r.customMetadata()));
        body.put("subkeys", r.subkeys());
        Response response = Response.of(body);
        return r.subkeys() != null ? response : response.withStatus(404);
    }
}
