package io.coffer.core.sys;

import io.coffer.core.audit.AuditBroker;
import io.coffer.core.audit.AuditChainVerifier;
import io.coffer.core.audit.AuditDeviceEntry;
import io.coffer.core.audit.ChainHead;
import io.coffer.core.audit.VolumeSpace;
import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.ClientText;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.RequestData;
import io.coffer.core.logical.Response;
import io.coffer.core.token.TokenEntry;
import io.coffer.core.token.TokenStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sys/audit} (list), {@code sys/audit/:path} (enable, disable) and
 * {@code sys/audit-hash/:path}, with Vault's shapes: the list is keyed by device path, data keys
 * are repeated at the top level as for every {@code sys/} response. Coffer's own, for the keyed
 * chain: {@code sys/audit-verify/:path} (verify a live device's files against its stored head)
 * and {@code sys/audit-chain-key/:path} (export the chain key, root tokens only). Both are
 * sudo-protected ({@link io.coffer.core.policy.SudoPaths}); paths of their own rather than
 * {@code sys/audit/:path/verify}, because a device path may contain slashes.
 */
final class AuditPaths {

    private final AuditBroker audit;
    private final TokenStore tokens;

    AuditPaths(AuditBroker audit, TokenStore tokens) {
        this.audit = audit;
        this.tokens = tokens;
    }

    List<PathRoute> routes() {
        return List.of(
                PathRoute.path("audit").on(Operation.READ, r -> list())
                        .synopsis("Lists the enabled audit devices."),
                PathRoute.path("audit/(?<path>.+)").on(Operation.UPDATE, this::enable)
                        .on(Operation.DELETE, this::disable)
                        .synopsis("Enables or disables an audit device."),
                PathRoute.path("audit-hash/(?<path>.+)").on(Operation.UPDATE, this::hash)
                        .synopsis("The HMAC of a value with an audit device's salt, to search its log."),
                PathRoute.path("audit-verify/(?<path>.+)").on(Operation.READ, this::verify)
                        .on(Operation.UPDATE, this::verify)
                        .synopsis("Verifies an audit device's chain of files against its stored head (sudo)."),
                PathRoute.path("audit-chain-key/(?<path>.+)").on(Operation.READ, this::chainKey)
                        .synopsis("Exports an audit device's chain key and stored head (root token only)."));
    }

    private Response verify(EngineRequest r) {
        AuditBroker.ChainReport report = audit.verifyChain(r.param("path"));
        AuditChainVerifier.Result result = report.result();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("intact", result.intact());
        data.put("files", result.files());
        data.put("lines", result.lines());
        data.put("continues_earlier_file", result.continuesEarlier());
        data.put("stored_head_checked", result.headChecked());
        result.failure().ifPresent(f -> {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("file", f.file().getFileName().toString());
            failure.put("line", f.line());
            failure.put("reason", f.reason());
            data.put("failure", failure);
        });
        data.put("stored_head", report.storedHead().map(ChainHead::render).orElse(null));
        data.put("written_head", report.writtenHead().map(ChainHead::render).orElse(null));
        data.put("chain_breaks_since_start", audit.chainBreaks());
        return Response.of(data).copyingDataToTopLevel();
    }

    private Response chainKey(EngineRequest r) {
        // Whoever holds the key can rewrite the chain: sudo is not enough, only a root token.
        Optional<TokenEntry> caller = r.request().clientToken().flatMap(tokens::lookupInFlight);
        if (caller.isEmpty() || !caller.get().isRoot()) {
            throw CofferException.permissionDenied();
        }
        AuditBroker.ExportedChainKey exported = audit.exportChainKey(r.param("path"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("key", exported.keyHex());
        data.put("algorithm", "hmac-sha256");
        data.put("stored_head", exported.storedHead().map(ChainHead::render).orElse(null));
        return Response.of(data);
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
