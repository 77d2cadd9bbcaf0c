package io.coffer.core.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.aws.AwsErrorType;
import io.coffer.core.aws.AwsServiceException;
import io.coffer.core.error.ClientText;
import io.coffer.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The behaviours checked against AWS's model (botocore's service-2.json for secretsmanager
 * 2017-10-17), AWS's documentation, and responses recorded from real AWS (localstack's validated
 * snapshots): error types and wording, and which members each response carries.
 */
class AwsCompatibilityTest {

    private static final String T1 = "11111111-1111-1111-1111-111111111111";
    private static final String T2 = "22222222-2222-2222-2222-222222222222";
    private static final String INVALID_NAME = "Invalid name. Must be a valid name containing alphanumeric characters, "
            + "or any of the following: -/_+=.@!";

    private final SecretsHarness h = new SecretsHarness();

    private ObjectNode create(String name, String value) {
        return h.call("CreateSecret", "{\"Name\":\"" + name + "\",\"SecretString\":\"" + value + "\",\"ClientRequestToken\":\"" + T1 + "\"}");
    }

    private AwsServiceException fails(String operation, String json, AwsErrorType type) {
        AwsServiceException e = h.failure(operation, json);
        assertThat(e).as(operation + " " + json + " should fail").isNotNull();
        assertThat(e.type()).as(e.getMessage()).isEqualTo(type);
        return e;
    }

    // ------------------------------------------------------------------ names and SecretIds

    @Test
    void invalidNameCharacters_areValidationException_onCreateAndOnEverySecretIdThatIsNoArn() {
        for (String op : List.of("DescribeSecret", "GetSecretValue", "ListSecretVersionIds", "UntagResource",
                "RestoreSecret", "GetResourcePolicy")) {
            String json = op.equals("UntagResource") ? "{\"SecretId\":\"Inv Name\",\"TagKeys\":[\"k\"]}" : "{\"SecretId\":\"Inv Name\"}";
            assertThat(fails(op, json, AwsErrorType.ValidationException).getMessage()).isEqualTo(INVALID_NAME);
        }
        assertThat(fails("CreateSecret", "{\"Name\":\" Inv*Name? \",\"SecretString\":\"v\"}", AwsErrorType.ValidationException)
                .getMessage()).isEqualTo(INVALID_NAME);
        // Even a forced delete, which otherwise succeeds for a secret that does not exist.
        fails("DeleteSecret", "{\"SecretId\":\"Inv Name\",\"ForceDeleteWithoutRecovery\":true}", AwsErrorType.ValidationException);
        // An ARN is not checked against the name characters: it is simply not found.
        fails("DescribeSecret", "{\"SecretId\":\"arn:aws:secretsmanager:us-east-1:000000000000:secret:a b\"}",
                AwsErrorType.ResourceNotFoundException);
    }

    @Test
    void nameTooLong_quotesTheConstraintAsAwsDoes_withTheValueCut() {
        String name = "a".repeat(513);
        assertThat(fails("CreateSecret", "{\"Name\":\"" + name + "\"}", AwsErrorType.ValidationException).getMessage())
                .isEqualTo("1 validation error detected: Value '" + "a".repeat(ClientText.MAX_CHARS) + ClientText.TRUNCATED
                        + "' at 'name' failed to satisfy constraint: Member must have length less than or equal to 512");
        assertThat(fails("CreateSecret", "{\"Name\":\"\"}", AwsErrorType.ValidationException).getMessage())
                .endsWith("at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void namesThatAreNoKvPaths_areRefusedWithTheReason_andCannotBeFound() {
        for (String name : List.of("/prod/db", "prod/db/", "prod//db", "prod/./db", "prod/../db")) {
            assertThat(fails("CreateSecret", "{\"Name\":\"" + name + "\",\"SecretString\":\"v\"}", AwsErrorType.InvalidParameterException)
                    .getMessage()).contains("KV paths");
        }
        create("prod/db", "v");
        // "/prod/db" is not another spelling of "prod/db": AWS would treat them as two secrets.
        fails("GetSecretValue", "{\"SecretId\":\"/prod/db\"}", AwsErrorType.ResourceNotFoundException);
        assertThat(h.kv.readMetadata("prod/db")).isPresent();
    }

    @Test
    void nameWithArnLikeSuffix_isFoundByName_butItsPartialArnReadsAsAFullArnAndIsNotFound() {
        String arn = create("app-a1b2c3", "v").get("ARN").asText();
        assertThat(h.call("GetSecretValue", "{\"SecretId\":\"app-a1b2c3\"}").get("SecretString").asText()).isEqualTo("v");
        assertThat(h.call("GetSecretValue", "{\"SecretId\":\"" + arn + "\"}").get("SecretString").asText()).isEqualTo("v");
        fails("GetSecretValue", "{\"SecretId\":\"" + arn.substring(0, arn.length() - 7) + "\"}", AwsErrorType.ResourceNotFoundException);
    }

    @Test
    void nameWithTheArnSuffixAppended_isNoName() {
        String arn = create("app", "v").get("ARN").asText();
        String suffix = arn.substring(arn.length() - 6);
        fails("GetSecretValue", "{\"SecretId\":\"app-" + suffix + "\"}", AwsErrorType.ResourceNotFoundException);
    }

    // ------------------------------------------------------------------ values and tokens

    @Test
    void oversizeAndEmptyValues_areValidationExceptions_withoutTheValue() {
        create("s", "v");
        String big = "x".repeat(65537);
        String msg = fails("PutSecretValue", "{\"SecretId\":\"s\",\"SecretString\":\"" + big + "\"}", AwsErrorType.ValidationException)
                .getMessage();
        assertThat(msg).isEqualTo("1 validation error detected: Value at 'secretString' failed to satisfy constraint: "
                + "Member must have length less than or equal to 65536");
        h.call("PutSecretValue", "{\"SecretId\":\"s\",\"SecretString\":\"" + "x".repeat(65536) + "\"}");
        String bigBinary = java.util.Base64.getEncoder().encodeToString(new byte[65537]);
        assertThat(fails("PutSecretValue", "{\"SecretId\":\"s\",\"SecretBinary\":\"" + bigBinary + "\"}", AwsErrorType.ValidationException)
                .getMessage()).contains("Value at 'secretBinary'").doesNotContain("AAAA");
        assertThat(fails("PutSecretValue", "{\"SecretId\":\"s\",\"SecretString\":\"\"}", AwsErrorType.ValidationException)
                .getMessage()).endsWith("Member must have length greater than or equal to 1");
        fails("CreateSecret", "{\"Name\":\"e\",\"SecretBinary\":\"\"}", AwsErrorType.ValidationException);
    }

    @Test
    void clientRequestTokenLength_isValidationException() {
        assertThat(fails("CreateSecret", "{\"Name\":\"s\",\"SecretString\":\"v\",\"ClientRequestToken\":\"short\"}",
                AwsErrorType.ValidationException).getMessage())
                .isEqualTo("1 validation error detected: Value 'short' at 'clientRequestToken' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 32");
        fails("CreateSecret", "{\"Name\":\"s\",\"SecretString\":\"v\",\"ClientRequestToken\":\"" + "a".repeat(65) + "\"}",
                AwsErrorType.ValidationException);
    }

    @Test
    void putSecretValue_neitherValue_isInvalidRequest_bothIsInvalidParameter() {
        create("s", "v");
        assertThat(fails("PutSecretValue", "{\"SecretId\":\"s\"}", AwsErrorType.InvalidRequestException).getMessage())
                .isEqualTo("You must provide either SecretString or SecretBinary.");
        fails("PutSecretValue", "{\"SecretId\":\"s\",\"SecretString\":\"a\",\"SecretBinary\":\"YQ==\"}",
                AwsErrorType.InvalidParameterException);
    }

    @Test
    void updateSecret_tokenOfAnExistingVersion_isRefusedEvenWithTheSameValue() {
        create("s", "v");
        fails("UpdateSecret", "{\"SecretId\":\"s\",\"SecretString\":\"v\",\"ClientRequestToken\":\"" + T1 + "\"}",
                AwsErrorType.ResourceExistsException);
        // PutSecretValue stays idempotent for the same token and value.
        assertThat(h.call("PutSecretValue", "{\"SecretId\":\"s\",\"SecretString\":\"v\",\"ClientRequestToken\":\"" + T1 + "\"}")
                .get("VersionId").asText()).isEqualTo(T1);
    }

    // ------------------------------------------------------------------ reads

    @Test
    void getSecretValue_versionAndStageMismatch_isInvalidRequest_unknownOnesAreNotFound() {
        create("s", "v");
        assertThat(fails("GetSecretValue", "{\"SecretId\":\"s\",\"VersionId\":\"" + T1 + "\",\"VersionStage\":\"AWSPREVIOUS\"}",
                AwsErrorType.InvalidRequestException).getMessage())
                .isEqualTo("You provided a VersionStage that is not associated to the provided VersionId.");
        assertThat(fails("GetSecretValue", "{\"SecretId\":\"s\",\"VersionId\":\"" + T2 + "\"}", AwsErrorType.ResourceNotFoundException)
                .getMessage()).isEqualTo("Secrets Manager can't find the specified secret value for VersionId: " + T2);
        assertThat(fails("GetSecretValue", "{\"SecretId\":\"s\",\"VersionStage\":\"AWSPENDING\"}", AwsErrorType.ResourceNotFoundException)
                .getMessage()).isEqualTo("Secrets Manager can't find the specified secret value for staging label: AWSPENDING");
        fails("GetSecretValue", "{\"SecretId\":\"s\",\"VersionId\":\"too-short\"}", AwsErrorType.ValidationException);
    }

    @Test
    void timestamps_areEpochSecondsWithMillisecondFraction_asJsonNumbers() {
        create("s", "v");
        ObjectNode got = h.call("GetSecretValue", "{\"SecretId\":\"s\"}");
        String json = new String(Json.write(got), StandardCharsets.UTF_8);
        // START is 2026-03-22T10:15:30.123456789Z: whole milliseconds only, as AWS sends them.
        assertThat(json).contains("\"CreatedDate\":1.774174530123E9");
        assertThat(got.get("CreatedDate").isNumber()).isTrue();
    }

    // ------------------------------------------------------------------ deletion

    @Test
    void pendingDeletion_refusesEveryChange_butDescribeListVersionsRestoreAndForcedDeleteWork() {
        create("s", "v");
        h.call("TagResource", "{\"SecretId\":\"s\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}");
        h.call("DeleteSecret", "{\"SecretId\":\"s\"}");
        String marked = "You can't perform this operation on the secret because it was marked for deletion.";
        assertThat(fails("GetSecretValue", "{\"SecretId\":\"s\"}", AwsErrorType.InvalidRequestException).getMessage()).isEqualTo(marked);
        assertThat(fails("TagResource", "{\"SecretId\":\"s\",\"Tags\":[{\"Key\":\"a\",\"Value\":\"b\"}]}",
                AwsErrorType.InvalidRequestException).getMessage()).isEqualTo(marked);
        assertThat(fails("UntagResource", "{\"SecretId\":\"s\",\"TagKeys\":[\"k\"]}", AwsErrorType.InvalidRequestException)
                .getMessage()).isEqualTo(marked);
        fails("UpdateSecret", "{\"SecretId\":\"s\",\"Description\":\"d\"}", AwsErrorType.InvalidRequestException);
        fails("PutSecretValue", "{\"SecretId\":\"s\",\"SecretString\":\"x\"}", AwsErrorType.InvalidRequestException);
        fails("UpdateSecretVersionStage", "{\"SecretId\":\"s\",\"VersionStage\":\"x\",\"MoveToVersionId\":\"" + T1 + "\"}",
                AwsErrorType.InvalidRequestException);
        fails("PutResourcePolicy", "{\"SecretId\":\"s\",\"ResourcePolicy\":\"{\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"*\\\"}]}\"}",
                AwsErrorType.InvalidRequestException);
        assertThat(fails("DeleteSecret", "{\"SecretId\":\"s\"}", AwsErrorType.InvalidRequestException).getMessage())
                .isEqualTo("You tried to perform the operation on a secret that's currently marked deleted.");

        assertThat(h.call("DescribeSecret", "{\"SecretId\":\"s\"}").has("DeletedDate")).isTrue();
        assertThat(h.call("ListSecretVersionIds", "{\"SecretId\":\"s\"}").get("Versions").size()).isEqualTo(1);
        ObjectNode forced = h.call("DeleteSecret", "{\"SecretId\":\"s\",\"ForceDeleteWithoutRecovery\":true}");
        assertThat(fieldNames(forced)).containsExactly("ARN", "Name", "DeletionDate");
        assertThat(h.kv.readMetadata("s")).isEmpty();
    }

    @Test
    void deleteSecret_windowOutOfRange_isInvalidParameter_evenWithForce() {
        create("s", "v");
        for (String days : List.of("6", "31", "0")) {
            assertThat(fails("DeleteSecret", "{\"SecretId\":\"s\",\"RecoveryWindowInDays\":" + days + "}",
                    AwsErrorType.InvalidParameterException).getMessage()).contains("between 7 and 30 days");
        }
        assertThat(fails("DeleteSecret", "{\"SecretId\":\"s\",\"RecoveryWindowInDays\":5,\"ForceDeleteWithoutRecovery\":true}",
                AwsErrorType.InvalidParameterException).getMessage()).contains("between 7 and 30 days");
        assertThat(fails("DeleteSecret", "{\"SecretId\":\"s\",\"RecoveryWindowInDays\":30,\"ForceDeleteWithoutRecovery\":true}",
                AwsErrorType.InvalidParameterException).getMessage()).contains("in conjunction with RecoveryWindowInDays");
    }

    @Test
    void forcedDeleteOfASecretThatDoesNotExist_succeeds_normalDeleteIsNotFound() {
        ObjectNode out = h.call("DeleteSecret", "{\"SecretId\":\"never\",\"ForceDeleteWithoutRecovery\":true}");
        assertThat(out.get("Name").asText()).isEqualTo("never");
        assertThat(out.get("ARN").asText()).matches("arn:aws:secretsmanager:us-east-1:000000000000:secret:never-[A-Za-z0-9]{6}");
        assertThat(out.get("DeletionDate").isNumber()).isTrue();
        fails("DeleteSecret", "{\"SecretId\":\"never\"}", AwsErrorType.ResourceNotFoundException);
        // It still needs delete on the path, so it does not tell a caller without access anything either.
        h.access.denied.add("delete secret/metadata/never");
        fails("DeleteSecret", "{\"SecretId\":\"never\",\"ForceDeleteWithoutRecovery\":true}", AwsErrorType.AccessDeniedException);
    }

    // ------------------------------------------------------------------ labels

    @Test
    void updateSecretVersionStage_ruleViolations_areInvalidParameter_withAwsWording() {
        create("s", "one");
        String v2 = h.call("PutSecretValue", "{\"SecretId\":\"s\",\"SecretString\":\"two\",\"ClientRequestToken\":\"" + T2 + "\"}")
                .get("VersionId").asText();
        assertThat(fails("UpdateSecretVersionStage", "{\"SecretId\":\"s\",\"VersionStage\":\"AWSCURRENT\",\"MoveToVersionId\":\"" + T1 + "\"}",
                AwsErrorType.InvalidParameterException).getMessage())
                .isEqualTo("The parameter RemoveFromVersionId can't be empty. Staging label AWSCURRENT is currently attached to version "
                        + v2 + ", so you must explicitly reference that version in RemoveFromVersionId.");
        assertThat(fails("UpdateSecretVersionStage", "{\"SecretId\":\"s\",\"VersionStage\":\"AWSCURRENT\",\"MoveToVersionId\":\"" + T1
                + "\",\"RemoveFromVersionId\":\"" + T1 + "\"}", AwsErrorType.InvalidParameterException).getMessage())
                .isEqualTo("Version stage AWSCURRENT not found in version " + T1);
        String unknown = "99999999-9999-9999-9999-999999999999";
        assertThat(fails("UpdateSecretVersionStage", "{\"SecretId\":\"s\",\"VersionStage\":\"x\",\"MoveToVersionId\":\"" + unknown + "\"}",
                AwsErrorType.InvalidParameterException).getMessage()).isEqualTo("Not a valid version: " + unknown);
        fails("UpdateSecretVersionStage", "{\"SecretId\":\"s\",\"VersionStage\":\"AWSCURRENT\",\"RemoveFromVersionId\":\"" + v2 + "\"}",
                AwsErrorType.InvalidParameterException);
        fails("UpdateSecretVersionStage", "{\"SecretId\":\"s\",\"VersionStage\":\"x\",\"MoveToVersionId\":\"short\"}",
                AwsErrorType.ValidationException);
        // Allowed moves answer with ARN and Name only.
        ObjectNode moved = h.call("UpdateSecretVersionStage", "{\"SecretId\":\"s\",\"VersionStage\":\"AWSCURRENT\",\"MoveToVersionId\":\""
                + T1 + "\",\"RemoveFromVersionId\":\"" + v2 + "\"}");
        assertThat(fieldNames(moved)).containsExactly("ARN", "Name");
    }

    @Test
    void updateSecretVersionStage_twentyFirstLabelOnAVersion_isLimitExceeded() {
        create("s", "one");
        for (int i = 0; i < 19; i++) {
            h.call("UpdateSecretVersionStage", "{\"SecretId\":\"s\",\"VersionStage\":\"l" + i + "\",\"MoveToVersionId\":\"" + T1 + "\"}");
        }
        fails("UpdateSecretVersionStage", "{\"SecretId\":\"s\",\"VersionStage\":\"l19\",\"MoveToVersionId\":\"" + T1 + "\"}",
                AwsErrorType.LimitExceededException);
    }

    // ------------------------------------------------------------------ tags

    @Test
    void tagLimits_lengthsReservedPrefixAndCount() {
        create("s", "v");
        assertThat(fails("TagResource", "{\"SecretId\":\"s\",\"Tags\":[{\"Key\":\"ok\",\"Value\":\"v\"},{\"Key\":\"" + "k".repeat(129)
                + "\",\"Value\":\"v\"}]}", AwsErrorType.ValidationException).getMessage())
                .contains("at 'tags.2.member.key' failed to satisfy constraint: Member must have length less than or equal to 128");
        assertThat(fails("TagResource", "{\"SecretId\":\"s\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"" + "v".repeat(257) + "\"}]}",
                AwsErrorType.ValidationException).getMessage()).contains("at 'tags.1.member.value'");
        fails("TagResource", "{\"SecretId\":\"s\",\"Tags\":[{\"Key\":\"\",\"Value\":\"v\"}]}", AwsErrorType.ValidationException);
        fails("TagResource", "{\"SecretId\":\"s\",\"Tags\":[{\"Key\":\"AWS:team\",\"Value\":\"v\"}]}", AwsErrorType.InvalidParameterException);
        fails("CreateSecret", "{\"Name\":\"t\",\"Tags\":[{\"Key\":\"aws:x\",\"Value\":\"v\"}]}", AwsErrorType.InvalidParameterException);
        StringBuilder fifty = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            fifty.append(i == 0 ? "" : ",").append("{\"Key\":\"k").append(i).append("\",\"Value\":\"v\"}");
        }
        h.call("TagResource", "{\"SecretId\":\"s\",\"Tags\":[" + fifty + "]}");
        fails("TagResource", "{\"SecretId\":\"s\",\"Tags\":[{\"Key\":\"one-more\",\"Value\":\"v\"}]}", AwsErrorType.InvalidParameterException);
        assertThat(h.call("DescribeSecret", "{\"SecretId\":\"s\"}").get("Tags").size()).isEqualTo(50);
    }

    @Test
    void untaggingTheLastTag_leavesAnEmptyTagsList_asAwsShowsIt() {
        create("s", "v");
        assertThat(h.call("DescribeSecret", "{\"SecretId\":\"s\"}").has("Tags")).isFalse();
        h.call("TagResource", "{\"SecretId\":\"s\",\"Tags\":[{\"Key\":\"a\",\"Value\":\"1\"}]}");
        h.call("UntagResource", "{\"SecretId\":\"s\",\"TagKeys\":[\"a\"]}");
        assertThat(h.call("DescribeSecret", "{\"SecretId\":\"s\"}").get("Tags").toString()).isEqualTo("[]");
    }

    // ------------------------------------------------------------------ response shapes

    @Test
    void responseMembers_perOperation() {
        assertThat(fieldNames(h.call("CreateSecret", "{\"Name\":\"novalue\"}"))).containsExactly("ARN", "Name");
        assertThat(fieldNames(create("s", "v"))).containsExactly("ARN", "Name", "VersionId");
        assertThat(fieldNames(h.call("PutSecretValue", "{\"SecretId\":\"s\",\"SecretString\":\"w\"}")))
                .containsExactly("ARN", "Name", "VersionId", "VersionStages");
        assertThat(fieldNames(h.call("UpdateSecret", "{\"SecretId\":\"s\",\"Description\":\"d\"}"))).containsExactly("ARN", "Name");
        assertThat(fieldNames(h.call("UpdateSecret", "{\"SecretId\":\"s\",\"SecretString\":\"x\"}")))
                .containsExactly("ARN", "Name", "VersionId");
        assertThat(fieldNames(h.call("GetSecretValue", "{\"SecretId\":\"s\"}")))
                .containsExactlyInAnyOrder("ARN", "Name", "VersionId", "SecretString", "VersionStages", "CreatedDate");
        assertThat(fieldNames(h.call("DeleteSecret", "{\"SecretId\":\"s\"}"))).containsExactly("ARN", "Name", "DeletionDate");
        assertThat(fieldNames(h.call("RestoreSecret", "{\"SecretId\":\"s\"}"))).containsExactly("ARN", "Name");
        assertThat(fieldNames(h.call("TagResource", "{\"SecretId\":\"s\",\"Tags\":[]}"))).isEmpty();

        ObjectNode described = h.call("DescribeSecret", "{\"SecretId\":\"s\"}");
        assertThat(fieldNames(described)).containsExactlyInAnyOrder("ARN", "Name", "Description", "LastChangedDate",
                "LastAccessedDate", "VersionIdsToStages", "CreatedDate");
        ObjectNode bare = h.call("DescribeSecret", "{\"SecretId\":\"novalue\"}");
        assertThat(fieldNames(bare)).containsExactlyInAnyOrder("ARN", "Name", "LastChangedDate", "CreatedDate");

        JsonNode listed = h.call("ListSecrets", "{\"SortOrder\":\"asc\"}").get("SecretList");
        assertThat(fieldNames((ObjectNode) listed.get(0))).doesNotContain("SecretVersionsToStages");
        assertThat(listed.get(1).get("SecretVersionsToStages").size()).isEqualTo(2);
    }

    @Test
    void listSecretVersionIds_entries_leaveOutEmptyStages_andNameTheKmsKey() {
        create("s", "one");
        h.call("PutSecretValue", "{\"SecretId\":\"s\",\"SecretString\":\"two\"}");
        h.call("PutSecretValue", "{\"SecretId\":\"s\",\"SecretString\":\"three\"}");
        JsonNode versions = h.call("ListSecretVersionIds", "{\"SecretId\":\"s\",\"IncludeDeprecated\":true}").get("Versions");
        assertThat(versions.size()).isEqualTo(3);
        JsonNode deprecated = versions.get(2);
        assertThat(deprecated.get("VersionId").asText()).isEqualTo(T1);
        assertThat(deprecated.has("VersionStages")).isFalse();
        assertThat(deprecated.get("KmsKeyIds").toString()).isEqualTo("[\"DefaultEncryptionKey\"]");
        assertThat(h.call("ListSecretVersionIds", "{\"SecretId\":\"s\"}").get("Versions").size()).isEqualTo(2);
        h.call("UpdateSecret", "{\"SecretId\":\"s\",\"KmsKeyId\":\"alias/mine\"}");
        assertThat(h.call("ListSecretVersionIds", "{\"SecretId\":\"s\"}").get("Versions").get(0).get("KmsKeyIds").toString())
                .isEqualTo("[\"alias/mine\"]");
    }

    // ------------------------------------------------------------------ listing

    @Test
    void maxResultsOutOfBounds_isValidationException_quotingTheValue() {
        assertThat(fails("ListSecrets", "{\"MaxResults\":101}", AwsErrorType.ValidationException).getMessage())
                .isEqualTo("1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 100");
        assertThat(fails("ListSecrets", "{\"MaxResults\":0}", AwsErrorType.ValidationException).getMessage())
                .endsWith("Member must have value greater than or equal to 1");
        create("s", "v");
        fails("ListSecretVersionIds", "{\"SecretId\":\"s\",\"MaxResults\":101}", AwsErrorType.ValidationException);
        fails("BatchGetSecretValue", "{\"Filters\":[],\"MaxResults\":21}", AwsErrorType.ValidationException);
    }

    @Test
    void invalidNextToken_isInvalidNextTokenException_emptyOneIsValidation() {
        create("s", "v");
        fails("ListSecrets", "{\"NextToken\":\"bm90LW91cnM\"}", AwsErrorType.InvalidNextTokenException);
        fails("ListSecretVersionIds", "{\"SecretId\":\"s\",\"NextToken\":\"garbage!\"}", AwsErrorType.InvalidNextTokenException);
        fails("ListSecrets", "{\"NextToken\":\"\"}", AwsErrorType.ValidationException);
    }

    @Test
    void listSecrets_sortBy_nameAndLastChanged_andUnknownSortByIsValidation() {
        h.call("CreateSecret", "{\"Name\":\"b\",\"SecretString\":\"v\"}");
        h.clock.advance(Duration.ofSeconds(1));
        h.call("CreateSecret", "{\"Name\":\"a\",\"SecretString\":\"v\"}");
        h.clock.advance(Duration.ofSeconds(1));
        h.call("CreateSecret", "{\"Name\":\"c\",\"SecretString\":\"v\"}");
        h.clock.advance(Duration.ofSeconds(1));
        h.call("UpdateSecret", "{\"SecretId\":\"b\",\"Description\":\"changed last\"}");
        assertThat(names(h.call("ListSecrets", "{\"SortBy\":\"name\",\"SortOrder\":\"asc\"}"))).containsExactly("a", "b", "c");
        assertThat(names(h.call("ListSecrets", "{\"SortBy\":\"last-changed-date\"}"))).containsExactly("b", "c", "a");
        assertThat(names(h.call("ListSecrets", "{}"))).containsExactly("c", "a", "b");
        fails("ListSecrets", "{\"SortBy\":\"size\"}", AwsErrorType.ValidationException);
    }

    private static List<String> names(ObjectNode listed) {
        List<String> out = new ArrayList<>();
        listed.get("SecretList").forEach(e -> out.add(e.get("Name").asText()));
        return out;
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
