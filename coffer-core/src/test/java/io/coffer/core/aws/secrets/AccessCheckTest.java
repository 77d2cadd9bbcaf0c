package io.coffer.core.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.aws.AwsErrorType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each operation asks for the Vault path and capability the docs' table names. */
class AccessCheckTest {

    private final SecretsHarness h = new SecretsHarness();

    @BeforeEach
    void secret() {
        h.call("CreateSecret", "{\"Name\":\"app/db\",\"SecretString\":\"v\"}");
        h.access.checks.clear();
    }

    private void assertChecked(String op, String json, String... checks) {
        h.access.checks.clear();
        h.call(op, json);
        assertThat(h.access.checks).containsExactly(checks);
    }

    @Test
    void operations_checkTheTablesPaths() {
        String md = "secret/metadata/app/db";
        String data = "secret/data/app/db";
        assertChecked("GetSecretValue", "{\"SecretId\":\"app/db\"}", "read " + data);
        assertChecked("BatchGetSecretValue", "{\"SecretIdList\":[\"app/db\"]}", "read " + data);
        assertChecked("PutSecretValue", "{\"SecretId\":\"app/db\",\"SecretString\":\"x\"}", "update " + data);
        assertChecked("DescribeSecret", "{\"SecretId\":\"app/db\"}", "read " + md);
        assertChecked("ListSecretVersionIds", "{\"SecretId\":\"app/db\"}", "read " + md);
        assertChecked("GetResourcePolicy", "{\"SecretId\":\"app/db\"}", "read " + md);
        assertChecked("ValidateResourcePolicy", "{\"SecretId\":\"app/db\",\"ResourcePolicy\":\"{}\"}", "read " + md);
        assertChecked("ListSecrets", "{\"SortBy\":\"name\"}", "list secret/metadata/", "list secret/metadata/app/", "read " + md);
        assertChecked("BatchGetSecretValue", "{\"Filters\":[{\"Key\":\"name\",\"Values\":[\"app\"]}]}",
                "list secret/metadata/", "list secret/metadata/app/", "read " + md, "read " + data);
        assertChecked("TagResource", "{\"SecretId\":\"app/db\",\"Tags\":[]}", "update " + md);
        assertChecked("UntagResource", "{\"SecretId\":\"app/db\",\"TagKeys\":[\"k\"]}", "update " + md);
        assertChecked("PutResourcePolicy", "{\"SecretId\":\"app/db\",\"ResourcePolicy\":"
                + "\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Deny\\\",\\\"Action\\\":\\\"*\\\"}]}\"}",
                "update " + md);
        assertChecked("DeleteResourcePolicy", "{\"SecretId\":\"app/db\"}", "update " + md);
        assertChecked("UpdateSecret", "{\"SecretId\":\"app/db\",\"SecretString\":\"y\"}", "update " + data);
        assertChecked("UpdateSecret", "{\"SecretId\":\"app/db\",\"Description\":\"d\"}", "update " + md);
        assertChecked("UpdateSecret", "{\"SecretId\":\"app/db\",\"Description\":\"d\",\"SecretString\":\"z\"}",
                "update " + md, "update " + data);
        String current = h.call("DescribeSecret", "{\"SecretId\":\"app/db\"}").get("VersionIdsToStages").properties()
                .stream().filter(e -> e.getValue().toString().contains("AWSCURRENT")).findFirst().orElseThrow().getKey();
        assertChecked("UpdateSecretVersionStage", "{\"SecretId\":\"app/db\",\"VersionStage\":\"CUSTOM\",\"MoveToVersionId\":\""
                + current + "\"}", "update " + data);
        assertChecked("RotateSecret", "{\"SecretId\":\"app/db\",\"RotationLambdaARN\":\"arn:aws:lambda:us-east-1:000000000000:function:f\","
                + "\"RotateImmediately\":false}", "update " + md);
        assertChecked("RotateSecret", "{\"SecretId\":\"app/db\"}", "update " + md, "update " + data);
        assertChecked("CancelRotateSecret", "{\"SecretId\":\"app/db\"}", "update " + md, "update " + data);
        assertChecked("CreateSecret", "{\"Name\":\"other\"}", "create secret/data/other");
        assertChecked("CreateSecret", "{\"Name\":\"other2\",\"Description\":\"d\"}",
                "create secret/data/other2", "update secret/metadata/other2");
        assertChecked("DeleteSecret", "{\"SecretId\":\"app/db\"}", "delete " + md);
        assertChecked("RestoreSecret", "{\"SecretId\":\"app/db\"}", "update secret/undelete/app/db");
        assertChecked("GetRandomPassword", "{}");
    }

    @Test
    void denied_isAccessDenied_evenForMissingSecrets() {
        h.access.denied.add("read secret/data/app/db");
        h.access.denied.add("read secret/data/nope");
        h.assertFails("GetSecretValue", "{\"SecretId\":\"app/db\"}", AwsErrorType.AccessDeniedException);
        h.assertFails("GetSecretValue", "{\"SecretId\":\"nope\"}", AwsErrorType.AccessDeniedException);
        h.assertFails("GetSecretValue", "{\"SecretId\":\"other\"}", AwsErrorType.ResourceNotFoundException);
    }

    @Test
    void batchGet_reportsDeniedSecretsInErrors() {
        h.call("CreateSecret", "{\"Name\":\"ok\",\"SecretString\":\"v\"}");
        h.access.denied.add("read secret/data/app/db");
        var out = h.call("BatchGetSecretValue", "{\"SecretIdList\":[\"ok\",\"app/db\"]}");
        assertThat(out.get("SecretValues").size()).isEqualTo(1);
        assertThat(out.get("Errors").get(0).get("ErrorCode").asText()).isEqualTo("AccessDeniedException");
    }

    @Test
    void deniedCreate_writesNothing() {
        h.access.denied.add("create secret/data/new");
        h.assertFails("CreateSecret", "{\"Name\":\"new\",\"SecretString\":\"v\"}", AwsErrorType.AccessDeniedException);
        assertThat(h.kv.readMetadata("new")).isEmpty();
    }
}
