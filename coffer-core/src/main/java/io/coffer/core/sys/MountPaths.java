package io.coffer.core.sys;

import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.ClientText;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.RequestData;
import io.coffer.core.logical.Response;
import io.coffer.core.mount.MountEntry;
import io.coffer.core.mount.MountTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sys/mounts}, {@code sys/mounts/:path}, {@code sys/mounts/:path/tune} and the vault CLI's
 * preflight {@code sys/internal/ui/mounts/:path}. Responses follow Vault's {@code sys/} quirk of
 * repeating the data keys at the top level of the envelope.
 */
final class MountPaths {

    private static final String SYS_DESCRIPTION = "system endpoints used for control, policy and debugging";

    private final MountTable mounts;
    private final MountEntry systemMount;

    MountPaths(MountTable mounts, MountEntry systemMount) {
        this.mounts = mounts;
        this.systemMount = systemMount;
    }

    static MountEntry systemMountEntry(String uuid, String accessor) {
        return new MountEntry("sys/", "system", SYS_DESCRIPTION, uuid, accessor, Map.of(), MountEntry.MountConfig.DEFAULT,
                false, false);
    }

    List<PathRoute> routes() {
        return List.of(
                PathRoute.path("mounts").on(Operation.READ, r -> listMounts())
                        .synopsis("Lists the mounted secrets engines."),
                PathRoute.path("mounts/(?<path>.+)/tune").on(Operation.READ, this::readTune)
                        .on(Operation.UPDATE, this::tune)
                        .synopsis("Reads or changes a mount's tunable settings."),
                PathRoute.path("mounts/(?<path>.+)").on(Operation.READ, this::readMount)
                        .on(Operation.UPDATE, this::mount)
                        .on(Operation.DELETE, this::unmount)
                        .synopsis("Mounts, reads or unmounts a secrets engine."),
                PathRoute.path("internal/ui/mounts").on(Operation.READ, r -> uiMounts())
                        .synopsis("Mounts visible to the caller, for the CLI and UI."),
                PathRoute.path("internal/ui/mounts/(?<path>.+)").on(Operation.READ, this::uiMount)
                        .synopsis("The mount serving a path, for the CLI's preflight."));
    }

    private Response listMounts() {
        Map<String, Object> data = new LinkedHashMap<>();
        for (MountEntry e : allMounts()) {
            data.put(e.path(), render(e, false));
        }
        return Response.of(data).copyingDataToTopLevel();
    }

    private Response readMount(EngineRequest r) {
        MountEntry e = find(r.param("path"))
                .orElseThrow(() -> CofferException.invalid("no matching mount at " + ClientText.quote(normalized(r.param("path")))));
        return Response.of(render(e, false)).copyingDataToTopLevel();
    }

    private Response mount(EngineRequest r) {
        RequestData f = r.fields();
        String type = f.string("type").filter(t -> !t.isBlank())
                .orElseThrow(() -> CofferException.invalid("field \"type\" is required"));
        Map<String, String> options = f.stringMap("options");
        if (type.equals("kv-v2")) {
            type = "kv";
            options.put("version", "2");
        }
        MountEntry.MountConfig config = config(f.map("config").map(RequestData::new).orElse(new RequestData(Map.of())),
                MountEntry.MountConfig.DEFAULT);
        mounts.mount(r.param("path"), type, f.string("description").orElse(""), options, config);
        return Response.empty();
    }

    private Response unmount(EngineRequest r) {
        mounts.unmount(r.param("path"));
        return Response.empty();
    }

    private Response readTune(EngineRequest r) {
        MountEntry e = find(r.param("path"))
                .orElseThrow(() -> CofferException.invalid("cannot fetch sysview for path " + ClientText.quote(normalized(r.param("path")))));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("default_lease_ttl", effectiveTtl(e.config().defaultLeaseTtl()));
        data.put("description", e.description());
        data.put("force_no_cache", e.config().forceNoCache());
        data.put("max_lease_ttl", effectiveTtl(e.config().maxLeaseTtl()));
        data.put("options", e.options().isEmpty() ? null : e.options());
        return Response.of(data).copyingDataToTopLevel();
    }

    private Response tune(EngineRequest r) {
        MountEntry e = find(r.param("path"))
                .orElseThrow(() -> CofferException.invalid("cannot tune " + ClientText.quote(normalized(r.param("path"))) + ": no such mount"));
        if (e.type().equals("system")) {
            throw CofferException.invalid("the sys/ mount cannot be tuned");
        }
        RequestData f = r.fields();
        Map<String, String> options = new LinkedHashMap<>(e.options());
        options.putAll(f.stringMap("options"));
        MountEntry.MountConfig config = config(f, e.config());
        mounts.tune(e.path(), f.string("description").orElse(e.description()), options, config);
        return Response.empty();
    }

    private Response uiMounts() {
        Map<String, Object> secret = new LinkedHashMap<>();
        for (MountEntry e : allMounts()) {
            secret.put(e.path(), render(e, false));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("auth", Map.of());
        data.put("secret", secret);
        return Response.of(data);
    }

    private Response uiMount(EngineRequest r) {
        String path = r.param("path");
        MountEntry e = mounts.match(path).map(m -> m.mount().entry())
                .or(() -> path.equals("sys") || path.startsWith("sys/") ? Optional.of(systemMount) : Optional.empty())
                // Vault answers 403 rather than 404 so that the preflight does not reveal mounts.
                .orElseThrow(CofferException::permissionDenied);
        return Response.of(render(e, true));
    }

    private List<MountEntry> allMounts() {
        List<MountEntry> all = new java.util.ArrayList<>(mounts.entries());
        all.add(systemMount);
        return all;
    }

    private Optional<MountEntry> find(String path) {
        String p = normalized(path);
        return p.equals("sys/") ? Optional.of(systemMount) : mounts.get(p);
    }

    private static String normalized(String path) {
        return path.endsWith("/") ? path : path + "/";
    }

    static Map<String, Object> render(MountEntry e, boolean withPath) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accessor", e.accessor());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("default_lease_ttl", e.config().defaultLeaseTtl());
        config.put("force_no_cache", e.config().forceNoCache());
        config.put("max_lease_ttl", e.config().maxLeaseTtl());
        m.put("config", config);
        m.put("description", e.description());
        m.put("external_entropy_access", false);
        m.put("local", e.local());
        m.put("options", e.options().isEmpty() ? null : e.options());
        if (withPath) {
            m.put("path", e.path());
        }
        m.put("plugin_version", "");
        m.put("running_plugin_version", "v0.0.0+builtin.coffer");
        m.put("running_sha256", "");
        m.put("seal_wrap", e.sealWrap());
        m.put("type", e.type());
        m.put("uuid", e.uuid());
        return m;
    }

    /** Vault reports the system default (768h) where a mount leaves its TTL at 0. */
    private static long effectiveTtl(long ttl) {
        return ttl == 0 ? 768 * 3600L : ttl;
    }

    private static MountEntry.MountConfig config(RequestData f, MountEntry.MountConfig base) {
        long defaultTtl = f.durationSeconds("default_lease_ttl").orElse(base.defaultLeaseTtl());
        long maxTtl = f.durationSeconds("max_lease_ttl").orElse(base.maxLeaseTtl());
        if (maxTtl != 0 && defaultTtl > maxTtl) {
            throw CofferException.invalid("default_lease_ttl cannot be greater than max_lease_ttl");
        }
        return new MountEntry.MountConfig(defaultTtl, maxTtl, f.bool("force_no_cache").orElse(base.forceNoCache()));
    }
}
