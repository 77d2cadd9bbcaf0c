package io.coffer.core.engine.kv;

import java.util.Map;
import java.util.Objects;

/** Building {@link SecretValue}s from what a door received. */
public final class SecretValues {

    private SecretValues() {
    }

    /**
     * The value of an AWS SecretString: a JSON object becomes {@link SecretValue.JsonObject} (its map sorted as
     * KV stores maps, the string kept exactly), anything else {@link SecretValue.Text}.
     */
    public static SecretValue ofString(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            try {
                Object parsed = io.coffer.core.json.Json.MAPPER.readValue(text, Object.class);
                if (parsed instanceof Map<?, ?> map) {
                    return new SecretValue.JsonObject(JsonValues.canonicalObject(map), text);
                }
            } catch (java.io.IOException | IllegalArgumentException e) {
                // Not a JSON object after all: the string is kept as text.
            }
        }
        return new SecretValue.Text(text);
    }

}
