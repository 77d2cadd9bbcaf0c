package io.coffer.core.aws.secrets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.engine.kv.StagedKey;
import io.coffer.core.json.Json;

/** Response members several operations share. */
final class Responses {

    private Responses() {
    }

    /** {@code {"ARN": ..., "Name": ...}}. */
    static ObjectNode arnAndName(SecretsSettings settings, StagedKey key, SecretAttributes attributes) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("ARN", Arns.arn(settings, key, attributes));
        out.put("Name", key.key());
        return out;
    }
}
