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
        assertChecked("GetSecretValue", "{\"SecretId\":\"app/db\"}", "read secret/data/app/db");
        assertChecked("PutSecretValue", "{\"SecretId\":\"app/db\",\"SecretString\":\"x\"}", "update secret/data/app/db");
        assertChecked("DescribeSecret", "{\"SecretId\":\"app/db\"}", "read secret/metadata/app/db");
        assertChecked("ListSecretVersionIds", "{\"SecretId\":\"app/db\"}", "read secret/metadata/app/db");
        assertChecked("ListSecrets", "{}", "list secret/metadata/");
        assertChecked("TagResource", "{\"SecretId\":\"app/db\",\"Tags\":[]}", "update secret/metadata/app/db");
        assertChecked("UpdateSecret", "{\"SecretId\":\"app/db\",\"SecretString\":\"y\"}",
                "update secret/metadata/app/db", "update secret/data/app/db");
        assertChecked("CreateSecret", "{\"Name\":\"other\"}", "create secret/data/other");
        assertChecked("DeleteSecret", "{\"SecretId\":\"app/db\"}", "delete secret/metadata/app/db");
        assertChecked("RestoreSecret", "{\"SecretId\":\"app/db\"}", "update secret/metadata/app/db");
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
