package io.coffer.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays rows of cells out in aligned columns, the way the vault CLI's column formatter does: cells
 * are trimmed, empty cells read {@code n/a}, columns are separated by four spaces and the last
 * column is never padded (so lines carry no trailing blanks).
 */
public final class Columns {

    static final String GLUE = "    ";
    static final String EMPTY = "n/a";

    private Columns() {
    }

    /** The rows as lines joined by {@code \n}, without a final newline; "" for no rows. */
    public static String format(List<List<String>> rows) {
        List<List<String>> cells = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> cleaned = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i) == null ? "" : row.get(i).strip();
                cell = cell.isEmpty() ? EMPTY : cell;
                cleaned.add(cell);
                int width = displayWidth(cell);
                if (widths.size() <= i) {
                    widths.add(width);
                } else if (widths.get(i) < width) {
                    widths.set(i, width);
                }
            }
            cells.add(cleaned);
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : cells) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                out.append(cell);
                if (i < row.size() - 1) {
                    out.append(" ".repeat(widths.get(i) - displayWidth(cell))).append(GLUE);
                }
            }
        }
        return out.toString();
    }

    /** Terminal columns {@code text} takes: one per code point, two for Han ideographs. */
    static int displayWidth(String text) {
        return text.codePoints()
                .map(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN ? 2 : 1)
                .sum();
    }
}
