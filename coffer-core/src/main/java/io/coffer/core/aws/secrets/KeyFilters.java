package io.coffer.core.aws.secrets;

import io.coffer.core.engine.kv.StagedKey;
import java.util.List;
import java.util.function.Predicate;

/** The {@code Filters} member of ListSecrets and BatchGetSecretValue as a test on stored keys. */
final class KeyFilters {

    private KeyFilters() {
    }

    static Predicate<StagedKey> parse(Input in) {
        SecretFilters filters = SecretFilters.parse(in.member("Filters"));
        if (filters.isEmpty()) {
            return key -> true;
        }
        return key -> filters.matches(filterable(key));
    }

    /** What filters may look at: name, description and tags (Coffer has no replicas and no owning services). */
    static FilterableSecret filterable(StagedKey key) {
        SecretAttributes a = SecretAttributes.of(key.attributes());
        List<FilterableSecret.Tag> tags = a.tags == null ? List.of()
                : a.tags.entrySet().stream().map(e -> new FilterableSecret.Tag(e.getKey(), e.getValue())).toList();
        return new FilterableSecret(key.key(), a.description, tags, null, null);
    }
}
