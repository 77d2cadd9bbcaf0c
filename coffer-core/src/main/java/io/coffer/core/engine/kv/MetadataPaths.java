package io.coffer.core.engine.kv;

import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Durations;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.RequestData;
import io.coffer.core.logical.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code metadata/<key>}: key settings and version history; {@code metadata/<folder>/} lists keys. */
final class MetadataPaths {

    static final String CAS_REQUIRED_IGNORED_WARNING =
            "\"cas_required\" set to false, but is mandated by backend config. This value will be ignored.";

    private final KvStore store;

    MetadataPaths(KvStore store) {
        this.store = store;
    }

    PathRoute route() {
        return PathRoute.path("(?s)metadata/(?<path>.*)")
                .on(Operation.READ, this::read)
                .on(Operation.LIST, this::list)
                .on(Operation.CREATE, this::write)
                .on(Operation.UPDATE, this::write)
                .on(Operation.PATCH, this::patch)
                .on(Operation.DELETE, this::delete)
                .existenceCheck(req -> Wire.keyExists(store, req))
                .synopsis("Allows interaction with key metadata and settings in the KV store.");
    }

    private Response read(EngineRequest req) {
        String key = Wire.key(req);
        if (key.isEmpty()) {
            throw Wire.notFound();
        }
        KeyMetadata meta = store.readMetadata(key).orElseThrow(Wire::notFound);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cas_required", meta.casRequired());
        body.put("created_time", GoTime.format(meta.createdTime()));
        body.put("current_version", meta.currentVersion());
        body.put("custom_metadata", Wire.customMetadata(meta.customMetadata()));
        body.put("delete_version_after", Durations.format(meta.deleteVersionAfterSeconds()));
        body.put("max_versions", meta.maxVersions());
        body.put("oldest_version", meta.oldestVersion());
        body.put("updated_time", GoTime.format(meta.updatedTime()));
        body.put("versions", versions(meta));
        return Response.of(body);
    }

    /** Versions by number as strings, in Go's (string) key order: "1", "10", "2". */
    private static Map<String, Object> versions(KeyMetadata meta) {
        List<String> numbers = new ArrayList<>();
        meta.versions().keySet().forEach(n -> numbers.add(Long.toString(n)));
        numbers.sort(null);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String n : numbers) {
            VersionMetadata v = meta.versions().get(Long.parseLong(n));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("created_time", GoTime.format(v.createdTime()));
            m.put("deletion_time", GoTime.format(v.deletionTime()));
            m.put("destroyed", v.destroyed());
            out.put(n, m);
        }
        return out;
    }

    static Response listFolder(KvStore store, EngineRequest req, String path) {
        String folder = path.isEmpty() || path.endsWith("/") ? path : path + "/";
        boolean excludeDeleted = req.fields().bool("exclude_deleted").orElse(false);
        List<String> keys = store.listKeys(folder, excludeDeleted);
        if (keys.isEmpty()) {
            throw Wire.notFound();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("keys", keys);
        return Response.of(body);
    }

    private Response list(EngineRequest req) {
        return listFolder(store, req, Wire.key(req));
    }

    private Response write(EngineRequest req) {
        String key = Wire.key(req);
        if (key.isEmpty()) {
            throw CofferException.invalid("missing path");
        }
        RequestData fields = req.fields();
        Map<String, String> custom = null;
        if (req.request().data().containsKey("custom_metadata")) {
            Map<String, Object> raw = fields.map("custom_metadata").orElse(Map.of());
            custom = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : raw.entrySet()) {
                custom.put(e.getKey(), Wire.customMetadataValue(e.getKey(), e.getValue()));
            }
        }
        Boolean casRequired = fields.bool("cas_required").orElse(null);
        MetadataUpdate update = new MetadataUpdate(Wire.nonNegativeInt(fields, "max_versions"), casRequired,
                fields.durationSeconds("delete_version_after").orElse(null), custom);
        if (update.isEmpty()) {
            return Response.empty();
        }
        Response response = casWarning(casRequired);
        store.writeMetadata(key, update);
        return response;
    }

    private Response patch(EngineRequest req) {
        String key = Wire.key(req);
        if (key.isEmpty()) {
            throw CofferException.invalid("missing path");
        }
        RequestData fields = req.fields();
        boolean clearCustom = false;
        Map<String, String> changes = null;
        if (req.request().data().containsKey("custom_metadata")) {
            Map<String, Object> raw = fields.map("custom_metadata").orElse(null);
            if (raw == null) {
                clearCustom = true;
            } else {
                changes = new LinkedHashMap<>();
                for (Map.Entry<String, Object> e : raw.entrySet()) {
                    changes.put(e.getKey(), e.getValue() == null ? null : Wire.customMetadataValue(e.getKey(), e.getValue()));
                }
            }
        }
        Boolean casRequired = fields.bool("cas_required").orElse(null);
        MetadataPatch patch = new MetadataPatch(Wire.nonNegativeInt(fields, "max_versions"), casRequired,
                fields.durationSeconds("delete_version_after").orElse(null), clearCustom, changes);
        if (!store.patchMetadata(key, patch)) {
            // Vault answers a patch of a missing key with a bare 404 and no body.
            return Response.empty().withStatus(404);
        }
        return casWarning(casRequired);
    }

    private Response casWarning(Boolean casRequired) {
        if (Boolean.FALSE.equals(casRequired) && store.config().casRequired()) {
            return Response.empty().withWarning(CAS_REQUIRED_IGNORED_WARNING);
        }
        return Response.empty();
    }

    private Response delete(EngineRequest req) {
        String key = Wire.key(req);
        if (!key.isEmpty()) {
            store.deleteMetadataAndAllVersions(key);
        }
        return Response.empty();
    }
}
