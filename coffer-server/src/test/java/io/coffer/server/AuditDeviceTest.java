package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.core.audit.AuditChainKey;
import io.coffer.core.audit.AuditChainVerifier;
import io.coffer.core.mount.MountEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audit devices end to end through the HTTP server: sys/audit, the records, fail-closed behaviour. */
class AuditDeviceTest {

    private static final String ROOT = DevServer.ROOT_TOKEN;

    @TempDir
    Path dir;

    private CofferServer server;
    private Http http;

    @BeforeEach
    void start() {
        server = DevServer.start();
        http = new Http(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path enableFile(String path, Map<String, Object> extraOptions) {
        Path file = dir.resolve(path.replace('/', '_') + ".log");
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("file_path", file.toString());
        options.putAll(extraOptions);
        Http.Reply r = http.put("/v1/sys/audit/" + path, ROOT, Http.json(Map.of("type", "file", "options", options)));
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        return file;
    }

    private String writeSecret(String key, Map<String, Object> data) {
        Http.Reply r = http.send("POST", "/v1/secret/data/" + key, ROOT, Http.json(Map.of("data", data)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return (String) r.json().get("request_id");
    }

    private String auditHash(String device, String input) {
        Http.Reply r = http.put("/v1/sys/audit-hash/" + device, ROOT, Http.json(Map.of("input", input)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) r.json().get("data");
        return (String) data.get("hash");
    }

    @Test
    void sysAudit_enableListDisable_withVaultsShapes() {
        Path file = dir.resolve("audit.log");
        Http.Reply enabled = http.put("/v1/sys/audit/file", ROOT, Http.json(Map.of("type", "file", "description", "main log",
                "options", Map.of("file_path", file.toString(), "hmac_accessor", false))));
        assertThat(enabled.status()).isEqualTo(204);

        Http.Reply list = http.get("/v1/sys/audit", ROOT);
        assertThat(list.status()).isEqualTo(200);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("type", "file");
        expected.put("description", "main log");
        expected.put("options", Map.of("file_path", file.toString(), "hmac_accessor", "false"));
        expected.put("local", false);
        expected.put("path", "file/");
        // Vault's fields, and Coffer's free-space gauge of the device's volume besides.
        @SuppressWarnings("unchecked")
        Map<String, Object> listed = new LinkedHashMap<>((Map<String, Object>) list.json().get("file/"));
        assertThat(listed.remove("volume")).isInstanceOfSatisfying(Map.class,
                v -> assertThat(v).containsOnlyKeys("free_bytes", "total_bytes", "warn_below_bytes", "low"));
        assertThat(listed).isEqualTo(expected);
        assertThat(list.json().get("data")).isEqualTo(Map.of("file/", list.json().get("file/")));

        assertThat(http.put("/v1/sys/audit/file/again", ROOT, Http.json(Map.of("type", "file",
                "options", Map.of("file_path", dir.resolve("b.log").toString())))).status()).isEqualTo(400);
        assertThat(http.put("/v1/sys/audit/other", ROOT, Http.json(Map.of("type", "syslog"))).status()).isEqualTo(400);
        assertThat(http.put("/v1/sys/audit/other", ROOT, Http.json(Map.of("type", "file", "options",
                Map.of("file_path", dir.resolve("x.log").toString(), "log_raw", "perhaps")))).status()).isEqualTo(400);
        assertThat(http.get("/v1/sys/audit", "not-a-token").status()).isEqualTo(403);

        assertThat(http.send("DELETE", "/v1/sys/audit/file", ROOT, null).status()).isEqualTo(204);
        assertThat(http.send("DELETE", "/v1/sys/audit/never-enabled", ROOT, null).status()).isEqualTo(204);
        assertThat(http.get("/v1/sys/audit", ROOT).json()).containsEntry("data", Map.of());
    }

    @Test
    void records_parseWithVaultsFields_andTheirHmacsEqualSysAuditHash() {
        Path file = enableFile("file", Map.of());
        String password = SuiteSecrets.register("correct-horse-battery-staple-41");
        String writeId = writeSecret("app", Map.of("password", password, "port", 5432));
        Http.Reply read = http.get("/v1/secret/data/app", ROOT);
        assertThat(read.status()).isEqualTo(200);
        String readId = (String) read.json().get("request_id");

        List<JsonNode> records = AuditRecords.vaultRecords(file);
        JsonNode writeRequest = only(records, "request", writeId);
        JsonNode readResponse = only(records, "response", readId);

        String tokenHash = auditHash("file", ROOT);
        String passwordHash = auditHash("file", password);
        assertThat(passwordHash).startsWith("hmac-sha256:");
        for (JsonNode r : List.of(writeRequest, readResponse)) {
            assertThat(r.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
            assertThat(r.path("auth").path("client_token").asText()).isEqualTo(tokenHash);
            assertThat(r.path("auth").path("policies").get(0).asText()).isEqualTo(auditHash("file", "root"));
            assertThat(r.path("request").path("client_token").asText()).isEqualTo(tokenHash);
            assertThat(r.path("request").path("client_token_accessor").asText()).startsWith("hmac-sha256:");
            assertThat(r.path("request").path("namespace").path("id").asText()).isEqualTo("root");
            assertThat(r.path("request").path("mount_type").asText()).isEqualTo("kv");
            assertThat(r.path("request").path("remote_address").asText()).isEqualTo("127.0.0.1");
            assertThat(r.path("prev_hash").asText()).hasSize(64);
        }
        assertThat(writeRequest.path("request").path("operation").asText()).isEqualTo("create");
        assertThat(writeRequest.path("request").path("path").asText()).isEqualTo("secret/data/app");
        assertThat(writeRequest.path("request").path("data").path("data").path("password").asText()).isEqualTo(passwordHash);
        assertThat(writeRequest.path("request").path("data").path("data").path("port").asInt()).isEqualTo(5432);
        assertThat(readResponse.path("request").path("operation").asText()).isEqualTo("read");
        assertThat(readResponse.path("response").path("mount_type").asText()).isEqualTo("kv");
        assertThat(readResponse.path("response").path("data").path("data").path("password").asText()).isEqualTo(passwordHash);
        assertThat(readResponse.path("response").path("data").path("metadata").path("version").asInt()).isEqualTo(1);
        // Each request is recorded before it is served, its outcome after.
        assertThat(records.indexOf(only(records, "request", readId))).isLessThan(records.indexOf(readResponse));
    }

    @Test
    void auditFile_holdsNoPlaintextSecretSecretIdPasswordOrToken() {
        Path file = enableFile("file", Map.of());
        List<String> secrets = List.of(
                SuiteSecrets.register("db-password-Zq81xN"),
                SuiteSecrets.register("8f1c5f4e-secret-id-3d2a-9b7e"),
                SuiteSecrets.register("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhdWRpdCJ9.c2lnbmF0dXJl"),
                SuiteSecrets.register("multi\nline\tsecret with \"quotes\""));
        writeSecret("db", Map.of("password", secrets.get(0), "secret_id", secrets.get(1)));
        writeSecret("jwt", Map.of("token", secrets.get(2), "nested", Map.of("list", List.of(secrets.get(3)))));
        assertThat(http.get("/v1/secret/data/db", ROOT).status()).isEqualTo(200);
        assertThat(http.get("/v1/secret/data/jwt", ROOT).status()).isEqualTo(200);
        assertThat(http.send("LIST", "/v1/secret/metadata/", ROOT, null).status()).isEqualTo(200);
        auditHash("file", secrets.get(0));
        assertThat(http.get("/v1/secret/data/db", "hvs.wrongTokenNeverIssued0000").status()).isEqualTo(403);

        assertThat(AuditRecords.vaultRecords(file)).hasSizeGreaterThan(12);
        for (String secret : secrets) {
            assertThat(AuditRecords.contains(file, secret)).as("audit file contains a secret").isFalse();
            assertThat(AuditRecords.contains(file, secret.replace("\n", "\\n").replace("\t", "\\t").replace("\"", "\\\"")))
                    .as("audit file contains a JSON-escaped secret").isFalse();
        }
        assertThat(AuditRecords.contains(file, ROOT)).isFalse();
        assertThat(AuditRecords.contains(file, "hvs.wrongTokenNeverIssued0000")).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void logins_recordNoPlaintextPasswordSecretIdOrToken_andTheirHmacsEqualSysAuditHash() {
        for (String type : List.of("userpass", "approle")) {
            server.node().handler().authMounts().mount(type + "/", type, "", Map.of(), MountEntry.MountConfig.DEFAULT);
        }
        Path file = enableFile("file", Map.of());
        String password = SuiteSecrets.register("userpass-pw-Kq72mz");
        assertThat(http.put("/v1/auth/userpass/users/alice", ROOT, Http.json(Map.of("password", password))).status())
                .isEqualTo(204);
        Http.Reply userLogin = http.put("/v1/auth/userpass/login/alice", null, Http.json(Map.of("password", password)));
        assertThat(userLogin.status()).as(userLogin.body()).isEqualTo(200);
        String userToken = SuiteSecrets.register((String) ((Map<String, Object>) userLogin.json().get("auth")).get("client_token"));

        assertThat(http.put("/v1/auth/approle/role/svc", ROOT, "{\"token_policies\":\"dev\"}").status()).isEqualTo(204);
        Map<String, Object> roleId = (Map<String, Object>) http.get("/v1/auth/approle/role/svc/role-id", ROOT).json().get("data");
        Map<String, Object> issued = (Map<String, Object>) http.send("POST", "/v1/auth/approle/role/svc/secret-id", ROOT, null)
                .json().get("data");
        String secretId = SuiteSecrets.register((String) issued.get("secret_id"));
        Http.Reply appLogin = http.put("/v1/auth/approle/login", null,
                Http.json(Map.of("role_id", roleId.get("role_id"), "secret_id", secretId)));
        assertThat(appLogin.status()).as(appLogin.body()).isEqualTo(200);
        String appToken = SuiteSecrets.register((String) ((Map<String, Object>) appLogin.json().get("auth")).get("client_token"));
        assertThat(http.get("/v1/secret/data/anything", appToken).status()).isEqualTo(403);

        for (String secret : List.of(password, secretId, userToken, appToken, ROOT)) {
            assertThat(AuditRecords.contains(file, secret)).as("audit file contains a credential").isFalse();
        }
        List<JsonNode> records = AuditRecords.vaultRecords(file);
        JsonNode loginResponse = only(records, "response", (String) appLogin.json().get("request_id"));
        assertThat(loginResponse.path("request").path("path").asText()).isEqualTo("auth/approle/login");
        assertThat(loginResponse.path("request").path("mount_type").asText()).isEqualTo("approle");
        assertThat(loginResponse.path("request").path("data").path("secret_id").asText()).isEqualTo(auditHash("file", secretId));
        assertThat(loginResponse.path("response").path("auth").path("client_token").asText())
                .isEqualTo(auditHash("file", appToken));
        JsonNode denied = records.stream().filter(r -> r.path("error").asText().equals("permission denied")).findFirst()
                .orElseThrow();
        assertThat(denied.path("auth").path("client_token").asText()).isEqualTo(auditHash("file", appToken));
    }

    @Test
    void unwritableAuditFile_requestsFailWith500AndReturnNoSecret_untilItIsWritableAgain() throws Exception {
        Path file = enableFile("file", Map.of());
        String secret = SuiteSecrets.register("must-not-leak-when-unaudited-7731");
        writeSecret("app", Map.of("value", secret));

        // Seal, make the file path a directory (which no one, root included, can open as a file), unseal.
        assertThat(http.put("/v1/sys/seal", ROOT, "").status()).isEqualTo(204);
        Files.delete(file);
        Files.createDirectory(file);
        String unsealKey = server.devCredentials().orElseThrow().unsealKey();
        assertThat(http.put("/v1/sys/unseal", null, Http.json(Map.of("key", unsealKey))).json()).containsEntry("sealed", false);

        Http.Reply read = http.get("/v1/secret/data/app", ROOT);
        assertThat(read.status()).isEqualTo(500);
        assertThat(read.body()).doesNotContain(secret).contains("internal error");
        assertThat(http.send("POST", "/v1/secret/data/other", ROOT, Http.json(Map.of("data", Map.of("v", "x")))).status())
                .isEqualTo(500);
        assertThat(http.get("/v1/sys/audit", ROOT).status()).isEqualTo(500);
        assertThat(http.get("/v1/sys/health", null).status()).as("not audited").isEqualTo(200);

        Files.delete(file);
        Http.Reply recovered = http.get("/v1/secret/data/app", ROOT);
        assertThat(recovered.status()).isEqualTo(200);
        assertThat(AuditRecords.vaultRecords(file)).isNotEmpty();
    }

    @Test
    void fullAuditDevice_requestsFailWith500AndReturnNoSecret() {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs /dev/full");
        String secret = SuiteSecrets.register("full-disk-secret-5521");
        writeSecret("app", Map.of("value", secret));

        // The device cannot record even the response to its own enabling.
        Http.Reply enable = http.put("/v1/sys/audit/full", ROOT, Http.json(Map.of("type", "file",
                "options", Map.of("file_path", full.toString()))));
        assertThat(enable.status()).isEqualTo(500);

        Http.Reply read = http.get("/v1/secret/data/app", ROOT);
        assertThat(read.status()).isEqualTo(500);
        assertThat(read.body()).doesNotContain(secret);
    }

    @Test
    void concurrentRequests_areAllRecordedInAValidChain() throws Exception {
        Path file = enableFile("file", Map.of());
        int clients = 16;
        int perClient = 15;
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    Http own = new Http(server.url());
                    for (int i = 0; i < perClient; i++) {
                        Http.Reply r = own.send("POST", "/v1/secret/data/c" + client + "/" + i, ROOT,
                                Http.json(Map.of("data", Map.of("v", SuiteSecrets.bulk("concurrent-" + client + "-" + i)))));
                        assertThat(r.status()).isEqualTo(200);
                        ids.add((String) r.json().get("request_id"));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }

        List<JsonNode> records = AuditRecords.vaultRecords(file);
        Set<String> requests = new HashSet<>();
        Set<String> responses = new HashSet<>();
        for (JsonNode r : records) {
            (r.path("type").asText().equals("request") ? requests : responses).add(r.path("request").path("id").asText());
        }
        assertThat(requests).containsAll(ids);
        assertThat(responses).containsAll(ids);
        assertThat(ids).hasSize(clients * perClient);
        assertThat(AuditRecords.verify(AuditRecords.chainKey(http, ROOT, "file"), List.of(file)).intact()).isTrue();
    }

    @Test
    void maxFileSize_rotatesWithoutLosingARecord() throws Exception {
        Path file = enableFile("file", Map.of("max_file_size", 4096));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(writeSecret("rot/" + i, Map.of("v", SuiteSecrets.bulk("rotated-" + i))));
        }

        // Exporting the key is audited and may rotate the file once more: list the files after it.
        AuditChainKey key = AuditRecords.chainKey(http, ROOT, "file");
        List<Path> files = AuditRecords.chronological(file);
        assertThat(files.size()).isGreaterThan(2);
        AuditChainVerifier.Result result = AuditRecords.verify(key, files);
        assertThat(result.failure()).isEmpty();
        List<String> responses = new ArrayList<>();
        for (Path f : files) {
            AuditRecords.vaultRecords(f).stream().filter(r -> r.path("type").asText().equals("response"))
                    .forEach(r -> responses.add(r.path("request").path("id").asText()));
        }
        assertThat(responses).containsAll(ids).doesNotHaveDuplicates();
    }

    @Test
    void devices_surviveSealAndUnseal_andTheChainContinues() throws Exception {
        Path file = enableFile("file", Map.of());
        writeSecret("a", Map.of("v", "1"));
        assertThat(http.put("/v1/sys/seal", ROOT, "").status()).isEqualTo(204);
        String unsealKey = server.devCredentials().orElseThrow().unsealKey();
        http.put("/v1/sys/unseal", null, Http.json(Map.of("key", unsealKey)));

        assertThat(http.get("/v1/sys/audit", ROOT).json()).containsKey("file/");
        String afterUnseal = writeSecret("b", Map.of("v", "2"));

        assertThat(AuditRecords.vaultRecords(file)).anySatisfy(r -> assertThat(r.path("request").path("id").asText())
                .isEqualTo(afterUnseal));
        assertThat(AuditRecords.verify(AuditRecords.chainKey(http, ROOT, "file"), List.of(file)).intact()).isTrue();
    }

    @Test
    void sealAndHealthEndpoints_areNotAudited_whileFailedRequestsAre() {
        Path file = enableFile("file", Map.of());
        for (String path : List.of("sys/health", "sys/seal-status", "sys/leader", "sys/init")) {
            assertThat(http.get("/v1/" + path, null).status()).isLessThan(300);
        }
        assertThat(http.get("/v1/secret/data/missing", ROOT).status()).isEqualTo(404);
        assertThat(http.get("/v1/secret/data/app", "hvs.notAToken0000000000000000").status()).isEqualTo(403);

        List<JsonNode> records = AuditRecords.vaultRecords(file);
        assertThat(records).extracting(r -> r.path("request").path("path").asText())
                .doesNotContain("sys/health", "sys/seal-status", "sys/leader", "sys/init");
        assertThat(records).anySatisfy(r -> {
            assertThat(r.path("request").path("path").asText()).isEqualTo("secret/data/app");
            assertThat(r.path("error").asText()).isEqualTo("permission denied");
        });
    }

    @Test
    void logRaw_writesPlaintext_andElideListResponses_writesCounts() {
        Path raw = enableFile("raw", Map.of("log_raw", true, "elide_list_responses", true));
        // log_raw exists for debugging; this value is not a secret of the suite and may appear in the file.
        writeSecret("one", Map.of("v", "visible-in-raw-log"));
        writeSecret("two", Map.of("v", "x"));
        assertThat(http.send("LIST", "/v1/secret/metadata/", ROOT, null).status()).isEqualTo(200);

        assertThat(AuditRecords.contains(raw, "visible-in-raw-log")).isTrue();
        JsonNode list = AuditRecords.vaultRecords(raw).stream()
                .filter(r -> r.path("type").asText().equals("response") && r.path("request").path("operation").asText().equals("list"))
                .findFirst().orElseThrow();
        assertThat(list.path("response").path("data").path("keys").asInt()).isEqualTo(2);
    }

    @Test
    void auditHash_ofAnUnknownDeviceOrEmptyInput_is400() {
        enableFile("file", Map.of());

        assertThat(http.put("/v1/sys/audit-hash/nope", ROOT, Http.json(Map.of("input", "x"))).status()).isEqualTo(400);
        assertThat(http.put("/v1/sys/audit-hash/file", ROOT, Http.json(Map.of())).status()).isEqualTo(400);
    }

    private static JsonNode only(List<JsonNode> records, String type, String requestId) {
        List<JsonNode> matching = records.stream()
                .filter(r -> r.path("type").asText().equals(type) && r.path("request").path("id").asText().equals(requestId))
                .toList();
        assertThat(matching).as("%s records of %s", type, requestId).hasSize(1);
        return matching.get(0);
    }
}
