package io.coffer.core.engine.kv;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One version of a key with its stable id and staging labels.
 *
 * @param metadata  the version's KV metadata (number, times, deletion state)
 * @param versionId the version's id (AWS VersionId): the id given when it was written, a UUID for
 *                  KV writes, {@code v<n>} for versions written before ids existed
 * @param labels    the staging labels attached to it, sorted; empty for a deprecated version
 */
public record StagedVersion(VersionMetadata metadata, String versionId, SortedSet<String> labels) {

    public StagedVersion {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(versionId, "versionId");
        labels = Collections.unmodifiableSortedSet(new TreeSet<>(labels));
    }

    public long number() {
        return metadata.version();
    }
}
