package io.coffer.cli.output;

import io.coffer.cli.client.Secret;
import io.coffer.cli.text.GoDurations;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Key/Value tables of maps and of Vault secret envelopes, as the vault CLI prints them. */
public final class SecretTables {

    private SecretTables() {
    }

    /** The Key/Value table of {@code data}, keys sorted; "" for an empty map. */
    public static String of(Map<String, ?> data) {
        return Table.keyValue(rowsOf(data));
    }

    /**
     * The Key/Value table of an envelope: lease fields when the secret has a lease (as
     * {@code refresh_interval} when it has a duration but no lease id, like KV), then the token
     * fields of its {@code auth} block (logins, token creation), then its data.
     */
    public static String of(Secret secret) {
        List<List<String>> rows = new ArrayList<>();
        if (secret.leaseDuration() > 0) {
            String duration = GoDurations.human(Duration.ofSeconds(secret.leaseDuration()));
            if (secret.leaseId().isEmpty()) {
                rows.add(List.of("refresh_interval", duration));
            } else {
                rows.add(List.of("lease_id", secret.leaseId()));
                rows.add(List.of("lease_duration", duration));
                rows.add(List.of("lease_renewable", Boolean.toString(secret.renewable())));
            }
        }
        if (secret.auth() != null) {
            rows.addAll(authRows(secret.auth()));
        }
        if (secret.data() != null) {
            rows.addAll(rowsOf(secret.data()));
        }
        return Table.keyValue(rows);
    }

    /**
     * The vault CLI's rows for an {@code auth} block. The token itself is among them: this table
     * is how {@code login} and {@code token create} hand the new token to the user.
     */
    private static List<List<String>> authRows(Map<String, Object> auth) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("token", GoValues.format(auth.getOrDefault("client_token", ""))));
        rows.add(List.of("token_accessor", GoValues.format(auth.getOrDefault("accessor", ""))));
        long duration = auth.get("lease_duration") instanceof Number n ? n.longValue() : 0L;
        // A token without a TTL (a root token) never expires; Vault shows that as infinity.
        rows.add(List.of("token_duration", duration == 0 ? "\u221e" : GoDurations.human(Duration.ofSeconds(duration))));
        rows.add(List.of("token_renewable", Boolean.toString(Boolean.TRUE.equals(auth.get("renewable")))));
        rows.add(List.of("token_policies", GoValues.quotedList(auth.get("token_policies"))));
        rows.add(List.of("identity_policies", GoValues.quotedList(auth.get("identity_policies"))));
        rows.add(List.of("policies", GoValues.quotedList(auth.get("policies"))));
        if (auth.get("metadata") instanceof Map<?, ?> metadata) {
            new TreeMap<>(stringKeys(metadata)).forEach((key, value) -> rows.add(List.of("token_meta_" + key, GoValues.format(value))));
        }
        return rows;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> keyed = new TreeMap<>();
        map.forEach((k, v) -> keyed.put(String.valueOf(k), v));
        return keyed;
    }

    private static List<List<String>> rowsOf(Map<String, ?> data) {
        List<List<String>> rows = new ArrayList<>();
        new TreeMap<>(data).forEach((key, value) -> rows.add(List.of(key, cell(key, value))));
        return rows;
    }

    /** A cell's text; whole-second numbers under duration-like keys read as durations ({@code 768h}). */
    private static String cell(String key, Object value) {
        // Integers only: a decimal such as 1.5 is shown as sent, as Vault's json.Number handling does.
        if (looksLikeDuration(key) && value instanceof Number number && !(number instanceof BigDecimal)) {
            return GoDurations.human(Duration.ofSeconds(number.longValue()));
        }
        return GoValues.format(value);
    }

    /** The vault CLI's rule for which fields hold a number of seconds. */
    static boolean looksLikeDuration(String key) {
        return key.equals("period") || key.endsWith("_period")
                || key.equals("ttl") || key.endsWith("_ttl")
                || key.equals("duration") || key.endsWith("_duration")
                || key.equals("lease_max") || key.equals("ttl_max");
    }
}
