package io.coffer.cli.kv;

import io.coffer.cli.client.Secret;
import io.coffer.cli.output.SecretTables;
import io.coffer.cli.output.SectionHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The vault CLI's table layouts for KV results. */
final class KvReport {

    private KvReport() {
    }

    /**
     * After a write on KV v2:
     *
     * <pre>
     * == Secret Path ==
     * secret/data/foo
     *
     * ======= Metadata =======
     * Key                Value
     * ---                -----
     * created_time       ...
     * </pre>
     */
    static List<String> written(String apiPath, Map<String, Object> metadata) {
        List<String> lines = new ArrayList<>(SectionHeaders.pathBlock("Secret Path", apiPath));
        Map<String, Object> shown = metadata == null ? Map.of() : metadata;
        lines.add(SectionHeaders.forTable("Metadata", shown));
        addTable(lines, SecretTables.of(shown));
        return lines;
    }

    /**
     * A read secret: on v2 the path banner, the Metadata table and then the Data table; on v1 the
     * Data table alone. Deleted or destroyed versions have metadata but no data, so only the
     * metadata shows.
     *
     * @param apiPath  the path read, shown on v2; {@code null} for v1
     * @param metadata the version's metadata, or {@code null}
     * @param data     the secret's key/value pairs, or {@code null}
     */
    static List<String> read(String apiPath, Map<String, Object> metadata, Map<String, Object> data) {
        List<String> lines = new ArrayList<>();
        if (apiPath != null) {
            lines.addAll(SectionHeaders.pathBlock("Secret Path", apiPath));
        }
        if (metadata != null) {
            lines.add(SectionHeaders.forTable("Metadata", metadata));
            addTable(lines, SecretTables.of(metadata));
            lines.add("");
        }
        if (data != null) {
            lines.add(SectionHeaders.forTable("Data", data));
            addTable(lines, SecretTables.of(data));
        }
        return lines;
    }

    /**
     * A secret's metadata: the path banner, the key-wide settings, then one table per version in
     * version order.
     *
     * @param versions the {@code versions} object of the metadata, keyed by version number
     */
    static List<String> metadata(String apiPath, Secret metadata, Map<String, Object> versions) {
        Map<String, Object> settings = new LinkedHashMap<>(metadata.data());
        settings.remove("versions");
        List<String> lines = new ArrayList<>(SectionHeaders.pathBlock("Metadata Path", apiPath));
        lines.add(SectionHeaders.forTable("Metadata", settings));
        addTable(lines, SecretTables.of(metadata.withData(settings)));
        Map<Long, Map<String, Object>> ordered = new TreeMap<>();
        versions.forEach((number, version) -> ordered.put(Long.parseLong(number), asMap(version)));
        ordered.forEach((number, version) -> {
            lines.add("");
            lines.add(SectionHeaders.forTable("Version " + number, version));
            addTable(lines, SecretTables.of(version));
        });
        return lines;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static void addTable(List<String> lines, String table) {
        if (!table.isEmpty()) {
            lines.add(table);
        }
    }
}
