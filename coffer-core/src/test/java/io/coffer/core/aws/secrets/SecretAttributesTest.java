package io.coffer.core.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretAttributesTest {

    @Test
    void of_readsWhatToNodeWrote_asJacksonsConversionDid() {
        SecretAttributes a = new SecretAttributes();
        a.arnSuffix = "AbC123";
        a.description = "orders database";
        a.kmsKeyId = "alias/aws/secretsmanager";
        a.tags = new LinkedHashMap<>();
        a.tags.put("z-team", "payments");
        a.tags.put("a-env", "prod");
        a.deletedDate = 1_700_000_000_123L;
        a.deletionDate = 1_702_592_000_123L;
        a.lastAccessedDate = 1_699_920_000_000L;
        a.rotationEnabled = true;
        a.rotationLambdaArn = "arn:aws:lambda:us-east-1:123456789012:function:rotate";
        a.rotationRules = Json.MAPPER.createObjectNode().put("AutomaticallyAfterDays", 30).put("Duration", "2h");
        a.resourcePolicy = "{\"Version\":\"2012-10-17\"}";
        ObjectNode stored = a.toNode();
        stored.put("written_by_a_newer_version", "ignored");

        SecretAttributes read = SecretAttributes.of(stored);

        assertThat(read.toNode()).isEqualTo(Json.MAPPER.convertValue(stored, SecretAttributes.class).toNode());
        assertThat(read.toNode()).isEqualTo(a.toNode());
        assertThat(List.copyOf(read.tags.keySet())).containsExactly("z-team", "a-env");
        assertThat(read.pendingDeletion()).isTrue();
    }

    @Test
    void of_anEmptyNode_hasNoAttributes() {
        SecretAttributes read = SecretAttributes.of(Json.MAPPER.createObjectNode());

        assertThat(read.toNode()).isEmpty();
        assertThat(read.pendingDeletion()).isFalse();
    }
}
