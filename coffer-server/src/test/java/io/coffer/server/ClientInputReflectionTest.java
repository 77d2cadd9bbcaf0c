package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.core.error.ClientText;
import io.coffer.server.config.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Error messages, warnings and the audit records' error fields name a client's values only in
 * {@link ClientText}'s form (printable ASCII, escaped, cut): hostile bytes, control characters and
 * long values sent through both doors over real HTTP never come back, and never reach the audit log.
 */
class ClientInputReflectionTest {

    private static final String ROOT = "reflection-root-token";
    private static final String KEY_ID = "AKIAREFLECTIONTEST01";
    private static final String KEY_SECRET = SuiteSecrets.register("reflectionTestSecretAccessKey/0123456789ab");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Terminal escape and line break: what a forged log line or a hijacked terminal needs. */
    private static final String HOSTILE = "\u001b[31m\r\nforged: line\u202e";
    private static final String LONG = "L".repeat(3000) + "-long-value-tail";
    /** Room for a message's own words around at most two escaped, cut values. */
    private static final int MAX_MESSAGE = 400;

    @TempDir
    static Path dir;

    private static CofferServer server;
    private static Http http;
    private static Path auditFile;
    private static SecretsManagerClient sm;

    @BeforeAll
    static void start() {
        server = CofferServer.start(ServerConfig.builder().dev(true).devRootToken(ROOT).devAccessKey(KEY_ID, KEY_SECRET)
                .listen("127.0.0.1:0").build(), c -> {
                    throw new IllegalStateException("dev mode uses memory");
                });
        http = new Http(server.url());
        auditFile = dir.resolve("reflection-audit.log");
        assertThat(http.put("/v1/sys/audit/file", ROOT,
                Http.json(Map.of("type", "file", "options", Map.of("file_path", auditFile.toString())))).status()).isEqualTo(204);
        sm = AwsClients.builder(server.url(), KEY_ID, KEY_SECRET).build();
        sm.createSecret(b -> b.name("reflection/app").secretString(SuiteSecrets.register("reflection-value-0001")));
    }

    @AfterAll
    static void stop() {
        sm.close();
        server.close();
    }

    // ---- Vault door ----

    @Test
    void bodyWithInvalidUtf8_isRefusedWithoutItsBytes() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"data\":{\"k\":\"ab".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, 0x1b, (byte) 0xc3});
        body.writeBytes("\"}}".getBytes(StandardCharsets.US_ASCII));
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/secret/data/utf8"))
                .header("X-Vault-Token", ROOT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(r.statusCode()).isEqualTo(400);
        for (byte b : r.body()) {
            assertThat(b & 0xff).as("response byte").isBetween(0x20, 0x7e);
        }
        String text = new String(r.body(), StandardCharsets.US_ASCII);
        assertThat(text).contains("failed to parse JSON input: the input is not valid UTF-8").doesNotContainIgnoringCase("0xff");
        assertVaultErrorsSafe(text);
    }

    @Test
    void malformedJsonTokens_areNotQuotedBack() {
        for (String body : List.of("{\"data\": tru'leaked-token-0001}", "{\"data\": leaked-token-0002}",
                "{\"data\": \"a\u0001leaked-token-0003\"}", "{\"data\": 12leaked-token-0004}")) {
            Http.Reply r = http.send("POST", "/v1/secret/data/tokens", ROOT, body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.body()).as(body).doesNotContain("leaked").doesNotContain("code ");
            assertVaultErrorsSafe(r.body());
        }
    }

    @Test
    void longOrHostilePath_isNamedOnlyEscapedAndCut() {
        for (String segment : List.of(LONG, "a%E2%80%AEb%E2%80%8Bc")) {
            Http.Reply r = http.get("/v1/nomount/" + segment, ROOT);
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body()).contains("no handler for route").doesNotContain("L".repeat(100));
            assertVaultErrorsSafe(r.body());
        }
        Http.Reply tune = http.get("/v1/sys/mounts/" + LONG + "/tune", ROOT);
        assertThat(tune.status()).isEqualTo(400);
        assertVaultErrorsSafe(tune.body());
        assertAuditErrorsSafe();
    }

    @Test
    void unknownFieldNames_areWarnedAboutOnlyEscaped() {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("policies", List.of("default"));
        body.put("evil" + HOSTILE, 1);
        body.put(LONG, 2);
        for (int i = 0; i < 50; i++) {
            body.put("unknown-" + i, i);
        }
        Http.Reply r = http.send("POST", "/v1/auth/token/create", ROOT, Http.json(body));

        assertThat(r.status()).isEqualTo(200);
        List<String> warnings = texts(r.body(), "warnings");
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("not recognized"));
        warnings.forEach(ClientInputReflectionTest::assertSafe);
    }

    @Test
    void policyParseErrors_quoteTheDocumentOnlyEscapedAndCut() {
        for (String path : List.of("secret/" + HOSTILE, "secret/" + LONG)) {
            String policy = "path \"" + path + "\" { capabilities = [\"bogus\"] }";
            Http.Reply r = http.put("/v1/sys/policies/acl/reflection", ROOT, Http.json(Map.of("policy", policy)));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("failed to parse policy");
            assertVaultErrorsSafe(r.body());
        }
        Http.Reply hcl = http.put("/v1/sys/policies/acl/reflection", ROOT,
                Http.json(Map.of("policy", "{\"path\": {\"" + LONG + "\": {\"capabilities\": [\"" + HOSTILE + "\"]}}}")));
        assertThat(hcl.status()).isEqualTo(400);
        assertVaultErrorsSafe(hcl.body());
    }

    @Test
    void customMetadataKeys_areNamedOnlyEscapedAndCut() {
        Http.Reply r = http.send("POST", "/v1/secret/metadata/meta", ROOT,
                Http.json(Map.of("custom_metadata", Map.of(LONG, "v", "k" + HOSTILE, "w"))));
        assertThat(r.status()).isEqualTo(400);
        assertVaultErrorsSafe(r.body());
    }

    // ---- AWS door ----

    @Test
    void versionStageWithControlCharacters_isNamedOnlyEscaped() {
        String stage = "AWS\nPENDING" + HOSTILE;
        assertAwsErrorSafe(() -> sm.getSecretValue(b -> b.secretId("reflection/app").versionStage(stage)),
                "ResourceNotFoundException");
        String version = sm.getSecretValue(b -> b.secretId("reflection/app")).versionId();
        assertAwsErrorSafe(() -> sm.updateSecretVersionStage(b -> b.secretId("reflection/app").versionStage(stage)
                .removeFromVersionId(version)), "InvalidParameterException");
        assertAuditErrorsSafe();
    }

    @Test
    void overlongSecretIdAndVersionStages_areNotEchoedWhole() {
        assertAwsErrorSafe(() -> sm.getSecretValue(b -> b.secretId(LONG)), "ValidationException");
        assertAwsErrorSafe(() -> sm.putSecretValue(b -> b.secretId("reflection/app").secretString("x")
                .versionStages(List.of(LONG + HOSTILE))), "ValidationException");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add("stage" + i + HOSTILE);
        }
        assertAwsErrorSafe(() -> sm.putSecretValue(b -> b.secretId("reflection/app").secretString("x").versionStages(many)),
                "ValidationException");
        assertAuditErrorsSafe();
    }

    // ---- helpers ----

    private static void assertAwsErrorSafe(Runnable call, String type) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SecretsManagerException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(type);
            assertSafe(e.awsErrorDetails().errorMessage());
        });
    }

    private static void assertVaultErrorsSafe(String body) {
        List<String> errors = texts(body, "errors");
        assertThat(errors).isNotEmpty();
        errors.forEach(ClientInputReflectionTest::assertSafe);
    }

    /** Every audit record's error field, so far, is in the safe form. */
    private static void assertAuditErrorsSafe() {
        List<JsonNode> records = AuditRecords.vaultRecords(auditFile);
        List<String> errors = records.stream().map(r -> r.path("error").asText("")).filter(e -> !e.isEmpty()).toList();
        assertThat(errors).isNotEmpty();
        errors.forEach(ClientInputReflectionTest::assertSafe);
    }

    /**
     * Printable ASCII, short, none of the long value and no line the client wrote. Line breaks and
     * tabs of the server's own framing (Vault's multi-error list) are allowed; the client's never.
     */
    private static void assertSafe(String message) {
        assertThat(message.length()).as(message).isLessThanOrEqualTo(MAX_MESSAGE);
        assertThat(message.chars().allMatch(c -> (c >= 0x20 && c < 0x7f) || c == '\n' || c == '\t'))
                .as("printable ASCII only: %s", message).isTrue();
        assertThat(message).doesNotContain("L".repeat(ClientText.MAX_CHARS + 1)).doesNotContain("long-value-tail")
                .doesNotContain("\nforged").doesNotContain("\nPENDING");
    }

    private static List<String> texts(String body, String field) {
        try {
            List<String> out = new ArrayList<>();
            JSON.readTree(body).path(field).forEach(n -> out.add(n.asText()));
            return out;
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
