package io.coffer.core.sys;

import io.coffer.core.audit.AuditBroker;
import io.coffer.core.audit.AuditDeviceEntry;
import io.coffer.core.audit.VolumeSpace;
import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.ClientText;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.RequestData;
import io.coffer.core.logical.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sys/audit} (list), {@code sys/audit/:path} (enable, disable) and
 * {@code sys/audit-hash/:path}, with Vault's shapes: the list is keyed by device path, data keys
 * are repeated at the top level as for every {@code sys/} response.
 */
final class AuditPaths {

    private final AuditBroker audit;

    AuditPaths(AuditBroker audit) {
        this.audit = audit;
    }

    List<PathRoute> routes() {
        return List.of(
                PathRoute.path("audit").on(Operation.READ, r -> list())
                        .synopsis("Lists the enabled audit devices."),
                PathRoute.path("audit/(?<path>.+)").on(Operation.UPDATE, this::enable)
                        .on(Operation.DELETE, this::disable)
                        .synopsis("Enables or disables an audit device."),
                PathRoute.path("audit-hash/(?<path>.+)").on(Operation.UPDATE, this::hash)
                        .synopsis("The HMAC of a value with an audit device's salt, to search its log."));
    }

    private Response list() {
        Map<String, Object> data = new LinkedHashMap<>();
        for (AuditDeviceEntry e : audit.entries()) {
            Map<String, Object> entry = e.render();
            // Beyond Vault's fields: the gauge to alert on before a full volume stops the server.
            audit.volumeSpace(e.path()).ifPresent(space -> entry.put("volume", volume(space)));
            data.put(e.path(), entry);
        }
        return Response.of(data).copyingDataToTopLevel();
    }

    private static Map<String, Object> volume(VolumeSpace space) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("free_bytes", space.freeBytes());
        m.put("total_bytes", space.totalBytes());
        m.put("warn_below_bytes", space.warnBelowBytes());
        m.put("low", space.low());
        return m;
    }

    private Response enable(EngineRequest r) {
        RequestData f = r.fields();
        String type = f.string("type").filter(t -> !t.isBlank())
                .orElseThrow(() -> CofferException.invalid("field \"type\" is required"));
        audit.enable(r.param("path"), type, f.string("description").orElse(""), options(f),
                f.bool("local").orElse(false));
        return Response.empty();
    }

    private Response disable(EngineRequest r) {
        audit.disable(r.param("path"));
        return Response.empty();
    }

    private Response hash(EngineRequest r) {
        String input = r.fields().string("input").orElse("");
        if (input.isEmpty()) {
            throw CofferException.invalid("the \"input\" parameter is empty");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("hash", audit.hash(r.param("path"), input));
        return Response.of(data).copyingDataToTopLevel();
    }

    /** Options as strings, as Vault keeps them; nested values are refused. */
    private static Map<String, String> options(RequestData f) {
        Map<String, String> out = new LinkedHashMap<>();
        f.map("options").ifPresent(m -> m.forEach((k, v) -> {
            if (v instanceof Map<?, ?> || v instanceof List<?>) {
                throw CofferException.invalid("field \"options." + ClientText.escape(k) + "\" must be a string");
            }
            if (v != null) {
                out.put(k, String.valueOf(v));
            }
        }));
        return out;
    }
}
