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

    /** Secrets sorted by creation date ({@code asc} or {@code desc}), then name. */
    List<StagedKey> list(AccessCheck access, boolean includePlannedDeletion, Predicate<StagedKey> filter, String sortOrder) {
        access.require(Operation.LIST, store.settings().metadataFolder());
        List<StagedKey> out = new ArrayList<>();
        all().forEach(k -> {
            if ((includePlannedDeletion || !SecretAttributes.of(k.attributes()).pendingDeletion()) && filter.test(k)) {
                out.add(k);
            }
        });
        Comparator<StagedKey> byCreated = Comparator.comparing((StagedKey k) -> k.metadata().createdTime());
        Comparator<StagedKey> order = "asc".equals(sortOrder) ? byCreated : byCreated.reversed();
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
