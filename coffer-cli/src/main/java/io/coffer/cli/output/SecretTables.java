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
     * {@code refresh_interval} when it has a duration but no lease id, like KV), then its data.
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
        if (secret.data() != null) {
            rows.addAll(rowsOf(secret.data()));
        }
        return Table.keyValue(rows);
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
