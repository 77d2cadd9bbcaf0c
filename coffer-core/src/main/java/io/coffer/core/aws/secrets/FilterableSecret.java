package io.coffer.core.aws.secrets;

import java.util.List;
import java.util.Objects;

/**
 * What ListSecrets and BatchGetSecretValue filters look at in a secret: never its value.
 *
 * @param name          the secret's name (required)
 * @param description   its description, or {@code null} when it has none
 * @param tags          its tags in their stored order
 * @param primaryRegion the region it was created in, or {@code null}
 * @param owningService the AWS service that manages it, or {@code null} (Coffer's secrets have none)
 */
public record FilterableSecret(String name, String description, List<Tag> tags, String primaryRegion,
                               String owningService) {

    public FilterableSecret {
        Objects.requireNonNull(name, "name");
        tags = List.copyOf(tags);
    }

    /** A secret with a name and nothing else, for callers that filter by name only. */
    public static FilterableSecret named(String name) {
        return new FilterableSecret(name, null, List.of(), null, null);
    }

    /** One tag; AWS allows an empty value, never an empty key. */
    public record Tag(String key, String value) {

        public Tag {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }
}
