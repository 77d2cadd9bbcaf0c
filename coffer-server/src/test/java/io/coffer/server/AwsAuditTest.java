package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/** The AWS door is audited like the Vault door: HMAC'd records, and fail closed. */
class AwsAuditTest {

    private static final String ROOT = DevServer.ROOT_TOKEN;
    private static final String KEY_ID = "AKIAAUDITTEST0000001";
    private static final String KEY_SECRET = SuiteSecrets.register("auditTestSecretAccessKey/0123456789abcdef");

    @TempDir
    Path dir;

    private CofferServer server;
    private Http http;
    private SecretsManagerClient sm;

    @BeforeEach
    void start() {
        server = DevServer.withAccessKey(KEY_ID, KEY_SECRET);
        http = new Http(server.url());
        sm = AwsClients.builder(server.url(), KEY_ID, KEY_SECRET).build();
    }

    @AfterEach
    void stop() {
        sm.close();
        server.close();
    }

    private Path enableFileDevice() {
        Path file = dir.resolve("aws-audit.log");
        Http.Reply r = http.put("/v1/sys/audit/file", ROOT,
                Http.json(Map.of("type", "file", "options", Map.of("file_path", file.toString()))));
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        return file;
    }

    private String auditHash(String input) {
        Http.Reply r = http.put("/v1/sys/audit-hash/file", ROOT, Http.json(Map.of("input", input)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return (String) ((Map<?, ?>) r.json().get("data")).get("hash");
    }

    @Test
    void awsCalls_areRecordedWithTheirValuesHmacd() {
        Path file = enableFileDevice();
        String value = SuiteSecrets.register("aws-audited-value-4417");
        sm.createSecret(b -> b.name("audited/app").secretString(value));

        assertThat(sm.getSecretValue(b -> b.secretId("audited/app")).secretString()).isEqualTo(value);

        List<JsonNode> records = AuditRecords.vaultRecords(file);
        JsonNode response = records.stream()
                .filter(r -> r.path("type").asText().equals("response")
                        && r.path("request").path("path").asText().equals("secretsmanager/GetSecretValue"))
                .findFirst().orElseThrow();
        assertThat(response.path("response").path("data").path("SecretString").asText()).isEqualTo(auditHash(value));
        assertThat(records.stream().anyMatch(r -> r.path("type").asText().equals("request")
                && r.path("request").path("path").asText().equals("secretsmanager/GetSecretValue"))).isTrue();
        assertThat(AuditRecords.contains(file, value)).isFalse();
        assertThat(AuditRecords.contains(file, KEY_SECRET)).isFalse();
    }

    @Test
    void unwritableAuditFile_awsCallsFailWithInternalServiceError_andReturnNoSecret() throws Exception {
        Path file = enableFileDevice();
        String value = SuiteSecrets.register("aws-unaudited-value-9902");
        sm.createSecret(b -> b.name("unaudited/app").secretString(value));

        assertThat(http.put("/v1/sys/seal", ROOT, "").status()).isEqualTo(204);
        Files.delete(file);
        Files.createDirectory(file);
        String unsealKey = server.devCredentials().orElseThrow().unsealKey();
        assertThat(http.put("/v1/sys/unseal", null, Http.json(Map.of("key", unsealKey))).json()).containsEntry("sealed", false);

        assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId("unaudited/app")))
                .isInstanceOfSatisfying(SecretsManagerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServiceError");
                    assertThat(e.getMessage()).doesNotContain(value);
                });
        assertThatThrownBy(() -> sm.putSecretValue(b -> b.secretId("unaudited/app").secretString(SuiteSecrets.register("next-value-unaudited-5150"))))
                .isInstanceOfSatisfying(SecretsManagerException.class, e -> assertThat(e.statusCode()).isEqualTo(500));

        Files.delete(file);
        assertThat(sm.getSecretValue(b -> b.secretId("unaudited/app")).secretString())
                .as("the refused write changed nothing").isEqualTo(value);
    }
}
