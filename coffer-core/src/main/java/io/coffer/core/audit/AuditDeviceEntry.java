package io.coffer.core.audit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One enabled audit device as persisted behind the barrier in the audit table.
 *
 * @param path        where it is enabled, with a trailing slash, e.g. {@code file/}
 * @param type        the device type, e.g. {@code file}
 * @param description free text
 * @param options     the device's options as given, strings as in Vault
 * @param local       kept for wire compatibility (replication is not implemented)
 * @param uuid        names the device's salt in storage; never reused
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditDeviceEntry(
        @JsonProperty("path") String path,
        @JsonProperty("type") String type,
        @JsonProperty("description") String description,
        @JsonProperty("options") Map<String, String> options,
        @JsonProperty("local") boolean local,
        @JsonProperty("uuid") String uuid) {

    public AuditDeviceEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        Objects.requireNonNull(uuid, "uuid");
    }

    /** The entry as {@code GET sys/audit} lists it. */
    public Map<String, Object> render() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("description", description);
        m.put("options", options);
        m.put("local", local);
        m.put("path", path);
        return m;
    }
}
