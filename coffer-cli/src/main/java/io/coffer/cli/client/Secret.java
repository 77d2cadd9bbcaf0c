package io.coffer.cli.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Vault's response envelope: {@code request_id}, {@code lease_id}, {@code lease_duration},
 * {@code renewable}, {@code data}, {@code warnings}, {@code wrap_info}, {@code auth}. A read-only
 * view over the decoded body; {@link #envelope()} returns the body untouched for JSON output.
 */
public final class Secret {

    private final Map<String, Object> envelope;

    public Secret(Map<String, Object> envelope) {
        this.envelope = envelope;
    }

    /** The body as the server sent it. */
    public Map<String, Object> envelope() {
        return envelope;
    }

    /** {@code data}, or {@code null} when absent or not an object. */
    public Map<String, Object> data() {
        return objectAt(envelope, "data");
    }

    /** {@code auth}, present on logins and token creation, or {@code null}. */
    public Map<String, Object> auth() {
        return objectAt(envelope, "auth");
    }

    public String leaseId() {
        Object value = envelope.get("lease_id");
        return value == null ? "" : value.toString();
    }

    /** {@code lease_duration} in seconds; 0 when absent. */
    public long leaseDuration() {
        return envelope.get("lease_duration") instanceof Number n ? n.longValue() : 0L;
    }

    public boolean renewable() {
        return Boolean.TRUE.equals(envelope.get("renewable"));
    }

    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (envelope.get("warnings") instanceof List<?> list) {
            list.forEach(w -> warnings.add(String.valueOf(w)));
        }
        return List.copyOf(warnings);
    }

    /** True when the server wrapped the response (then only the wrapping token is meaningful). */
    public boolean isWrapped() {
        return objectAt(envelope, "wrap_info") != null;
    }

    /** A copy of this envelope whose {@code data} is replaced, for rendering a subset. */
    public Secret withData(Map<String, Object> data) {
        Map<String, Object> copy = new LinkedHashMap<>(envelope);
        copy.put("data", data);
        return new Secret(copy);
    }

    /** {@code map[key]} when it is a JSON object, otherwise {@code null}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> objectAt(Map<String, Object> map, String key) {
        return map != null && map.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }
}
