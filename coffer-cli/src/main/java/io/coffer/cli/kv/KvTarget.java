package io.coffer.cli.kv;

import io.coffer.cli.client.CofferClient;
import io.coffer.cli.client.Secret;
import io.coffer.cli.command.CommandFailure;
import java.util.Map;
import java.util.Optional;

/**
 * Which mount a KV command addresses, which engine version it runs, and so which API path each
 * operation goes to.
 *
 * <p>Two spellings are accepted, like the vault CLI: {@code -mount=secret foo}, and the older
 * {@code secret/foo} where the mount is part of the path. Either way the mount is found by asking
 * the server ({@code GET sys/internal/ui/mounts/<path>}), because only the server knows where mounts
 * end and whether one is KV v1 or v2. A 404 there means a server without that endpoint: KV v1.
 *
 * @param mountPath    the mount, as the server names it (e.g. {@code secret/}); empty if unknown
 * @param versionTwo   whether the mount is KV v2
 * @param secretPath   the secret's path including the mount for v2 (e.g. {@code secret/foo})
 */
record KvTarget(String mountPath, boolean versionTwo, String secretPath) {

    static final String PREFLIGHT = "sys/internal/ui/mounts/";

    /**
     * Resolves the target of {@code pathArgument}.
     *
     * @param mountFlag the {@code -mount} value, or {@code null} for the path-with-mount spelling
     */
    static KvTarget resolve(CofferClient client, String mountFlag, String pathArgument) {
        String path = KvPaths.sanitize(pathArgument);
        if (mountFlag == null || mountFlag.isBlank()) {
            Preflight mount = preflight(client, path);
            return new KvTarget(mount.path(), mount.versionTwo(), path);
        }
        String flagMount = KvPaths.sanitize(mountFlag);
        Preflight mount = preflight(client, flagMount);
        // Without a preflight answer the flag is the best knowledge of the mount there is.
        String mountPath = mount.path().isEmpty() ? flagMount : mount.path();
        return new KvTarget(mountPath, mount.versionTwo(), KvPaths.join(mountPath, path));
    }

    /** The path an operation goes to: {@code <mount>/<apiPrefix>/<rest>} on v2, the plain path on v1. */
    String apiPath(String apiPrefix) {
        return versionTwo ? KvPaths.withApiPrefix(secretPath, mountPath, apiPrefix) : secretPath;
    }

    /** Fails like the vault CLI when an operation exists only on KV v2. */
    KvTarget requireVersionTwo(String unsupportedMessage, int exitCode) {
        if (!versionTwo) {
            throw new CommandFailure(unsupportedMessage, exitCode);
        }
        return this;
    }

    private record Preflight(String path, boolean versionTwo) {
    }

    private static Preflight preflight(CofferClient client, String path) {
        // Errors are shown as the server worded them, without context, as the vault CLI does.
        Optional<Secret> answer = client.get(PREFLIGHT + path);
        if (answer.isEmpty()) {
            // 404: a server without the endpoint, which can only mean KV v1.
            return new Preflight("", false);
        }
        Map<String, Object> data = answer.get().data();
        if (data == null) {
            throw CommandFailure.remote("nil response from pre-flight request");
        }
        String mountPath = data.get("path") == null ? "" : data.get("path").toString();
        Map<String, Object> options = Secret.objectAt(data, "options");
        Object version = options == null ? null : options.get("version");
        return new Preflight(mountPath, version != null && "2".equals(version.toString()));
    }
}
