package io.coffer.core.aws.secrets;

import io.coffer.core.engine.kv.StagedKey;
import java.util.function.Predicate;

/**
 * ListSecrets / BatchGetSecretValue {@code Filters}. Placeholder until the filter matching
 * (name / description / tag-key / tag-value / primary-region / owning-service / all, prefix
 * matching and {@code !} negation) is merged: any non-empty Filters list is refused rather than
 * silently ignored.
 */
final class SecretFilters {

    private SecretFilters() {
    }

    static Predicate<StagedKey> parse(Input in) {
        if (in.array("Filters").map(a -> !a.isEmpty()).orElse(false)) {
            throw Errors.invalidParameter("Filters are not supported by this server yet.");
        }
        return key -> true;
    }
}
