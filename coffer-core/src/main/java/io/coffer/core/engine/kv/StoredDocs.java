package io.coffer.core.engine.kv;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

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
        /** The version's stable id (AWS VersionId); absent on versions written before ids existed. */
        @JsonProperty("version_id")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String versionId;
        /** Staging labels attached to this version; each label is on at most one version of a key. */
        @JsonProperty("labels")
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        TreeSet<String> labels = new TreeSet<>();

        VersionDoc() {
        }

        VersionDoc(Instant created, Instant deletion) {
            this.createdTime = GoTime.format(created);
            this.deletionTime = deletion == null ? null : GoTime.format(deletion);
        }

        /**
         * The last view with the fields it was made from, reused while they are unchanged: a
         * cached metadata document serves every read of its key, and parsing the times is the bulk
         * of a view.
         */
        @JsonIgnore
        private volatile ViewSource lastView;

        private record ViewSource(long number, String createdTime, String deletionTime, boolean destroyed,
                VersionMetadata view) {
        }

        VersionMetadata view(long number) {
            ViewSource last = lastView;
            if (last != null && last.number() == number && last.destroyed() == destroyed
                    && java.util.Objects.equals(last.createdTime(), createdTime)
                    && java.util.Objects.equals(last.deletionTime(), deletionTime)) {
                return last.view();
            }
            VersionMetadata fresh = new VersionMetadata(number, GoTime.parse(createdTime), GoTime.parse(deletionTime), destroyed);
            lastView = new ViewSource(number, createdTime, deletionTime, destroyed, fresh);
            return fresh;
        }

        StagedVersion staged(long number) {
            return new StagedVersion(view(number), versionId == null ? "v" + number : versionId, labels);
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
        /** How versions are pruned; null means Vault's max_versions window. */
        @JsonProperty("retention")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Retention retention;
        /** Another front door's properties of the key, kept opaque and changed under the key's lock. */
        @JsonProperty("attributes")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        ObjectNode attributes;
        /**
         * When another door scheduled the key for deletion (AWS DeleteSecret with a recovery
         * window); while set, KV reads withhold the data and KV writes are refused.
         */
        @JsonProperty("deletion_scheduled_time")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String deletionScheduledTime;
        /**
         * The staged view of this document once made, for a shared (never modified) document only:
         * see {@link KvStore#readStaged}. Every AWS read asks for it.
         */
        @JsonIgnore
        volatile StagedKey sharedStaged;

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
        /** How the value was written when not as a KV map; null for KV writes. */
        @JsonProperty("value_kind")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        ValueKind valueKind;
        /** The value exactly as written, for {@link ValueKind#JSON_OBJECT} and {@link ValueKind#TEXT}. */
        @JsonProperty("raw_string")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String rawString;
        @JsonProperty("raw_binary")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        byte[] rawBinary;

        DataDoc() {
        }

        DataDoc(Instant created, Map<String, Object> data) {
            this.createdTime = GoTime.format(created);
            this.data = data;
        }

        DataDoc(Instant created, SecretValue value) {
            this.createdTime = GoTime.format(created);
            this.data = value.kvData();
            switch (value) {
                case SecretValue.JsonObject o -> {
                    if (o.original() != null) {
                        valueKind = ValueKind.JSON_OBJECT;
                        rawString = o.original();
                    }
                }
                case SecretValue.Text t -> {
                    valueKind = ValueKind.TEXT;
                    rawString = t.text();
                }
                case SecretValue.Binary b -> {
                    valueKind = ValueKind.BINARY;
                    rawBinary = b.bytes();
                }
                case SecretValue.None n -> valueKind = ValueKind.NONE;
            }
        }

        SecretValue value() {
            if (valueKind == null) {
                return new SecretValue.JsonObject(data, null);
            }
            return switch (valueKind) {
                case JSON_OBJECT -> new SecretValue.JsonObject(data, rawString);
                case TEXT -> new SecretValue.Text(rawString);
                case BINARY -> new SecretValue.Binary(rawBinary);
                case NONE -> SecretValue.NONE;
            };
        }
    }

    enum ValueKind {
        JSON_OBJECT, TEXT, BINARY, NONE
    }
}
