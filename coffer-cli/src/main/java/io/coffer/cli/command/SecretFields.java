package io.coffer.cli.command;

import io.coffer.cli.client.Secret;
import java.util.List;
import java.util.Map;

/**
 * Which value {@code -field=NAME} picks out of an envelope, by the vault CLI's rules: a login or
 * token-creation answer exposes its {@code auth} block under the names its table shows
 * ({@code token}, {@code token_accessor}, ...), any other answer its lease fields, and everything
 * else comes from {@code data}.
 */
public final class SecretFields {

    private SecretFields() {
    }

    /**
     * The field {@code name} of {@code secret}.
     *
     * @return the value, or {@code null} when there is none
     */
    public static Object of(Secret secret, String name) {
        Map<String, Object> auth = secret.auth();
        if (auth != null) {
            return ofAuth(secret, auth, name);
        }
        Map<String, Object> envelope = secret.envelope();
        return switch (name) {
            case "lease_duration", "refresh_interval" -> envelope.get("lease_duration");
            case "lease_id", "request_id", "renewable" -> envelope.get(name);
            case "data" -> {
                Map<String, Object> data = secret.data();
                yield data != null && data.containsKey("data") ? data.get("data") : data;
            }
            default -> fromData(secret, name);
        };
    }

    private static Object ofAuth(Secret secret, Map<String, Object> auth, String name) {
        return switch (name) {
            case "token" -> auth.get("client_token");
            case "token_accessor" -> auth.get("accessor");
            case "token_duration" -> auth.get("lease_duration");
            case "token_renewable" -> auth.get("renewable");
            // Absent policy lists read as empty lists, as the vault CLI's typed struct shows them.
            case "token_policies", "identity_policies", "policies" -> auth.get(name) == null ? List.of() : auth.get(name);
            default -> fromData(secret, name);
        };
    }

    private static Object fromData(Secret secret, String name) {
        return secret.data() == null ? null : secret.data().get(name);
    }
}
