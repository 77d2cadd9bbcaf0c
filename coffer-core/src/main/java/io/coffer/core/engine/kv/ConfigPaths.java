package io.coffer.core.engine.kv;

import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.logical.Durations;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.RequestData;
import io.coffer.core.logical.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code config}: mount-wide max_versions, cas_required and delete_version_after. */
final class ConfigPaths {

    private final KvStore store;

    ConfigPaths(KvStore store) {
        this.store = store;
    }

    PathRoute route() {
        return PathRoute.path("config")
                .on(Operation.READ, this::read)
                .on(Operation.CREATE, this::write)
                .on(Operation.UPDATE, this::write)
                // Vault lists "config/", which is no config path: answer as its catch-all does.
                .on(Operation.LIST, InvalidPaths::handle)
                .synopsis("Configures settings for the KV store");
    }

    private Response read(EngineRequest req) {
        KvConfig config = store.config();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cas_required", config.casRequired());
        body.put("delete_version_after", Durations.format(config.deleteVersionAfterSeconds()));
        body.put("max_versions", config.maxVersions());
        return Response.of(body);
    }

    private Response write(EngineRequest req) {
        RequestData fields = req.fields();
        store.updateConfig(new ConfigUpdate(Wire.nonNegativeInt(fields, "max_versions"),
                fields.bool("cas_required").orElse(null), Wire.signedDurationSeconds(fields, "delete_version_after")));
        return Response.empty();
    }
}
