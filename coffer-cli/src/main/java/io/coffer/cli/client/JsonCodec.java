package io.coffer.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CLI's JSON mapper. Objects decode to insertion-ordered maps so output mirrors the server's
 * field order, and decimals stay {@link java.math.BigDecimal} so values are echoed exactly as sent
 * (Vault's CLI keeps numbers as {@code json.Number} for the same reason).
 */
public final class JsonCodec {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private JsonCodec() {
    }

    /** Compact JSON for a request body. */
    public static byte[] encode(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be encoded as JSON", e);
        }
    }

    /**
     * Decodes one JSON object.
     *
     * @throws IllegalArgumentException when the input is not a JSON object; the message gives the
     *         location only, never the text, because the input may be a secret
     */
    public static Map<String, Object> decodeObject(InputStream json) throws IOException {
        try {
            Object value = MAPPER.readValue(json, Object.class);
            if (value instanceof Map<?, ?>) {
                return MAPPER.convertValue(value, OBJECT);
            }
            throw new IllegalArgumentException("expected a JSON object");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new IllegalArgumentException("invalid JSON" + where, e);
        }
    }

    /** Decodes one JSON object held in memory. */
    public static Map<String, Object> decodeObject(byte[] json) {
        try (InputStream in = new java.io.ByteArrayInputStream(json)) {
            return decodeObject(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
