package io.coffer.cli.kv;

import io.coffer.cli.client.Secret;
import java.util.Map;

/** Which value {@code -field=NAME} picks out of an envelope, by the vault CLI's rules. */
final class RawFields {

    private RawFields() {
    }

    /**
     * The envelope field {@code name}: the lease fields by their names, {@code data} as the inner
     * data of a KV v2 read when there is one, anything else from {@code data}.
     *
     * @return the value, or {@code null} when there is none
     */
    static Object of(Secret secret, String name) {
        Map<String, Object> envelope = secret.envelope();
        return switch (name) {
            case "lease_duration", "refresh_interval" -> envelope.get("lease_duration");
            case "lease_id", "request_id", "renewable" -> envelope.get(name);
            case "data" -> {
                Map<String, Object> data = secret.data();
                yield data != null && data.containsKey("data") ? data.get("data") : data;
            }
            default -> secret.data() == null ? null : secret.data().get(name);
        };
    }
}
