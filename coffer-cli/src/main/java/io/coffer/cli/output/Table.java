package io.coffer.cli.output;

import java.util.ArrayList;
import java.util.List;

/** A table whose first row is a header underlined with dashes, e.g. {@code Key    Value / ---    -----}. */
public final class Table {

    private Table() {
    }

    /** {@code header}, its dashed underline, then {@code rows}, aligned; "" when there are no rows. */
    public static String withHeader(List<String> header, List<List<String>> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        List<List<String>> all = new ArrayList<>(rows.size() + 2);
        all.add(header);
        all.add(header.stream().map(h -> "-".repeat(h.strip().length())).toList());
        all.addAll(rows);
        return Columns.format(all);
    }

    /** The {@code Key / Value} table of {@code rows}. */
    public static String keyValue(List<List<String>> rows) {
        return withHeader(List.of("Key", "Value"), rows);
    }
}
