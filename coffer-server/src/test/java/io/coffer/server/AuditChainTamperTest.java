package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.core.audit.ChainFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit chain against someone who can write the audit file: a file written by a real server
 * through real HTTP requests is tampered with as an attacker would (a record removed and the rest
 * relinked with SHA-256, a record edited, two swapped, the tail cut), and {@code sys/audit-verify}
 * must say so; cutting the tail while the server is down must make the restarted server start a
 * new segment recording the break, log it, and count it.
 */
class AuditChainTamperTest {

    private static final String ROOT = DevServer.ROOT_TOKEN;

    @TempDir
    Path dir;

    private CofferServer server;
    private boolean serverClosed;
    private Http http;
    private Path file;

    @BeforeEach
    void start() throws Exception {
        server = DevServer.start();
        http = new Http(server.url());
        file = dir.resolve("audit.log");
        enableAudit(http, ROOT, file);
        traffic(http, ROOT, 8);
        awaitStoredHead(http, ROOT);
    }

    @AfterEach
    void stop() {
        closeServer();
    }

    /** The restart tests run child servers with a data directory instead of the in-memory one. */
    private void closeServer() {
        if (!serverClosed) {
            serverClosed = true;
            server.close();
        }
    }

    @Test
    void untamperedFile_isIntactUpToTheLastWrittenLine_andReachesTheStoredHead() {
        Map<String, Object> result = verify(http, ROOT);

        assertThat(result).containsEntry("intact", true).containsEntry("stored_head_checked", true)
                .containsEntry("chain_breaks_since_start", 0);
    }

    @Test
    void removedRecord_relinkedWithSha256_isDetected() throws Exception {
        List<String> lines = ChainFiles.lines(file);
        lines.remove(middleRecord(lines));
        ChainFiles.rewrite(file, lines);
        ChainFiles.relinkWithSha256(file);

        Map<String, Object> result = verify(http, ROOT);

        assertThat(result).containsEntry("intact", false);
        assertThat(failureReason(result)).contains("prev_hash does not match");
    }

    @Test
    void editedRecord_isDetected() throws Exception {
        List<String> lines = ChainFiles.lines(file);
        int at = middleRecord(lines);
        lines.set(at, lines.get(at).replace("\"remote_address\":\"127.0.0.1\"", "\"remote_address\":\"10.9.9.9\""));
        assertThat(lines.get(at)).contains("10.9.9.9");
        ChainFiles.rewrite(file, lines);

        Map<String, Object> result = verify(http, ROOT);

        assertThat(result).containsEntry("intact", false);
        assertThat(failureReason(result)).contains("prev_hash does not match");
    }

    @Test
    void swappedRecords_areDetected() throws Exception {
        List<String> lines = ChainFiles.lines(file);
        int at = middleRecord(lines);
        Collections.swap(lines, at, at + 1);
        ChainFiles.rewrite(file, lines);

        assertThat(verify(http, ROOT)).containsEntry("intact", false);
    }

    @Test
    void truncatedTail_isDetected() throws Exception {
        List<String> lines = ChainFiles.lines(file);
        ChainFiles.rewrite(file, lines.subList(0, lines.size() - 6));

        Map<String, Object> result = verify(http, ROOT);

        assertThat(result).containsEntry("intact", false);
        assertThat(failureReason(result)).containsAnyOf("before the stored chain head", "does not end with the last line");
    }

    @Test
    void verification_needsSudo_andTheKeyExportARootToken() {
        http.put("/v1/sys/policies/acl/auditor", ROOT, Http.json(Map.of("policy",
                "path \"sys/audit-verify/*\" { capabilities = [\"read\", \"update\"] }\n"
                        + "path \"sys/audit-chain-key/*\" { capabilities = [\"read\"] }")));
        http.put("/v1/sys/policies/acl/auditor-sudo", ROOT, Http.json(Map.of("policy",
                "path \"sys/audit-verify/*\" { capabilities = [\"read\", \"update\", \"sudo\"] }\n"
                        + "path \"sys/audit-chain-key/*\" { capabilities = [\"read\", \"sudo\"] }")));
        String auditor = TestTokens.mint(server, "auditor");
        String sudoAuditor = TestTokens.mint(server, "auditor-sudo");

        assertThat(http.get("/v1/sys/audit-verify/file", auditor).status()).isEqualTo(403);
        assertThat(http.get("/v1/sys/audit-chain-key/file", auditor).status()).isEqualTo(403);
        assertThat(http.get("/v1/sys/audit-verify/file", sudoAuditor).status()).isEqualTo(200);
        assertThat(http.put("/v1/sys/audit-verify/file", sudoAuditor, "{}").status()).isEqualTo(200);
        assertThat(http.get("/v1/sys/audit-chain-key/file", sudoAuditor).status()).isEqualTo(403);

        Http.Reply exported = http.get("/v1/sys/audit-chain-key/file", ROOT);
        assertThat(exported.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        String key = SuiteSecrets.register((String) ((Map<String, Object>) exported.json().get("data")).get("key"));
        assertThat(key).matches("[0-9a-f]{64}");
        assertThat(AuditRecords.contains(file, key)).as("the exported key is HMAC'd in the audit record").isFalse();
        assertThat(http.get("/v1/sys/audit-chain-key/none", ROOT).status()).isEqualTo(400);
    }

    @Test
    void restartAfterTheTailWasCut_startsABreakSegment_logsAndCountsIt() throws Exception {
        closeServer();
        Path dataDir = Files.createDirectory(dir.resolve("data"));
        Path logFile = dir.resolve("restart.log");
        int port = ChildServer.freePort();
        String[] credentials = auditedChildServer(dataDir, port, logFile, 8);
        String root = credentials[0];
        String unsealKey = credentials[1];
        List<String> written = ChainFiles.lines(logFile);
        int cut = 5;
        ChainFiles.rewrite(logFile, written.subList(0, written.size() - cut));

        ChildServer second = ChildServer.start(dataDir, port);
        try {
            second.unseal(unsealKey);
            traffic(second.http, root, 1);

            JsonNode start = AuditRecords.read(logFile).get(0);
            assertThat(start.path("type").asText()).isEqualTo("chain_start");
            assertThat(start.path("chain").path("reason").asText()).isEqualTo("break");
            assertThat(start.path("chain").path("expected").path("records").asLong()).isGreaterThan(0);
            assertThat(start.path("chain").path("found").path("problem").asText()).contains("cut from its end");
            List<Path> files = AuditRecords.chronological(logFile);
            assertThat(files).as("the tampered file is kept beside the new one").hasSize(2);
            assertThat(ChainFiles.lines(files.get(0))).isEqualTo(written.subList(0, written.size() - cut));
            // Child servers log to the suite's log (logback-test.xml); the temporary path makes the line this test's.
            assertThat(Files.readAllLines(Path.of("target", "server-test.log"), StandardCharsets.UTF_8))
                    .anySatisfy(l -> assertThat(l).contains("WARN").contains(logFile.toString())
                            .contains("does not match the chain head stored"));

            Map<String, Object> result = verify(second.http, root);
            assertThat(result).containsEntry("intact", false).containsEntry("chain_breaks_since_start", 1);
            assertThat(chainBreaksMetric(second.http, root)).as("sys/metrics exports the same count").contains(1.0);
        } finally {
            second.kill9();
        }
    }

    @Test
    void restartWithoutTampering_continuesTheChain() throws Exception {
        closeServer();
        Path dataDir = Files.createDirectory(dir.resolve("data"));
        Path logFile = dir.resolve("restart.log");
        int port = ChildServer.freePort();
        String[] credentials = auditedChildServer(dataDir, port, logFile, 4);
        String root = credentials[0];
        String unsealKey = credentials[1];
        ChildServer second = ChildServer.start(dataDir, port);
        try {
            second.unseal(unsealKey);
            traffic(second.http, root, 2);
            assertThat(AuditRecords.chronological(logFile)).hasSize(1);
            assertThat(verify(second.http, root)).containsEntry("intact", true).containsEntry("chain_breaks_since_start", 0);
            assertThat(chainBreaksMetric(second.http, root)).contains(0.0);
        } finally {
            second.kill9();
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Runs a child server on {@code dataDir} with a file audit device at {@code logFile} for
     * {@code secrets} writes and reads, waits for its chain head to be stored, kills it (-9) and
     * returns {root token, unseal key}.
     */
    private static String[] auditedChildServer(Path dataDir, int port, Path logFile, int secrets) throws Exception {
        ChildServer child = ChildServer.start(dataDir, port);
        try {
            String[] credentials = child.initAndUnseal();
            String root = credentials[0];
            assertThat(child.http.send("POST", "/v1/sys/mounts/secret", root, "{\"type\":\"kv-v2\"}").status()).isEqualTo(204);
            enableAudit(child.http, root, logFile);
            traffic(child.http, root, secrets);
            awaitStoredHead(child.http, root);
            return credentials;
        } finally {
            child.kill9();
        }
    }

    /** {@code coffer_audit_chain_breaks_total} as {@code sys/metrics} serves it. */
    private static java.util.Optional<Double> chainBreaksMetric(Http http, String token) {
        Http.Reply r = http.get("/v1/sys/metrics?format=prometheus", token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return PrometheusText.value(r.body(), "coffer_audit_chain_breaks_total");
    }

    private static void enableAudit(Http http, String token, Path file) {
        Http.Reply r = http.put("/v1/sys/audit/file", token, Http.json(Map.of("type", "file",
                "options", Map.of("file_path", file.toString()))));
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    /** Writes and reads {@code n} secrets: two records each. */
    private static void traffic(Http http, String token, int n) {
        for (int i = 0; i < n; i++) {
            String path = "/v1/secret/data/tamper/" + i;
            assertThat(http.send("POST", path, token, Http.json(Map.of("data", Map.of("v", "value-" + i)))).status())
                    .isEqualTo(200);
            assertThat(http.get(path, token).status()).isEqualTo(200);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> verify(Http http, String token) {
        Http.Reply r = http.get("/v1/sys/audit-verify/file", token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return (Map<String, Object>) r.json().get("data");
    }

    /** Waits until the server stored the head of everything written (it does so within a fraction of a second). */
    @SuppressWarnings("unchecked")
    private static void awaitStoredHead(Http http, String token) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(300);
            Http.Reply r = http.get("/v1/sys/audit-verify/file", token);
            if (r.status() == 200) {
                Map<String, Object> data = (Map<String, Object>) r.json().get("data");
                if (data.get("stored_head") != null && data.get("stored_head").equals(data.get("written_head"))) {
                    return;
                }
            }
        }
        throw new AssertionError("the chain head was not stored within 20s");
    }

    @SuppressWarnings("unchecked")
    private static String failureReason(Map<String, Object> result) {
        return String.valueOf(((Map<String, Object>) result.get("failure")).get("reason"));
    }

    /** A request or response record in the middle of the file (not the chain_start line). */
    private static int middleRecord(List<String> lines) {
        int at = lines.size() / 2;
        assertThat(lines.get(at)).doesNotContain("\"chain_start\"");
        return at;
    }
}
