package io.coffer.core.aws.secrets;

import io.coffer.core.aws.AccessCheck;
import io.coffer.core.engine.kv.KvStore;
import io.coffer.core.engine.kv.StagedKey;
import io.coffer.core.logical.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pages of the mount's secrets for ListSecrets and BatchGetSecretValue by filters, showing a
 * caller what its policies let it see through the Vault door, and paged by a cursor.
 *
 * <p><b>Visibility.</b> The call needs {@code list} on {@code <mount>metadata/}, like Vault's LIST
 * of the root folder. A secret in folder {@code F} is listed only when the caller may also
 * {@code list} {@code <mount>metadata/F}; it is listed with its details (description, tags,
 * rotation, dates, versions) only when the caller may {@code read} {@code <mount>metadata/N}, and
 * otherwise by name and ARN alone, with filters and date sorts seeing no more than that.
 *
 * <p><b>Cost.</b> Sorted by name, a page walks the key names in order from its cursor
 * ({@link KvStore#keysInOrder}) and decodes only the keys it looks at: about MaxResults of them
 * when filters match, whatever the page number. Sorted by a date, there is no order to walk: the
 * first page reads every key's metadata once and sorts the positions, which are kept for the next
 * pages ({@link ListingSnapshots}), so those read only the secrets they return; a page whose kept
 * order is gone is computed the first page's way from its cursor.
 */
final class SecretListing {

    private final SecretStore store;
    private final ListingSnapshots snapshots;

    SecretListing(SecretStore store) {
        this.store = store;
        this.snapshots = new ListingSnapshots(store.clock());
    }

    /** ListSecrets' SortBy; CreatedDate when absent. */
    enum SortBy {
        CREATED_DATE("created-date"), LAST_ACCESSED_DATE("last-accessed-date"), LAST_CHANGED_DATE("last-changed-date"),
        NAME("name");

        private final String wire;

        SortBy(String wire) {
            this.wire = wire;
        }

        String wire() {
            return wire;
        }

        static SortBy parse(Optional<String> given) {
            if (given.isEmpty()) {
                return CREATED_DATE;
            }
            for (SortBy s : values()) {
                if (s.wire.equals(given.get())) {
                    return s;
                }
            }
            throw Errors.validation("sortBy", given.get(),
                    "Member must satisfy enum value set: [created-date, last-accessed-date, last-changed-date, name]");
        }

        /** The date a secret sorts by (epoch milliseconds), or null when it has none; never for NAME. */
        Long value(StagedKey k, SecretAttributes a) {
            Instant at = switch (this) {
                case CREATED_DATE -> k.metadata().createdTime();
                case LAST_ACCESSED_DATE -> a.lastAccessedDate == null ? null : Instant.ofEpochMilli(a.lastAccessedDate);
                case LAST_CHANGED_DATE -> a.lastChanged(k);
                case NAME -> null;
            };
            return at == null ? null : at.toEpochMilli();
        }
    }

    /**
     * What to list.
     *
     * @param includePlannedDeletion whether secrets pending deletion are listed
     * @param filters                the Filters member
     * @param sortBy                 the sort key
     * @param descending             SortOrder {@code desc}
     * @param filtersText            the Filters member as sent ({@code ""} when absent), to tell
     *                               listings apart
     */
    record Query(boolean includePlannedDeletion, SecretFilters filters, SortBy sortBy, boolean descending,
                 String filtersText) {

        String order() {
            return descending ? "desc" : "asc";
        }

        /** What a kept order is a listing of. */
        String identity() {
            return sortBy.wire() + "\n" + order() + "\n" + includePlannedDeletion + "\n" + filtersText;
        }
    }

    /** Where a secret stands in a date-sorted listing: the date it sorts by (or null), then its name. */
    record Position(Long value, String name) {
    }

    /**
     * One listed secret.
     *
     * @param key     the key as read
     * @param details whether the caller may see its details (read on its metadata path)
     */
    record Listed(StagedKey key, SecretAttributes attributes, boolean details) {
    }

    /** A page and the token of the next one, empty on the last page. */
    record Page(List<Listed> entries, Optional<String> nextToken) {
    }

    /** The page after {@code nextToken} (the first without one), at most {@code max} entries. */
    Page page(AccessCheck access, Query query, Optional<String> nextToken, int max) {
        Optional<Pages.SecretCursor> cursor = Pages.secretCursor(nextToken, query.sortBy().wire(), query.order());
        access.require(Operation.LIST, store.settings().metadataFolder());
        KvStore kv = store.kv();
        Visibility visibility = new Visibility(access);
        return query.sortBy() == SortBy.NAME
                ? byName(kv, visibility, query, cursor, max)
                : byDate(kv, visibility, query, cursor, max);
    }

    private Page byName(KvStore kv, Visibility visibility, Query query, Optional<Pages.SecretCursor> cursor, int max) {
        Iterator<String> names = kv.keysInOrder(cursor.map(Pages.SecretCursor::name), query.descending());
        List<Listed> out = new ArrayList<>(Math.min(max, 128));
        while (out.size() < max && names.hasNext()) {
            listed(kv, visibility, query, names.next()).ifPresent(out::add);
        }
        // Only a name is read ahead: the next page may turn out empty, which AWS clients accept.
        Optional<String> next = out.size() == max && names.hasNext()
                ? Optional.of(Pages.token(new Pages.SecretCursor(query.sortBy().wire(), query.order(), null,
                        out.get(out.size() - 1).key().key(), null)))
                : Optional.empty();
        return new Page(out, next);
    }

    private Page byDate(KvStore kv, Visibility visibility, Query query, Optional<Pages.SecretCursor> cursor, int max) {
        Comparator<Position> byValue = Comparator.comparing(Position::value, Comparator.nullsFirst(Comparator.naturalOrder()));
        Comparator<Position> order = (query.descending() ? byValue.reversed() : byValue).thenComparing(Position::name);
        // A kept order holds the dates its first caller could see: it serves that caller only.
        String listingOf = visibility.access.caller() + "\n" + query.identity();
        Optional<ListingSnapshots.Snapshot> kept = cursor.map(Pages.SecretCursor::snapshot)
                .flatMap(id -> snapshots.get(id, listingOf));
        List<Position> positions;
        String snapshotId;
        if (kept.isPresent()) {
            positions = kept.get().positions();
            snapshotId = cursor.get().snapshot();
        } else {
            positions = everyPosition(kv, visibility, query);
            positions.sort(order);
            snapshotId = positions.size() > max ? snapshots.put(listingOf, positions).orElse(null) : null;
        }
        int from = 0;
        if (cursor.isPresent()) {
            Position after = new Position(cursor.get().value(), cursor.get().name());
            from = firstAfter(positions, after, order);
        }
        // The order may be a kept one: every secret shown is read and checked again now.
        List<Listed> out = new ArrayList<>(Math.min(max, 128));
        int i = from;
        while (out.size() < max && i < positions.size()) {
            listed(kv, visibility, query, positions.get(i).name()).ifPresent(out::add);
            i++;
        }
        Optional<String> next = Optional.empty();
        if (i < positions.size()) {
            Position last = positions.get(i - 1);
            next = Optional.of(Pages.token(new Pages.SecretCursor(query.sortBy().wire(), query.order(), last.value(),
                    last.name(), snapshotId)));
        }
        return new Page(out, next);
    }

    /** Every secret the caller sees, with the date it sorts by: one read of each. */
    private List<Position> everyPosition(KvStore kv, Visibility visibility, Query query) {
        List<Position> positions = new ArrayList<>();
        Iterator<String> names = kv.keysInOrder(Optional.empty(), false);
        while (names.hasNext()) {
            listed(kv, visibility, query, names.next()).ifPresent(l -> positions.add(new Position(
                    l.details() ? query.sortBy().value(l.key(), l.attributes()) : null, l.key().key())));
        }
        return positions;
    }

    /** The index of the first position after {@code after} in {@code sorted}. */
    private static int firstAfter(List<Position> sorted, Position after, Comparator<Position> order) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (order.compare(sorted.get(mid), after) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The secret {@code name} as this caller may see it, when it is listed at all. */
    private Optional<Listed> listed(KvStore kv, Visibility visibility, Query query, String name) {
        if (!visibility.canList(name) || query.filters().rejectsByName(name)) {
            return Optional.empty();
        }
        Optional<StagedKey> staged = kv.readStaged(name);
        if (staged.isEmpty()) {
            return Optional.empty();
        }
        StagedKey key = staged.get();
        SecretAttributes attrs = SecretAttributes.of(key.attributes());
        if (!query.includePlannedDeletion() && attrs.pendingDeletion()) {
            return Optional.empty();
        }
        boolean details = visibility.canRead(name);
        FilterableSecret filterable = details ? KeyFilters.filterable(key, attrs) : FilterableSecret.named(name);
        if (!query.filters().isEmpty() && !query.filters().matches(filterable)) {
            return Optional.empty();
        }
        return Optional.of(new Listed(key, attrs, details));
    }

    /** The caller's list and read rights, asked once per folder and once per secret. */
    private final class Visibility {
        private final AccessCheck access;
        private final Map<String, Boolean> listableFolders = new HashMap<>();

        Visibility(AccessCheck access) {
            this.access = access;
        }

        boolean canList(String name) {
            int slash = name.lastIndexOf('/');
            String folder = slash < 0 ? "" : name.substring(0, slash + 1);
            return listableFolders.computeIfAbsent(folder,
                    f -> access.allows(Operation.LIST, store.settings().metadataFolder() + f));
        }

        boolean canRead(String name) {
            return access.allows(Operation.READ, store.settings().metadataPath(name));
        }
    }

    /** Every key of the mount, with no access check (the purge job). */
    List<StagedKey> all() {
        List<StagedKey> out = new ArrayList<>();
        KvStore kv = store.kvIfMounted().orElse(null);
        if (kv == null) {
            return out;
        }
        Iterator<String> names = kv.keysInOrder(Optional.empty(), false);
        while (names.hasNext()) {
            kv.readStaged(names.next()).ifPresent(out::add);
        }
        return out;
    }
}
