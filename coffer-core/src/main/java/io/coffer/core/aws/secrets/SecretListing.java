package io.coffer.core.aws.secrets;

import io.coffer.core.aws.AccessCheck;
import io.coffer.core.engine.kv.KvStore;
import io.coffer.core.engine.kv.StagedKey;
import io.coffer.core.logical.Operation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every secret of the mount, walked folder by folder, for ListSecrets and BatchGetSecretValue by
 * filters. Like Vault's LIST, it needs {@code list} on the mount's {@code metadata/} folder.
 */
final class SecretListing {

    private final SecretStore store;

    SecretListing(SecretStore store) {
        this.store = store;
    }

    /** ListSecrets' SortBy; CreatedDate when absent. */
    enum SortBy {
        CREATED_DATE("created-date"), LAST_ACCESSED_DATE("last-accessed-date"), LAST_CHANGED_DATE("last-changed-date"),
        NAME("name");

        private final String wire;

        SortBy(String wire) {
            this.wire = wire;
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

        /** Ascending order; secrets never read sort before those that were. */
        Comparator<StagedKey> comparator() {
            return switch (this) {
                case CREATED_DATE -> Comparator.comparing((StagedKey k) -> k.metadata().createdTime());
                case LAST_ACCESSED_DATE -> Comparator.comparing(
                        (StagedKey k) -> SecretAttributes.of(k.attributes()).lastAccessedDate,
                        Comparator.nullsFirst(Comparator.naturalOrder()));
                case LAST_CHANGED_DATE -> Comparator.comparing(
                        (StagedKey k) -> SecretAttributes.of(k.attributes()).lastChanged(k),
                        Comparator.nullsFirst(Comparator.naturalOrder()));
                case NAME -> Comparator.comparing(StagedKey::key);
            };
        }
    }

    /** Secrets by creation date, descending. */
    List<StagedKey> list(AccessCheck access, boolean includePlannedDeletion, Predicate<StagedKey> filter) {
        return list(access, includePlannedDeletion, filter, SortBy.CREATED_DATE, "desc");
    }

    /** Secrets sorted by {@code sortBy} ({@code asc} or {@code desc}), then name. */
    List<StagedKey> list(AccessCheck access, boolean includePlannedDeletion, Predicate<StagedKey> filter, SortBy sortBy,
                         String sortOrder) {
        access.require(Operation.LIST, store.settings().metadataFolder());
        List<StagedKey> out = new ArrayList<>();
        all().forEach(k -> {
            if ((includePlannedDeletion || !SecretAttributes.of(k.attributes()).pendingDeletion()) && filter.test(k)) {
                out.add(k);
            }
        });
        Comparator<StagedKey> by = sortBy.comparator();
        Comparator<StagedKey> order = "asc".equals(sortOrder) ? by : by.reversed();
        out.sort(order.thenComparing(StagedKey::key));
        return out;
    }

    /** Every key of the mount, with no access check (the purge job). */
    List<StagedKey> all() {
        List<StagedKey> out = new ArrayList<>();
        KvStore kv = store.kvIfMounted().orElse(null);
        if (kv == null) {
            return out;
        }
        Deque<String> folders = new ArrayDeque<>();
        folders.add("");
        while (!folders.isEmpty()) {
            String folder = folders.poll();
            for (String name : kv.listKeys(folder, false)) {
                if (name.endsWith("/")) {
                    folders.add(folder + name);
                } else {
                    kv.readStaged(folder + name).ifPresent(out::add);
                }
            }
        }
        return out;
    }
}
