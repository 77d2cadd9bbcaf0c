package io.coffer.core.engine.kv;

import java.util.Map;

/**
 * One version of a key as read: its metadata, the key's custom metadata, and its data.
 *
 * @param version        the version's metadata
 * @param customMetadata the key's custom metadata; empty when none
 * @param data           the secret data, or {@code null} when the version is deleted or destroyed
 */
public record VersionRead(VersionMetadata version, Map<String, String> customMetadata, Map<String, Object> data) {

    /** Whether the data could be read (the version is neither deleted nor destroyed). */
    public boolean live() {
        return data != null;
    }
}
