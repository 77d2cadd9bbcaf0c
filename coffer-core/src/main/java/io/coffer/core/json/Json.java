package io.coffer.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.coffer.core.error.CofferException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one JSON mapper of Coffer and helpers around it. Parse errors become {@code INVALID_REQUEST}
 * with the kind of error and its location, never the offending text or bytes (a body may hold a
 * secret, control characters or invalid UTF-8).
 */
public final class Json {

    /**
     * Thread-safe once configured; shared. Numbers keep their exact form (no double rounding).
     * Parser and generator buffers come from a shared pool: Jackson's default pool is per thread,
     * and requests run on virtual threads that live for one request, so it would pool nothing.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .recyclerPool(JsonRecyclerPools.newConcurrentDequePool())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(200)
                .maxStringLength(64 * 1024 * 1024)
                .build());
    }

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private Json() {
    }

    /** Parses a JSON object; anything else (array, scalar, malformed) is a 400. */
    public static Map<String, Object> parseObject(byte[] json) {
        try {
            Object v = MAPPER.readValue(json, Object.class);
            if (v instanceof Map<?, ?>) {
                return MAPPER.convertValue(v, MAP);
            }
            throw CofferException.invalid("request body must be a JSON object");
        } catch (JsonProcessingException e) {
            throw CofferException.invalid("failed to parse JSON input: " + describe(e));
        } catch (IOException e) {
            throw CofferException.invalid("failed to read JSON input");
        }
    }

    /** Serializes {@code value}; a failure here is a bug. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw CofferException.internal("failed to encode JSON", e);
        }
    }

    /**
     * Encodes a JSON tree straight through a generator, the same bytes as {@link #write} gives
     * for it but without the serializer lookups of the mapper: AWS answers are trees, one per request.
     */
    public static byte[] writeTree(JsonNode tree) {
        ByteArrayBuilder out = new ByteArrayBuilder(512);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            writeNode(g, tree);
        } catch (IOException e) {
            throw CofferException.internal("failed to encode JSON", e);
        }
        return out.toByteArray();
    }

    private static void writeNode(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    g.writeFieldName(field.getKey());
                    writeNode(g, field.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode element : node) {
                    writeNode(g, element);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL, MISSING -> g.writeNull();
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> g.writeNumber(node.intValue());
                    case LONG -> g.writeNumber(node.longValue());
                    case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
                    case FLOAT -> g.writeNumber(node.floatValue());
                    case DOUBLE -> g.writeNumber(node.doubleValue());
                    case BIG_DECIMAL -> g.writeNumber(node.decimalValue());
                }
            }
            case BINARY -> g.writeBinary(node.binaryValue());
            case POJO -> MAPPER.writeValue(g, ((com.fasterxml.jackson.databind.node.POJONode) node).getPojo());
        }
    }

    /** Reads a stored document of type {@code type}; a failure means corrupt storage. */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw CofferException.internal("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }

    /**
     * What was wrong with the input and where, in words of our own: Jackson's messages quote the
     * offending token, character or byte (part of a secret, control characters, invalid UTF-8), so
     * none of their text reaches the client, only the kind of error read from the exception.
     */
    static String describe(JsonProcessingException e) {
        String what;
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            what = "the input exceeds a nesting depth, number or string length limit";
        } else if (original.startsWith("Invalid UTF-8") || original.startsWith("Invalid UTF-32")) {
            what = "the input is not valid UTF-8";
        } else if (original.startsWith("Duplicate field") || original.startsWith("Duplicate Object property")) {
            what = "a field appears more than once";
        } else if (original.startsWith("Trailing token")) {
            what = "unexpected content after the JSON value";
        } else if (original.startsWith("Unexpected end-of-input") || original.startsWith("No content to map")) {
            what = "unexpected end of input";
        } else {
            what = "malformed JSON";
        }
        return e.getLocation() == null ? what
                : what + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
}
