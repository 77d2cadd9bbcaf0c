package io.coffer.cli.output;

import java.util.List;
import java.util.Map;

/** The {@code ==== Title ====} banners the vault CLI puts above its tables. */
public final class SectionHeaders {

    /** Room a Key/Value table needs beside its widest key: four spaces of glue plus "Value". */
    private static final int VALUE_COLUMN = 4 + 5;

    private SectionHeaders() {
    }

    /** {@code title} centred in equal signs about as wide as {@code totalWidth}. */
    public static String padEqualSigns(String title, int totalWidth) {
        int signs = totalWidth - (title.length() + 2);
        if (signs <= 0) {
            signs = 4;
        }
        if (signs % 2 != 0) {
            signs++;
        }
        String side = "=".repeat(signs / 2);
        return side + " " + title + " " + side;
    }

    /** A banner sized to the Key/Value table of {@code data} beneath it. */
    public static String forTable(String title, Map<String, ?> data) {
        int widestKey = data.keySet().stream().mapToInt(String::length).max().orElse(0);
        return padEqualSigns(title, widestKey + VALUE_COLUMN);
    }

    /** A banner sized to {@code path}, then the path, then a blank line, e.g. "== Secret Path ==". */
    public static List<String> pathBlock(String title, String path) {
        return List.of(padEqualSigns(title, path.length()), path, "");
    }
}
