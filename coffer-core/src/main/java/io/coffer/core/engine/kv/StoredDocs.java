package io.coffer.core.engine.kv;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON documents a {@link KvStore} keeps in storage. Mutable and package-private: only the
 * store changes them, under the key's lock, and hands out immutable views. Times are stored in
 * {@link GoTime} form; unknown fields are ignored so that later versions may add some.
 */
final class StoredDocs {

    private StoredDocs() {
    }

    /** {@code config}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class ConfigDoc {
        @JsonProperty("max_versions")
        int maxVersions;
        @JsonProperty("cas_required")
        boolean casRequired;
        @JsonProperty("delete_version_after")
        long deleteVersionAfterSeconds;

        KvConfig view() {
            return new KvConfig(maxVersions, casRequired, deleteVersionAfterSeconds);
        }
    }

    /** One version's entry in {@link MetadataDoc#versions}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class VersionDoc {
        @JsonProperty("created_time")
        String createdTime;
        @JsonProperty("deletion_time")
        String deletionTime;
        @JsonProperty("destroyed")
        boolean destroyed;

        VersionDoc() {
        }

        VersionDoc(Instant created, Instant deletion) {
            this.createdTime = GoTime.format(created);
            this.deletionTime = deletion == null ? null : GoTime.format(deletion);
        }

        VersionMetadata view(long number) {
            return new VersionMetadata(number, GoTime.parse(createdTime), GoTime.parse(deletionTime), destroyed);
        }
    }

    /** {@code metadata/<key>}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class MetadataDoc {
        @JsonProperty("key")
        String key;
        @JsonProperty("versions")
        TreeMap<Long, VersionDoc> versions = new TreeMap<>();
        @JsonProperty("current_version")
        long currentVersion;
        @JsonProperty("oldest_version")
        long oldestVersion;
        @JsonProperty("created_time")
        String createdTime;
        @JsonProperty("updated_time")
        String updatedTime;
        @JsonProperty("max_versions")
        int maxVersions;
        @JsonProperty("cas_required")
        boolean casRequired;
        @JsonProperty("delete_version_after")
        long deleteVersionAfterSeconds;
        @JsonProperty("custom_metadata")
        Map<String, String> customMetadata;

        MetadataDoc() {
        }

        MetadataDoc(String key) {
            this.key = key;
        }

        /** The custom metadata in Vault's key order; empty when none. */
        TreeMap<String, String> custom() {
            TreeMap<String, String> sorted = CustomMetadata.newMap();
            if (customMetadata != null) {
                sorted.putAll(customMetadata);
            }
            return sorted;
        }

        KeyMetadata view() {
            TreeMap<Long, VersionMetadata> vs = new TreeMap<>();
            versions.forEach((n, v) -> vs.put(n, v.view(n)));
            return new KeyMetadata(key, currentVersion, oldestVersion, GoTime.parse(createdTime),
                    GoTime.parse(updatedTime), maxVersions, casRequired, deleteVersionAfterSeconds, custom(), vs);
        }
    }

    /** {@code versions/<hash>/<n>}: the data of one version. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class DataDoc {
        @JsonProperty("created_time")
        String createdTime;
        @JsonProperty("data")
        Map<String, Object> data;

        DataDoc() {
        }

        DataDoc(Instant created, Map<String, Object> data) {
            this.createdTime = GoTime.format(created);
            this.data = data;
        }
    }
}
