package io.coffer.core.aws;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.coffer.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An AWS call's input or output JSON as the map the audit log records: exactly what Jackson's
 * {@code convertValue(node, Map<String, Object>)} gives (insertion-ordered maps, lists, strings,
 * {@code Integer}/{@code Long}, booleans, nulls, {@code byte[]} for binary), built by walking the
 * tree instead of serializing all of it to a token buffer and reading it back, twice per call.
 * Other scalars (floating-point numbers become {@code BigDecimal} under {@link Json#MAPPER}'s
 * settings, big integers, POJOs) take Jackson's own conversion, one node at a time.
 */
final class AuditMaps {

    private static final JavaType OBJECT = Json.MAPPER.getTypeFactory().constructType(Object.class);

    private AuditMaps() {
    }

    static Map<String, Object> of(ObjectNode node) {
        Map<String, Object> out = new LinkedHashMap<>(Math.max(4, node.size() * 4 / 3 + 1));
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            out.put(field.getKey(), value(field.getValue()));
        }
        return out;
    }

    private static Object value(JsonNode node) {
        return switch (node) {
            case TextNode t -> t.textValue();
            case ObjectNode o -> of(o);
            case ArrayNode a -> list(a);
            case BooleanNode b -> b.booleanValue();
            case NullNode n -> null;
            case IntNode i -> i.intValue();
            case LongNode l -> l.longValue();
            case BinaryNode b -> b.binaryValue();
            default -> Json.MAPPER.convertValue(node, OBJECT);
        };
    }

    private static List<Object> list(ArrayNode array) {
        List<Object> out = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            out.add(value(element));
        }
        return out;
    }
}
