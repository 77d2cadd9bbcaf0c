package io.coffer.core.policy;

import java.util.List;
import java.util.Map;

/**
 * Vault's root-protected paths: a request to one of them needs {@code sudo} on the path in addition
 * to the capability of its operation, whatever the operation. The lists are Vault's (the system
 * backend's and the token store's "root paths"), including endpoints Coffer does not serve yet, so
 * that a policy written for Vault means the same here when they arrive. {@code sys/seal} and
 * {@code sys/step-down} are listed because Vault enforces sudo on them in code;
 * {@code sys/audit-verify/} and {@code sys/audit-chain-key/} are Coffer's own endpoints.
 *
 * <p>Matching is Vault's: within the mount ({@code sys/} or {@code auth/token/}), the longest listed
 * entry that is a prefix of the rest of the path decides; an entry written with a trailing
 * {@code *} matches as a prefix, any other entry only exactly. So {@code sys/audit} and
 * {@code sys/audit/file} are protected, {@code sys/auth} (listing auth methods) is not, and
 * {@code sys/policy/...}, {@code sys/mounts/...} and {@code sys/key-status} are not either (Vault
 * protects them by ordinary capabilities only).
 */
public final class SudoPaths {

    private static final Map<String, List<String>> ROOT_PATHS_BY_MOUNT = Map.of(
            "sys/", List.of(
                    "auth/*",
                    "remount",
                    "audit",
                    "audit/*",
                    "raw",
                    "raw/*",
                    "replication/primary/secondary-token",
                    "replication/performance/primary/secondary-token",
                    "replication/dr/primary/secondary-token",
                    "replication/reindex",
                    "replication/dr/reindex",
                    "replication/performance/reindex",
                    "rotate",
                    "config/cors",
                    "config/auditing/*",
                    "config/ui/headers/*",
                    "plugins/catalog/*",
                    "plugins/runtimes/catalog/*",
                    "revoke-prefix/*",
                    "revoke-force/*",
                    "leases/revoke-prefix/*",
                    "leases/revoke-force/*",
                    "leases/lookup/*",
                    "storage/raft/snapshot-auto/config/*",
                    "leases",
                    "internal/inspect/*",
                    "seal",
                    "step-down",
                    // Coffer's own: the audit chain's verification and key export.
                    "audit-verify/*",
                    "audit-chain-key/*"),
            "auth/token/", List.of(
                    "revoke-orphan/*",
                    "accessors*"));

    private SudoPaths() {
    }

    /** True when {@code path} (a full request path such as {@code sys/audit/file}) needs sudo. */
    public static boolean requiresSudo(String path) {
        for (Map.Entry<String, List<String>> mount : ROOT_PATHS_BY_MOUNT.entrySet()) {
            if (path.startsWith(mount.getKey())) {
                return matches(mount.getValue(), path.substring(mount.getKey().length()));
            }
        }
        return false;
    }

    private static boolean matches(List<String> entries, String remainder) {
        String longest = null;
        boolean longestIsPrefix = false;
        for (String entry : entries) {
            boolean isPrefix = entry.endsWith("*");
            String key = isPrefix ? entry.substring(0, entry.length() - 1) : entry;
            if (remainder.startsWith(key) && (longest == null || key.length() > longest.length())) {
                longest = key;
                longestIsPrefix = isPrefix;
            }
        }
        if (longest == null) {
            return false;
        }
        return longestIsPrefix || longest.equals(remainder);
    }
}
