package io.coffer.core.engine.kv;

import java.time.Instant;
import java.util.Objects;

/**
 * What is known about one version of a key without reading its data.
 *
 * @param version      the version number, from 1
 * @param createdTime  when the version was written
 * @param deletionTime when the version is or was soft-deleted; {@code null} when never. A time in
 *                     the future (set by {@code delete_version_after}) means the version is still
 *                     readable until then
 * @param destroyed    whether the data was removed permanently
 */
public record VersionMetadata(long version, Instant createdTime, Instant deletionTime, boolean destroyed) {

    public VersionMetadata {
        Objects.requireNonNull(createdTime, "createdTime");
    }

    /**
     * Whether the version counts as soft-deleted at {@code now}: a deletion time not after it. (Vault
     * asks for strictly before; with a microsecond clock a read in the same tick as the delete would
     * then still see the data, so the boundary counts as deleted here.)
     */
    public boolean isDeletedAt(Instant now) {
        return deletionTime != null && !deletionTime.isAfter(now);
    }

    /** Whether the version's data can be read at {@code now}: neither deleted nor destroyed. */
    public boolean isLiveAt(Instant now) {
        return !destroyed && !isDeletedAt(now);
    }
}
