package io.coffer.core.aws.secrets;

import io.coffer.core.engine.kv.StagedKey;
import java.util.List;

/** What the {@code Filters} of ListSecrets and BatchGetSecretValue look at in a stored key. */
final class KeyFilters {

    private KeyFilters() {
    }

    /** Name, description and tags (Coffer has no replicas and no owning services). */
    static FilterableSecret filterable(StagedKey key, SecretAttributes a) {
        List<FilterableSecret.Tag> tags = a.tags == null ? List.of()
                : a.tags.entrySet().stream().map(e -> new FilterableSecret.Tag(e.getKey(), e.getValue())).toList();
        return new FilterableSecret(key.key(), a.description, tags, null, null);
    }
}
