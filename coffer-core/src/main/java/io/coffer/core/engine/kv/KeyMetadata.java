package io.coffer.core.engine.kv;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * The metadata of one key: its versions and its own settings.
 *
 * @param key                       the key, e.g. {@code app/db}
 * @param currentVersion            the newest version number; 0 when the key has metadata only
 * @param oldestVersion             Vault's bookkeeping of the oldest version kept: 0 until the
 *                                  first version is pruned for exceeding {@code max_versions}
 * @param createdTime               when the key was created
 * @param updatedTime               when the newest version was written (or the key created)
 * @param maxVersions               the key's own limit; 0 means the mount's (or 10)
 * @param casRequired               whether writes to this key must carry {@code cas}
 * @param deleteVersionAfterSeconds the key's own delete_version_after; 0 means none
 * @param customMetadata            free-form string pairs; empty when none
 * @param versions                  the versions kept, by number, oldest first
 */
public record KeyMetadata(
        String key,
        long currentVersion,
        long oldestVersion,
        Instant createdTime,
        Instant updatedTime,
        int maxVersions,
        boolean casRequired,
        long deleteVersionAfterSeconds,
        Map<String, String> customMetadata,
        NavigableMap<Long, VersionMetadata> versions) {

    public KeyMetadata {
        customMetadata = Collections.unmodifiableMap(customMetadata);
        versions = Collections.unmodifiableNavigableMap(versions);
    }

    /** The metadata of the current version; empty when the key has no version. */
    public Optional<VersionMetadata> current() {
        return Optional.ofNullable(versions.get(currentVersion));
    }
}
