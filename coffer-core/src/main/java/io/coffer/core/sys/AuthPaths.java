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
import io.coffer.core.token.LeaseTtl;
import io.coffer.core.token.TokenStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code sys/auth} (list), {@code sys/auth/:path} (read, enable, disable) and
 * {@code sys/auth/:path/tune}: the auth method mount table, in Vault's shapes (with the
 * {@code sys/} quirk of repeating data keys at the top level). Disabling a method revokes every
 * token its logins issued; the built-in {@code token/} method can be neither enabled again nor
 * disabled.
 */
final class AuthPaths {

    private static final String TOKEN_TYPE = "token";
    /** Coffer issues service tokens only, so every auth mount reports Vault's default for them. */
    private static final String DEFAULT_TOKEN_TYPE = "default-service";

    private final MountTable authMounts;
    private final TokenStore tokens;

    AuthPaths(MountTable authMounts, TokenStore tokens) {
        this.authMounts = authMounts;
        this.tokens = tokens;
    }

    List<PathRoute> routes() {
        return List.of(
                PathRoute.path("auth").on(Operation.READ, r -> list())
                        .synopsis("Lists the enabled auth methods."),
                PathRoute.path("auth/(?<path>.+)/tune").on(Operation.READ, this::readTune)
                        .on(Operation.UPDATE, this::tune)
                        .synopsis("Reads or changes an auth method's tunable settings."),
                PathRoute.path("auth/(?<path>.+)").on(Operation.READ, this::read)
                        .on(Operation.UPDATE, this::enable)
                        .on(Operation.DELETE, this::disable)
                        .synopsis("Enables, reads or disables an auth method."));
    }

    private Response list() {
        Map<String, Object> data = new LinkedHashMap<>();
        for (MountEntry e : authMounts.entries()) {
            data.put(e.path(), render(e));
        }
        return Response.of(data).copyingDataToTopLevel();
    }

    private Response read(EngineRequest r) {
        String path = normalized(r.param("path"));
        MountEntry e = authMounts.get(path).orElseThrow(() -> CofferException.invalid("no auth method enabled at " + ClientText.escape(path)));
        return Response.of(render(e)).copyingDataToTopLevel();
    }

    private Response enable(EngineRequest r) {
        RequestData f = r.fields();
        String type = f.string("type").filter(t -> !t.isBlank())
                .orElseThrow(() -> CofferException.invalid("field \"type\" is required"));
        Optional<String> builtin = authMounts.builtinPathOf(type);
        if (builtin.isPresent()) {
            throw CofferException.invalid("the " + ClientText.escape(type) + " auth method is built in at auth/" + builtin.get()
                    + " and cannot be enabled again");
        }
        Map<String, String> options = f.stringMap("options");
        if (!options.getOrDefault("version", "").isEmpty()) {
            throw CofferException.invalid("auth method " + ClientText.quote(type) + " does not allow setting a version");
        }
        RequestData config = f.map("config").map(RequestData::new).orElse(new RequestData(Map.of()));
        checkTokenType(config.string("token_type").orElse(""));
        long defaultTtl = ttl(config, "default_lease_ttl", 0);
        long maxTtl = ttl(config, "max_lease_ttl", 0);
        if (maxTtl != 0 && defaultTtl > maxTtl) {
            throw CofferException.invalid("default_lease_ttl cannot be greater than max_lease_ttl");
        }
        if (maxTtl == 0 && defaultTtl > LeaseTtl.SYSTEM_TTL_SECONDS) {
            throw CofferException.invalid("default_lease_ttl cannot be greater than the system maximum of "
                    + LeaseTtl.SYSTEM_TTL_SECONDS + " seconds");
        }
        authMounts.mount(r.param("path"), type, f.string("description").orElse(""), options,
                new MountEntry.MountConfig(defaultTtl, maxTtl, config.bool("force_no_cache").orElse(false)));
        return Response.empty();
    }

    private Response disable(EngineRequest r) {
        String path = normalized(r.param("path"));
        Optional<MountEntry> entry = authMounts.get(path);
        if (entry.isEmpty()) {
            // Vault answers success so as not to reveal whether a mount existed.
            return Response.empty();
        }
        if (authMounts.builtinPathOf(entry.get().type()).filter(entry.get().path()::equals).isPresent()) {
            throw CofferException.invalid("the " + entry.get().type() + " auth method cannot be disabled");
        }
        String uuid = entry.get().uuid();
        tokens.revokeIssuedBy(uuid);
        authMounts.unmount(path);
        // Logins that were already past routing when the mount went away may have minted a token
        // after the first sweep; nothing can mint under this mount any more.
        tokens.revokeIssuedBy(uuid);
        return Response.empty();
    }

    private Response readTune(EngineRequest r) {
        String path = normalized(r.param("path"));
        MountEntry e = authMounts.get(path)
                .orElseThrow(() -> CofferException.invalid("cannot fetch mount entry for path " + ClientText.quote("auth/" + path)));
        LeaseTtl.Limits limits = LeaseTtl.Limits.of(e.config());
        Map<String, Object> data = new TreeMap<>();
        data.put("default_lease_ttl", limits.defaultTtl());
        data.put("description", e.description());
        data.put("force_no_cache", e.config().forceNoCache());
        data.put("max_lease_ttl", limits.maxTtl());
        if (!e.options().isEmpty()) {
            data.put("options", e.options());
        }
        data.put("token_type", DEFAULT_TOKEN_TYPE);
        return Response.of(data).copyingDataToTopLevel();
    }

    private Response tune(EngineRequest r) {
        String path = normalized(r.param("path"));
        MountEntry e = authMounts.get(path)
                .orElseThrow(() -> CofferException.invalid("cannot tune " + ClientText.quote("auth/" + path) + ": no auth method is enabled there"));
        RequestData f = r.fields();
        if (f.has("token_type")) {
            if (e.type().equals(TOKEN_TYPE)) {
                throw CofferException.invalid("token_type cannot be set for the token auth method");
            }
            checkTokenType(f.string("token_type").orElse(""));
        }
        long defaultTtl = ttl(f, "default_lease_ttl", e.config().defaultLeaseTtl());
        long maxTtl = ttl(f, "max_lease_ttl", e.config().maxLeaseTtl());
        if (defaultTtl != 0 && maxTtl != 0 && maxTtl < defaultTtl) {
            throw CofferException.invalid("max_lease_ttl of " + maxTtl + " seconds would be less than default_lease_ttl of "
                    + defaultTtl + " seconds");
        }
        Map<String, String> options = new LinkedHashMap<>(e.options());
        options.putAll(f.stringMap("options"));
        authMounts.tune(path, f.string("description").orElse(e.description()), options,
                new MountEntry.MountConfig(defaultTtl, maxTtl, e.config().forceNoCache()));
        return Response.empty();
    }

    /** A mount as {@code sys/auth} shows it: {@code sys/mounts}' shape plus the token type. */
    private static Map<String, Object> render(MountEntry e) {
        Map<String, Object> m = MountPaths.render(e, false);
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) m.get("config");
        config.put("token_type", DEFAULT_TOKEN_TYPE);
        return m;
    }

    private static void checkTokenType(String tokenType) {
        switch (tokenType) {
            case "", DEFAULT_TOKEN_TYPE, "service" -> {
            }
            case "batch", "default-batch" -> throw CofferException.invalid("batch tokens are not supported by Coffer");
            default -> throw CofferException.invalid("invalid value for 'token_type'");
        }
    }

    /** A TTL setting: a duration, {@code "system"} for the system value (0), absent or blank to keep. */
    private static long ttl(RequestData f, String field, long current) {
        Optional<Object> raw = f.raw(field);
        if (raw.isEmpty() || (raw.get() instanceof String s && s.isBlank())) {
            return current;
        }
        if (raw.get() instanceof String s && s.trim().equals("system")) {
            return 0;
        }
        if (raw.get() instanceof Number n && n.doubleValue() < 0) {
            throw CofferException.invalid("field \"" + field + "\" must not be negative");
        }
        return f.durationSeconds(field).orElse(current);
    }

    private static String normalized(String path) {
        return path.endsWith("/") ? path : path + "/";
    }
}
