package io.coffer.core.engine.kv;

import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * The value of one version as a door that writes whole strings or bytes (the AWS door) sees it,
 * together with its KV face ({@link #kvData()}): a JSON object string is the map it encodes, any
 * other string reads through KV as {@code {"SecretString": text}}, bytes as
 * {@code {"SecretBinary": base64}}, and a valueless version as an empty map.
 *
 * <p>{@code toString()} never shows the value.
 */
public sealed interface SecretValue {

    /** The KV field a non-object string is shown under. */
    String TEXT_FIELD = "SecretString";
    /** The KV field bytes are shown under, base64-encoded. */
    String BINARY_FIELD = "SecretBinary";

    SecretValue NONE = new None();

    /** The map KV readers see. */
    Map<String, Object> kvData();

    /**
     * A JSON object: KV data as the map. {@code original} is the exact string an AWS writer sent,
     * or null when the version was written as a map (its string form is then the map's JSON).
     */
    record JsonObject(Map<String, Object> data, String original) implements SecretValue {
        public JsonObject {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public Map<String, Object> kvData() {
            return data;
        }

        @Override
        public String toString() {
            return "JsonObject[redacted]";
        }
    }

    /** A string that is not a JSON object, kept exactly. */
    record Text(String text) implements SecretValue {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public Map<String, Object> kvData() {
            return Map.of(TEXT_FIELD, text);
        }

        @Override
        public String toString() {
            return "Text[redacted]";
        }
    }

    /** Bytes, kept exactly. */
    record Binary(byte[] bytes) implements SecretValue {
        public Binary {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public Map<String, Object> kvData() {
            return Map.of(BINARY_FIELD, Base64.getEncoder().encodeToString(bytes));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Binary b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Binary[redacted]";
        }
    }

    /** No value: a placeholder version (AWS's AWSPENDING before rotation writes it). */
    record None() implements SecretValue {
        @Override
        public Map<String, Object> kvData() {
            return Map.of();
        }
    }
}
