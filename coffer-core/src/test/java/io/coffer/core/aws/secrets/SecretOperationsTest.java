package io.coffer.core.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.aws.AwsErrorType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretOperationsTest {

    private static final String T1 = "11111111-1111-1111-1111-111111111111";
    private static final String T2 = "22222222-2222-2222-2222-222222222222";
    private static final String T3 = "33333333-3333-3333-3333-333333333333";

    private final SecretsHarness h = new SecretsHarness();

    private ObjectNode create(String name, String value) {
        return h.call("CreateSecret", "{\"Name\":\"" + name + "\",\"SecretString\":\"" + value + "\",\"ClientRequestToken\":\"" + T1 + "\"}");
    }

    @Test
    void createSecret_thenGet_returnsValueVersionAndArn() {
        ObjectNode created = create("app/db", "s3cret");

        assertThat(created.get("VersionId").asText()).isEqualTo(T1);
        String arn = created.get("ARN").asText();
        assertThat(arn).matches("arn:aws:secretsmanager:us-east-1:000000000000:secret:app/db-[A-Za-z0-9]{6}");
        ObjectNode got = h.call("GetSecretValue", "{\"SecretId\":\"app/db\"}");
        assertThat(got.get("SecretString").asText()).isEqualTo("s3cret");
        assertThat(got.get("ARN").asText()).isEqualTo(arn);
        assertThat(got.get("VersionStages").toString()).isEqualTo("[\"AWSCURRENT\"]");
        assertThat(got.get("CreatedDate").isDouble()).isTrue();
        assertThat(got.get("CreatedDate").asDouble()).isEqualTo(SecretsHarness.START.toEpochMilli() / 1000.0);
    }

    @Test
    void lookup_byFullArnAndPartialArn_findsTheSecret_wrongSuffixDoesNot() {
        String arn = create("app/db", "v").get("ARN").asText();
        String partial = arn.substring(0, arn.length() - 7);

        assertThat(h.call("GetSecretValue", "{\"SecretId\":\"" + arn + "\"}").get("Name").asText()).isEqualTo("app/db");
        assertThat(h.call("GetSecretValue", "{\"SecretId\":\"" + partial + "\"}").get("Name").asText()).isEqualTo("app/db");
        h.assertFails("GetSecretValue", "{\"SecretId\":\"" + partial + "-ZZZZZZ\"}", AwsErrorType.ResourceNotFoundException);
        h.assertFails("GetSecretValue", "{\"SecretId\":\"arn:aws:secretsmanager:eu-west-1:000000000000:secret:app/db\"}",
                AwsErrorType.ResourceNotFoundException);
    }

    @Test
    void createSecret_badNamesAndDuplicates_areRefused() {
        h.assertFails("CreateSecret", "{\"Name\":\"bad name\"}", AwsErrorType.ValidationException);
        h.assertFails("CreateSecret", "{\"Name\":\"/leading\"}", AwsErrorType.InvalidParameterException);
        h.assertFails("CreateSecret", "{\"Name\":\"" + "a".repeat(513) + "\"}", AwsErrorType.ValidationException);
        h.assertFails("CreateSecret", "{\"Name\":\"x\",\"SecretString\":\"a\",\"SecretBinary\":\"YQ==\"}",
                AwsErrorType.InvalidParameterException);
        h.assertFails("CreateSecret", "{\"Name\":\"x\",\"SecretString\":\"" + "a".repeat(65537) + "\"}",
                AwsErrorType.ValidationException);
        create("dup", "v");
        h.assertFails("CreateSecret", "{\"Name\":\"dup\",\"SecretString\":\"v\"}", AwsErrorType.ResourceExistsException);
        // A retried create (same token, same value) answers as the first did.
        assertThat(create("dup", "v").get("VersionId").asText()).isEqualTo(T1);
        h.assertFails("CreateSecret", "{\"Name\":\"dup\",\"SecretString\":\"other\",\"ClientRequestToken\":\"" + T1 + "\"}",
                AwsErrorType.ResourceExistsException);
    }

    @Test
    void createSecret_withoutValue_hasNoVersion() {
        ObjectNode out = h.call("CreateSecret", "{\"Name\":\"empty\"}");
        assertThat(out.has("VersionId")).isFalse();
        h.assertFails("GetSecretValue", "{\"SecretId\":\"empty\"}", AwsErrorType.ResourceNotFoundException);
        assertThat(h.call("DescribeSecret", "{\"SecretId\":\"empty\"}").has("VersionIdsToStages")).isFalse();
    }

    @Test
    void putSecretValue_movesCurrentAndPrevious_andIsIdempotentPerToken() {
        create("s", "one");
        h.call("PutSecretValue", "{\"SecretId\":\"s\",\"SecretString\":\"two\",\"ClientRequestToken\":\"" + T2 + "\"}");
        ObjectNode again = h.call("PutSecretValue", "{\"SecretId\":\"s\",\"SecretString\":\"two\",\"ClientRequestToken\":\"" + T2 + "\"}");
        assertThat(again.get("VersionId").asText()).isEqualTo(T2);
        h.assertFails("PutSecretValue", "{\"SecretId\":\"s\",\"SecretString\":\"changed\",\"ClientRequestToken\":\"" + T2 + "\"}",
                AwsErrorType.ResourceExistsException);
        h.call("PutSecretValue", "{\"SecretId\":\"s\",\"SecretString\":\"three\",\"ClientRequestToken\":\"" + T3 + "\"}");

        JsonNode stages = h.call("DescribeSecret", "{\"SecretId\":\"s\"}").get("VersionIdsToStages");
        assertThat(stages.get(T3).toString()).isEqualTo("[\"AWSCURRENT\"]");
        assertThat(stages.get(T2).toString()).isEqualTo("[\"AWSPREVIOUS\"]");
        assertThat(stages.has(T1)).isFalse();
        assertThat(h.call("GetSecretValue", "{\"SecretId\":\"s\",\"VersionStage\":\"AWSPREVIOUS\"}").get("SecretString").asText())
                .isEqualTo("two");
        assertThat(h.call("GetSecretValue", "{\"SecretId\":\"s\",\"VersionId\":\"" + T1 + "\"}").get("SecretString").asText())
                .isEqualTo("one");
        JsonNode all = h.call("ListSecretVersionIds", "{\"SecretId\":\"s\",\"IncludeDeprecated\":true}").get("Versions");
        assertThat(all.size()).isEqualTo(3);
        assertThat(h.call("ListSecretVersionIds", "{\"SecretId\":\"s\"}").get("Versions").size()).isEqualTo(2);
    }

    @Test
    void putSecretValue_neitherValue_isRefused_customStageLeavesCurrent() {
        create("s", "one");
        h.assertFails("PutSecretValue", "{\"SecretId\":\"s\"}", AwsErrorType.InvalidRequestException);
        h.call("PutSecretValue", "{\"SecretId\":\"s\",\"SecretString\":\"two\",\"VersionStages\":[\"blue\"]}");
        assertThat(h.call("GetSecretValue", "{\"SecretId\":\"s\"}").get("SecretString").asText()).isEqualTo("one");
        assertThat(h.call("GetSecretValue", "{\"SecretId\":\"s\",\"VersionStage\":\"blue\"}").get("SecretString").asText())
                .isEqualTo("two");
    }

    @Test
    void secretBinary_roundTripsByteForByte() {
        byte[] bytes = {0, (byte) 0xff, 10, 13, (byte) 0x80};
        String b64 = Base64.getEncoder().encodeToString(bytes);
        h.call("CreateSecret", "{\"Name\":\"bin\",\"SecretBinary\":\"" + b64 + "\"}");
        ObjectNode got = h.call("GetSecretValue", "{\"SecretId\":\"bin\"}");
        assertThat(got.has("SecretString")).isFalse();
        assertThat(Base64.getDecoder().decode(got.get("SecretBinary").asText())).containsExactly(bytes);
    }

    @Test
    void updateSecretVersionStage_enforcesRemoveFromAndMovesPrevious() {
        create("s", "one");
        h.call("PutSecretValue", "{\"SecretId\":\"s\",\"SecretString\":\"two\",\"ClientRequestToken\":\"" + T2 + "\"}");
        h.assertFails("UpdateSecretVersionStage", "{\"SecretId\":\"s\",\"VersionStage\":\"AWSCURRENT\",\"MoveToVersionId\":\"" + T1 + "\"}",
                AwsErrorType.InvalidParameterException);
        h.assertFails("UpdateSecretVersionStage", "{\"SecretId\":\"s\",\"VersionStage\":\"AWSCURRENT\",\"RemoveFromVersionId\":\"" + T2 + "\"}",
                AwsErrorType.InvalidParameterException);
        h.call("UpdateSecretVersionStage", "{\"SecretId\":\"s\",\"VersionStage\":\"AWSCURRENT\",\"MoveToVersionId\":\"" + T1
                + "\",\"RemoveFromVersionId\":\"" + T2 + "\"}");

        JsonNode stages = h.call("DescribeSecret", "{\"SecretId\":\"s\"}").get("VersionIdsToStages");
        assertThat(stages.get(T1).toString()).isEqualTo("[\"AWSCURRENT\"]");
        assertThat(stages.get(T2).toString()).isEqualTo("[\"AWSPREVIOUS\"]");
        h.call("UpdateSecretVersionStage", "{\"SecretId\":\"s\",\"VersionStage\":\"AWSPREVIOUS\",\"RemoveFromVersionId\":\"" + T2 + "\"}");
        assertThat(h.call("DescribeSecret", "{\"SecretId\":\"s\"}").get("VersionIdsToStages").has(T2)).isFalse();
    }

    @Test
    void deleteSecret_windowRulesPendingReadsRestoreAndPurge() {
        create("s", "v");
        h.assertFails("DeleteSecret", "{\"SecretId\":\"s\",\"RecoveryWindowInDays\":6}", AwsErrorType.InvalidParameterException);
        h.assertFails("DeleteSecret", "{\"SecretId\":\"s\",\"RecoveryWindowInDays\":7,\"ForceDeleteWithoutRecovery\":true}",
                AwsErrorType.InvalidParameterException);
        ObjectNode deleted = h.call("DeleteSecret", "{\"SecretId\":\"s\",\"RecoveryWindowInDays\":7}");
        assertThat(deleted.get("DeletionDate").asDouble())
                .isEqualTo(SecretsHarness.START.plus(Duration.ofDays(7)).toEpochMilli() / 1000.0);
        h.assertFails("GetSecretValue", "{\"SecretId\":\"s\"}", AwsErrorType.InvalidRequestException);
        h.assertFails("PutSecretValue", "{\"SecretId\":\"s\",\"SecretString\":\"x\"}", AwsErrorType.InvalidRequestException);
        h.assertFails("CreateSecret", "{\"Name\":\"s\"}", AwsErrorType.InvalidRequestException);
        assertThat(h.call("DescribeSecret", "{\"SecretId\":\"s\"}").has("DeletedDate")).isTrue();
        assertThat(h.call("ListSecrets", "{}").get("SecretList").size()).isZero();
        assertThat(h.call("ListSecrets", "{\"IncludePlannedDeletion\":true}").get("SecretList").size()).isEqualTo(1);

        h.call("RestoreSecret", "{\"SecretId\":\"s\"}");
        assertThat(h.call("GetSecretValue", "{\"SecretId\":\"s\"}").get("SecretString").asText()).isEqualTo("v");

        h.call("DeleteSecret", "{\"SecretId\":\"s\",\"RecoveryWindowInDays\":7}");
        h.clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(h.service.purger().runOnce()).isZero();
        h.clock.advance(Duration.ofSeconds(1));
        assertThat(h.service.purger().runOnce()).isEqualTo(1);
        assertThat(h.kv.readMetadata("s")).isEmpty();
        h.assertFails("DescribeSecret", "{\"SecretId\":\"s\"}", AwsErrorType.ResourceNotFoundException);
    }

    @Test
    void deleteSecret_force_removesAtOnce() {
        create("s", "v");
        h.call("DeleteSecret", "{\"SecretId\":\"s\",\"ForceDeleteWithoutRecovery\":true}");
        assertThat(h.kv.readMetadata("s")).isEmpty();
    }

    @Test
    void purger_runsOnlyWhileUnsealed() {
        assertThat(h.service.purger().isScheduled()).isFalse();
        h.service.purger().afterUnseal();
        assertThat(h.service.purger().isScheduled()).isTrue();
        h.service.purger().beforeSeal();
        assertThat(h.service.purger().isScheduled()).isFalse();
    }

    @Test
    void describe_showsOnlyFieldsWithValues_andTagsDescriptionPolicy() {
        create("s", "v");
        ObjectNode bare = h.call("DescribeSecret", "{\"SecretId\":\"s\"}");
        assertThat(bare.has("Description")).isFalse();
        assertThat(bare.has("Tags")).isFalse();
        assertThat(bare.has("RotationEnabled")).isFalse();
        assertThat(bare.has("DeletedDate")).isFalse();
        assertThat(bare.has("LastAccessedDate")).isFalse();

        h.call("UpdateSecret", "{\"SecretId\":\"s\",\"Description\":\"db creds\",\"KmsKeyId\":\"alias/x\"}");
        h.call("TagResource", "{\"SecretId\":\"s\",\"Tags\":[{\"Key\":\"team\",\"Value\":\"a\"},{\"Key\":\"env\",\"Value\":\"prod\"}]}");
        h.call("UntagResource", "{\"SecretId\":\"s\",\"TagKeys\":[\"team\"]}");
        h.call("GetSecretValue", "{\"SecretId\":\"s\"}");
        ObjectNode d = h.call("DescribeSecret", "{\"SecretId\":\"s\"}");
        assertThat(d.get("Description").asText()).isEqualTo("db creds");
        assertThat(d.get("KmsKeyId").asText()).isEqualTo("alias/x");
        assertThat(d.get("Tags").toString()).isEqualTo("[{\"Key\":\"env\",\"Value\":\"prod\"}]");
        assertThat(d.get("LastAccessedDate").asDouble()).isEqualTo(
                SecretsHarness.START.truncatedTo(java.time.temporal.ChronoUnit.DAYS).toEpochMilli() / 1000.0);

        h.assertFails("PutResourcePolicy", "{\"SecretId\":\"s\",\"ResourcePolicy\":\"not json\"}",
                AwsErrorType.MalformedPolicyDocumentException);
        String policy = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"secretsmanager:GetSecretValue\\\",\\\"Principal\\\":\\\"*\\\",\\\"Resource\\\":\\\"*\\\"}]}";
        h.call("PutResourcePolicy", "{\"SecretId\":\"s\",\"ResourcePolicy\":\"" + policy + "\"}");
        assertThat(h.call("GetResourcePolicy", "{\"SecretId\":\"s\"}").get("ResourcePolicy").asText()).contains("GetSecretValue");
        assertThat(h.call("ValidateResourcePolicy", "{\"ResourcePolicy\":\"{}\"}").get("PolicyValidationPassed").asBoolean()).isFalse();
        assertThat(h.call("ValidateResourcePolicy", "{\"ResourcePolicy\":\"" + policy + "\"}").get("PolicyValidationPassed").asBoolean())
                .isTrue();
        h.call("DeleteResourcePolicy", "{\"SecretId\":\"s\"}");
        assertThat(h.call("GetResourcePolicy", "{\"SecretId\":\"s\"}").has("ResourcePolicy")).isFalse();
    }

    @Test
    void rotateSecret_storesSettingsAndCreatesValuelessPendingVersion_cancelClearsIt() {
        create("s", "v");
        h.assertFails("RotateSecret", "{\"SecretId\":\"s\"}", AwsErrorType.InvalidRequestException);
        ObjectNode r = h.call("RotateSecret", "{\"SecretId\":\"s\",\"ClientRequestToken\":\"" + T2
                + "\",\"RotationLambdaARN\":\"arn:aws:lambda:us-east-1:000000000000:function:rot\",\"RotationRules\":{\"AutomaticallyAfterDays\":30}}");
        assertThat(r.get("VersionId").asText()).isEqualTo(T2);
        h.assertFails("GetSecretValue", "{\"SecretId\":\"s\",\"VersionStage\":\"AWSPENDING\"}", AwsErrorType.ResourceNotFoundException);
        assertThat(h.call("GetSecretValue", "{\"SecretId\":\"s\"}").get("SecretString").asText()).isEqualTo("v");
        ObjectNode d = h.call("DescribeSecret", "{\"SecretId\":\"s\"}");
        assertThat(d.get("RotationEnabled").asBoolean()).isTrue();
        assertThat(d.get("RotationRules").get("AutomaticallyAfterDays").asInt()).isEqualTo(30);
        assertThat(d.get("NextRotationDate").asDouble())
                .isEqualTo(SecretsHarness.START.plus(Duration.ofDays(30)).toEpochMilli() / 1000.0);
        assertThat(d.get("VersionIdsToStages").get(T2).toString()).isEqualTo("[\"AWSPENDING\"]");
        // The function fills the pending version with PutSecretValue using the same token.
        h.call("PutSecretValue", "{\"SecretId\":\"s\",\"SecretString\":\"new\",\"ClientRequestToken\":\"" + T3
                + "\",\"VersionStages\":[\"AWSPENDING\"]}");

        ObjectNode c = h.call("CancelRotateSecret", "{\"SecretId\":\"s\"}");
        assertThat(c.get("VersionId").asText()).isEqualTo(T3);
        ObjectNode after = h.call("DescribeSecret", "{\"SecretId\":\"s\"}");
        assertThat(after.get("RotationEnabled").asBoolean()).isFalse();
        assertThat(after.get("VersionIdsToStages").toString()).doesNotContain("AWSPENDING");
    }

    @Test
    void listSecrets_paginatesAndSorts() {
        for (int i = 0; i < 5; i++) {
            h.call("CreateSecret", "{\"Name\":\"team/s" + i + "\",\"SecretString\":\"v\"}");
            h.clock.advance(Duration.ofSeconds(1));
        }
        List<String> names = new ArrayList<>();
        String token = null;
        do {
            ObjectNode page = h.call("ListSecrets", "{\"MaxResults\":2,\"SortOrder\":\"asc\""
                    + (token == null ? "" : ",\"NextToken\":\"" + token + "\"") + "}");
            page.get("SecretList").forEach(e -> names.add(e.get("Name").asText()));
            token = page.has("NextToken") ? page.get("NextToken").asText() : null;
        } while (token != null);
        assertThat(names).containsExactly("team/s0", "team/s1", "team/s2", "team/s3", "team/s4");
        assertThat(h.call("ListSecrets", "{}").get("SecretList").get(0).get("Name").asText()).isEqualTo("team/s4");
        h.assertFails("ListSecrets", "{\"NextToken\":\"garbage!\"}", AwsErrorType.InvalidNextTokenException);
        ObjectNode filtered = h.call("ListSecrets", "{\"Filters\":[{\"Key\":\"name\",\"Values\":[\"team/s3\"]}]}");
        assertThat(filtered.get("SecretList")).extracting(e -> e.get("Name").asText()).containsExactly("team/s3");
        ObjectNode negated = h.call("ListSecrets", "{\"Filters\":[{\"Key\":\"name\",\"Values\":[\"!team/s3\"]}]}");
        assertThat(negated.get("SecretList")).hasSize(4);
        h.assertFails("ListSecrets", "{\"Filters\":[{\"Key\":\"colour\",\"Values\":[\"x\"]}]}", AwsErrorType.ValidationException);
    }

    @Test
    void batchGetSecretValue_returnsValuesAndPerSecretErrors() {
        create("a", "va");
        ObjectNode out = h.call("BatchGetSecretValue", "{\"SecretIdList\":[\"a\",\"missing\"]}");
        assertThat(out.get("SecretValues").size()).isEqualTo(1);
        assertThat(out.get("SecretValues").get(0).get("SecretString").asText()).isEqualTo("va");
        assertThat(out.get("Errors").get(0).get("SecretId").asText()).isEqualTo("missing");
        assertThat(out.get("Errors").get(0).get("ErrorCode").asText()).isEqualTo("ResourceNotFoundException");
        h.assertFails("BatchGetSecretValue", "{}", AwsErrorType.InvalidParameterException);
    }

    @Test
    void unknownOperationAndWrongTypes_areAwsErrors() {
        h.assertFails("Nope", "{}", AwsErrorType.UnknownOperationException);
        h.assertFails("GetSecretValue", "{\"SecretId\":5}", AwsErrorType.SerializationException);
        h.assertFails("GetSecretValue", "{}", AwsErrorType.ValidationException);
    }

    @Test
    void errors_neverEchoTheValue() {
        create("s", "topsecretvalue");
        String msg = h.failure("PutSecretValue", "{\"SecretId\":\"s\",\"SecretString\":\"topsecretvalue2\",\"ClientRequestToken\":\"" + T1 + "\"}")
                .getMessage();
        assertThat(msg).doesNotContain("topsecret");
    }
}
