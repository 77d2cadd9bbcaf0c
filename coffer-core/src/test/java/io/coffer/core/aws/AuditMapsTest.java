package io.coffer.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit map of a call is exactly what Jackson's conversion gave before. */
class AuditMapsTest {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private static void assertSameAsJackson(ObjectNode node) {
        Map<String, Object> expected = Json.MAPPER.convertValue(node, MAP);
        Map<String, Object> actual = AuditMaps.of(node);
        // Compared through JSON (byte[] has identity equality) and by structure and types.
        JsonNode actualTree = Json.MAPPER.valueToTree(actual);
        JsonNode expectedTree = Json.MAPPER.valueToTree(expected);
        assertThat(actualTree).isEqualTo(expectedTree);
        assertSameTypes(actual, expected);
    }

    private static void assertSameTypes(Object actual, Object expected) {
        if (expected == null) {
            assertThat(actual).isNull();
            return;
        }
        assertThat(actual).isInstanceOf(expected.getClass());
        if (expected instanceof Map<?, ?> e) {
            Map<?, ?> a = (Map<?, ?>) actual;
            assertThat(List.copyOf(a.keySet())).isEqualTo(List.copyOf(e.keySet()));
            e.forEach((k, v) -> assertSameTypes(a.get(k), v));
        } else if (expected instanceof List<?> e) {
            List<?> a = (List<?>) actual;
            assertThat(a).hasSameSizeAs(e);
            for (int i = 0; i < e.size(); i++) {
                assertSameTypes(a.get(i), e.get(i));
            }
        } else if (expected instanceof byte[] e) {
            assertThat((byte[]) actual).isEqualTo(e);
        } else {
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void parsedRequestBodies_convertAsJacksonDoes() throws Exception {
        ObjectNode input = (ObjectNode) Json.MAPPER.readTree("""
                {"SecretId":"app/db","VersionStage":"AWSCURRENT","MaxResults":20,"Big":12345678901234,
                 "Huge":123456789012345678901234567890,"Ratio":1.5,"Yes":true,"No":false,"Nothing":null,
                 "Filters":[{"Key":"name","Values":["a","!b"]}],"Nested":{"deeper":{"list":[1,2.5,"x",null,[],{}]}},
                 "Empty":{},"Unicode":"\\u00e9\\u4e2d\\ud83d\\ude00"}
                """.getBytes(StandardCharsets.UTF_8));

        assertSameAsJackson(input);
    }

    @Test
    void builtResponses_convertAsJacksonDoes() {
        ObjectNode output = Json.MAPPER.createObjectNode();
        output.put("ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-AbCdEf");
        output.put("Name", "app/db");
        output.put("SecretBinary", new byte[] {0, 1, 2, (byte) 0xff});
        output.put("CreatedDate", 1.523477145713E9);
        output.put("Count", 3);
        output.put("Long", 3L);
        output.put("Decimal", new BigDecimal("1.25"));
        output.put("BigInt", new BigInteger("99999999999999999999"));
        output.put("Float", 2.5f);
        output.put("Short", (short) 7);
        output.putNull("Null");
        output.putArray("VersionStages").add("AWSCURRENT").add("AWSPREVIOUS");
        output.putObject("VersionIdsToStages").putArray("v1").add("AWSCURRENT");
        output.putPOJO("Pojo", Map.of("k", "v"));

        assertSameAsJackson(output);
    }
}
