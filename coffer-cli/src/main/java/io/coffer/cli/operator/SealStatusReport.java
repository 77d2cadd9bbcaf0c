package io.coffer.cli.operator;

import io.coffer.cli.output.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seal status table that {@code operator status} and {@code operator unseal} print, in the
 * vault CLI's row order, and its JSON form (the {@code sys/seal-status} body plus HA fields).
 *
 * @param sealStatus the {@code sys/seal-status} (or {@code sys/unseal}) response body
 * @param leader     the {@code sys/leader} response body, or {@code null} when HA is not available
 */
record SealStatusReport(Map<String, Object> sealStatus, Map<String, Object> leader) {

    boolean sealed() {
        return new Fields(sealStatus).flag("sealed");
    }

    String table() {
        Fields seal = new Fields(sealStatus);
        Fields ha = new Fields(leader);
        String prefix = seal.flag("recovery_seal") ? "Recovery " : "";
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(prefix + "Seal Type", seal.text("type")));
        rows.add(List.of("Initialized", Boolean.toString(seal.flag("initialized"))));
        rows.add(List.of("Sealed", Boolean.toString(seal.flag("sealed"))));
        rows.add(List.of("Total " + prefix + "Shares", Long.toString(seal.number("n"))));
        rows.add(List.of("Threshold", Long.toString(seal.number("t"))));
        if (seal.flag("sealed")) {
            rows.add(List.of("Unseal Progress", seal.number("progress") + "/" + seal.number("t")));
            rows.add(List.of("Unseal Nonce", seal.text("nonce")));
        }
        if (seal.flag("migration")) {
            rows.add(List.of("Seal Migration in Progress", "true"));
        }
        rows.add(List.of("Version", seal.text("version")));
        rows.add(List.of("Build Date", seal.text("build_date")));
        rows.add(List.of("Storage Type", seal.text("storage_type")));
        if (seal.has("cluster_name") && seal.has("cluster_id")) {
            rows.add(List.of("Cluster Name", seal.text("cluster_name")));
            rows.add(List.of("Cluster ID", seal.text("cluster_id")));
        }
        boolean haEnabled = ha.flag("ha_enabled");
        rows.add(List.of("HA Enabled", Boolean.toString(haEnabled)));
        if (haEnabled && !seal.flag("sealed")) {
            rows.add(List.of("HA Cluster", ha.text("leader_cluster_address")));
            rows.add(List.of("HA Mode", ha.flag("is_self") ? "active" : "standby"));
            if (ha.flag("is_self") && ha.has("active_time")) {
                rows.add(List.of("Active Since", ha.text("active_time")));
            }
            if (!ha.flag("is_self")) {
                rows.add(List.of("Active Node Address", ha.has("leader_address") ? ha.text("leader_address") : "<none>"));
            }
        }
        if (sealStatus.get("warnings") instanceof List<?> warnings && !warnings.isEmpty()) {
            rows.add(List.of("Warnings", seal.text("warnings")));
        }
        return Table.keyValue(rows);
    }

    /** The seal status as received, plus {@code ha_enabled} and the non-empty leader fields. */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>(sealStatus);
        Fields ha = new Fields(leader);
        json.put("ha_enabled", ha.flag("ha_enabled"));
        for (String key : List.of("is_self", "active_time", "leader_address", "leader_cluster_address")) {
            if (ha.has(key) && !Boolean.FALSE.equals(leader.get(key))) {
                json.put(key, leader.get(key));
            }
        }
        return json;
    }
}
