package io.coffer.core.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.aws.AwsServiceException;
import io.coffer.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the input of every Secrets Manager operation, as the AWS door hands it over after the
 * signature check: an operation name and an awsJson object. Each input runs against a fresh
 * in-memory store holding two secrets (one with two versions, one scheduled for deletion), so the
 * fuzzer reaches the lookups, label moves and writes, not only the validation. Any input may be
 * refused, but only with an AWS client error (4xx); a 500, anything else thrown, or an input that
 * takes seconds is a bug.
 *
 * <p>The input is the operation name, a newline, then the JSON body. Seeds and past findings are
 * in {@code src/test/resources/io/coffer/core/aws/secrets/SecretsManagerInputFuzzTestInputs/}.
 */
class SecretsManagerInputFuzzTest {

    static {
        // The first store pays for class loading; outside the per-input timeout.
        harness();
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    @DictionaryEntries({"\"SecretId\"", "\"Name\"", "\"SecretString\"", "\"SecretBinary\"", "\"VersionId\"",
            "\"VersionStage\"", "\"VersionStages\"", "\"ClientRequestToken\"", "\"Filters\"", "\"Key\"", "\"Values\"",
            "\"MaxResults\"", "\"NextToken\"", "\"Tags\"", "\"TagKeys\"", "\"Value\"", "\"MoveToVersionId\"",
            "\"RemoveFromVersionId\"", "\"RecoveryWindowInDays\"", "\"ForceDeleteWithoutRecovery\"",
            "\"ResourcePolicy\"", "\"RotationRules\"", "\"AutomaticallyAfterDays\"", "\"ScheduleExpression\"",
            "\"Duration\"", "\"SecretIdList\"", "\"SortOrder\"", "\"IncludePlannedDeletion\"", "\"Description\"",
            "\"KmsKeyId\"", "\"AWSCURRENT\"", "\"AWSPREVIOUS\"", "\"AWSPENDING\"", "\"app/db\"", "\"gone\"",
            "\"11111111-1111-1111-1111-111111111111\"", "\"22222222-2222-2222-2222-222222222222\"", "tag-key",
            "tag-value", "description", "primary-region", "all", "name", "arn:aws:secretsmanager:us-east-1:000000000000:secret:"})
    void invoke_anyInput_answersOrRefusesWithAClientError(byte[] input) {
        int newline = indexOf(input, (byte) '\n');
        String operation = new String(input, 0, newline < 0 ? input.length : newline, StandardCharsets.UTF_8);
        byte[] body = newline < 0 ? new byte[0] : Arrays.copyOfRange(input, newline + 1, input.length);
        ObjectNode object = parseLikeTheDoor(body);
        if (object == null) {
            return;
        }
        SecretsHarness h = harness();
        try {
            h.service.invoke(operation, object, h.access);
        } catch (AwsServiceException refused) {
            assertThat(refused.type().httpStatus()).as(refused.type() + ": " + refused.getMessage()).isBetween(400, 499);
        }
    }

    /** Two secrets: {@code app/db} with versions T1 (AWSPREVIOUS) and T2 (AWSCURRENT), {@code gone} deleted. */
    static SecretsHarness harness() {
        SecretsHarness h = new SecretsHarness();
        h.call("CreateSecret", "{\"Name\":\"app/db\",\"SecretString\":\"{\\\"u\\\":\\\"a\\\"}\","
                + "\"ClientRequestToken\":\"11111111-1111-1111-1111-111111111111\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}");
        h.call("PutSecretValue", "{\"SecretId\":\"app/db\",\"SecretBinary\":\"AAEC\","
                + "\"ClientRequestToken\":\"22222222-2222-2222-2222-222222222222\"}");
        h.call("CreateSecret", "{\"Name\":\"gone\",\"SecretString\":\"x\"}");
        h.call("DeleteSecret", "{\"SecretId\":\"gone\",\"RecoveryWindowInDays\":7}");
        return h;
    }

    /** What the door does with the body: empty is {}, anything not a JSON object is refused before any operation. */
    private static ObjectNode parseLikeTheDoor(byte[] body) {
        if (body.length == 0) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node instanceof ObjectNode o ? o : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
