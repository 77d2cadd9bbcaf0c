package io.coffer.core.engine.kv;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A key as a door with staging labels sees it: its KV metadata, its versions with ids and labels,
 * its retention rule and the opaque attributes another door keeps on it.
 *
 * @param metadata   the KV metadata
 * @param versions   the versions kept, oldest first
 * @param retention  how old versions are pruned
 * @param attributes the door's attributes; empty object when none were set. Read-only: a key read
 *                   through {@link KvStore#readStaged} shares it with every other reader
 */
public record StagedKey(KeyMetadata metadata, List<StagedVersion> versions, Retention retention, ObjectNode attributes) {

    public StagedKey {
        versions = List.copyOf(versions);
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(attributes, "attributes");
    }

    public String key() {
        return metadata.key();
    }

    public Optional<StagedVersion> byLabel(String label) {
        return versions.stream().filter(v -> v.labels().contains(label)).findFirst();
    }

    public Optional<StagedVersion> byVersionId(String versionId) {
        return versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
    }
}
