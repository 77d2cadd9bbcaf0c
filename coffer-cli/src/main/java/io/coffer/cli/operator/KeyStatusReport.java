package io.coffer.cli.operator;

import io.coffer.cli.output.Columns;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The encryption key status {@code operator rotate} prints: term, install time and, when the server
 * counts them, encryptions. Read from {@code data} of {@code sys/key-status}, falling back to the top
 * level where older servers put the fields.
 */
record KeyStatusReport(Map<String, Object> keyStatus) {

    /** Go's {@code time.RFC822} in UTC, e.g. {@code 02 Jan 06 15:04 UTC}, as the vault CLI prints it. */
    private static final DateTimeFormatter RFC822 = DateTimeFormatter.ofPattern("dd MMM yy HH:mm 'UTC'", Locale.ENGLISH);

    static KeyStatusReport from(Map<String, Object> envelope) {
        Map<String, Object> fields = new LinkedHashMap<>(envelope);
        if (envelope.get("data") instanceof Map<?, ?> data) {
            data.forEach((k, v) -> fields.put(String.valueOf(k), v));
        }
        return new KeyStatusReport(fields);
    }

    /** Rows without a header, as the vault CLI lays them out under "Success! Rotated key". */
    String table() {
        Fields fields = new Fields(keyStatus);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Key Term", Long.toString(fields.number("term"))));
        rows.add(List.of("Install Time", installTime(fields.text("install_time"))));
        if (keyStatus.containsKey("encryptions")) {
            rows.add(List.of("Encryption Count", Long.toString(fields.number("encryptions"))));
        }
        return Columns.format(rows);
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("term", keyStatus.get("term"));
        json.put("install_time", keyStatus.get("install_time"));
        if (keyStatus.containsKey("encryptions")) {
            json.put("encryptions", keyStatus.get("encryptions"));
        }
        return json;
    }

    private static String installTime(String iso) {
        try {
            return RFC822.format(OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notIso) {
            return iso;
        }
    }
}
