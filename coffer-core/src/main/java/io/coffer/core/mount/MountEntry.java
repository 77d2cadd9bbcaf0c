package io.coffer.core.mount;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the mount table, persisted as JSON behind the barrier.
 *
 * @param path        the mount path with a trailing slash, e.g. {@code secret/}
 * @param type        the engine type, e.g. {@code kv}
 * @param description free text
 * @param uuid        names the mount's storage prefix {@code logical/<uuid>/}; never reused
 * @param accessor    a public identifier, {@code <type>_<8 hex>}
 * @param options     engine options as strings (Vault renders {@code version} as {@code "2"})
 * @param config      lease TTLs and the like
 * @param local       kept for wire compatibility (replication is not implemented)
 * @param sealWrap    kept for wire compatibility
 */
public record MountEntry(
        @JsonProperty("path") String path,
        @JsonProperty("type") String type,
        @JsonProperty("description") String description,
        @JsonProperty("uuid") String uuid,
        @JsonProperty("accessor") String accessor,
        @JsonProperty("options") Map<String, String> options,
        @JsonProperty("config") MountConfig config,
        @JsonProperty("local") boolean local,
        @JsonProperty("seal_wrap") boolean sealWrap) {

    public MountEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(accessor, "accessor");
        options = options == null ? Map.of() : Map.copyOf(options);
        config = config == null ? MountConfig.DEFAULT : config;
    }

    /**
     * Lease and caching settings of a mount.
     *
     * @param defaultLeaseTtl seconds; 0 means the system default
     * @param maxLeaseTtl     seconds; 0 means the system default
     * @param forceNoCache    kept for wire compatibility
     */
    public record MountConfig(
            @JsonProperty("default_lease_ttl") long defaultLeaseTtl,
            @JsonProperty("max_lease_ttl") long maxLeaseTtl,
            @JsonProperty("force_no_cache") boolean forceNoCache) {

        public static final MountConfig DEFAULT = new MountConfig(0, 0, false);
    }
}
