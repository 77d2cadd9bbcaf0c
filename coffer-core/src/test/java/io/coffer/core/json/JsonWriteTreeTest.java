package io.coffer.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonWriteTreeTest {

    @Test
    void writeTree_givesTheMappersBytes_forEveryNodeType() {
        ObjectNode tree = Json.MAPPER.createObjectNode();
        tree.put("ARN", "arn:aws:secretsmanager:us-east-1:000000000000:secret:app-AbCdEf");
        tree.put("SecretString", "{\"password\":\"p\\u00e9 \\\"quoted\\\" \\n line\"} \u20ac \uD83D\uDE00");
        tree.put("int", 7).put("long", 5_000_000_000L).put("double", 1.774174530123E9).put("float", 1.5f);
        tree.put("big", new BigDecimal("12345678901234567890.000000001")).put("bigint", new BigInteger("123456789012345678901234567890"));
        tree.put("yes", true).putNull("nothing");
        tree.put("SecretBinary", "bytes".getBytes(StandardCharsets.UTF_8));
        tree.putArray("VersionStages").add("AWSCURRENT").add("AWSPREVIOUS");
        tree.putObject("nested").putArray("empty");
        tree.putObject("emptyObject");

        assertThat(new String(Json.writeTree(tree), StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.write(tree), StandardCharsets.UTF_8));
    }
}
