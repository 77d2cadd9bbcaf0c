package io.coffer.core.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * Pages of a whole listing, for storages that cannot seek: what {@link StorageBackend#listPage}
 * and {@link StorageBackend#listPageBefore} do by default. A backend that can seek overrides them.
 */
public final class PagedLists {

    private PagedLists() {
    }

    /** At most {@code limit} entries of {@code sorted} strictly after {@code after} (empty: from the start). */
    public static List<String> after(List<String> sorted, String after, int limit) {
        requirePositive(limit);
        int from = 0;
        if (!after.isEmpty()) {
            while (from < sorted.size() && StorageKeys.compare(sorted.get(from), after) <= 0) {
                from++;
            }
        }
        return List.copyOf(sorted.subList(from, Math.min(sorted.size(), from + limit)));
    }

    /** At most {@code limit} entries of {@code sorted} strictly before {@code before} (empty: from the end), last first. */
    public static List<String> before(List<String> sorted, String before, int limit) {
        requirePositive(limit);
        int to = sorted.size();
        if (!before.isEmpty()) {
            while (to > 0 && StorageKeys.compare(sorted.get(to - 1), before) >= 0) {
                to--;
            }
        }
        List<String> page = new ArrayList<>(Math.min(limit, to));
        for (int i = to - 1; i >= 0 && page.size() < limit; i--) {
            page.add(sorted.get(i));
        }
        return List.copyOf(page);
    }

    private static void requirePositive(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
    }
}
