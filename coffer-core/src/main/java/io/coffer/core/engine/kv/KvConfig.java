package io.coffer.core.engine.kv;

/**
 * The mount-wide settings of a KV engine ({@code <mount>/config}).
 *
 * @param maxVersions               versions kept per key; 0 means the default of 10. A key's own
 *                                  non-zero setting competes with it: the larger of the two wins
 * @param casRequired               whether every write must carry {@code cas}
 * @param deleteVersionAfterSeconds delete new versions this long after writing them; 0 means
 *                                  never, {@link #DELETE_VERSION_AFTER_DISABLED} disables key
 *                                  settings as well
 */
public record KvConfig(int maxVersions, boolean casRequired, long deleteVersionAfterSeconds) {

    /** Versions kept when neither the mount nor the key sets a limit. */
    public static final int DEFAULT_MAX_VERSIONS = 10;

    /** The value of {@link #deleteVersionAfterSeconds} that disables delete_version_after entirely. */
    public static final long DELETE_VERSION_AFTER_DISABLED = -1;

    public static final KvConfig DEFAULT = new KvConfig(0, false, 0);

    /** Whether delete_version_after is switched off for the whole mount, key settings included. */
    public boolean deleteVersionAfterDisabled() {
        return deleteVersionAfterSeconds < 0;
    }

    /** Versions kept for a key whose own setting is {@code keyMaxVersions}, as Vault computes it. */
    public int effectiveMaxVersions(int keyMaxVersions) {
        int larger = Math.max(keyMaxVersions, maxVersions);
        return larger > 0 ? larger : DEFAULT_MAX_VERSIONS;
    }
}
