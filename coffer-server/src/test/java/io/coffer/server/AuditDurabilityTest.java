package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.core.audit.AuditChainKey;
import io.coffer.core.audit.AuditChainVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit files of a server in its own process: a record acknowledged to a client (its response
 * was sent) survives {@code kill -9}; after a restart the chain continues intact; SIGHUP rotates
 * the file without losing a record.
 */
class AuditDurabilityTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path logDir;

    @Test
    void acknowledgedRecords_surviveKill9_andTheChainContinuesAfterRestart() throws Exception {
        int port = ChildServer.freePort();
        Path file = logDir.resolve("audit.log");
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        String root;
        String key;
        ChildServer first = ChildServer.start(dataDir, port);
        try {
            String[] credentials = first.initAndUnseal();
            root = credentials[0];
            key = credentials[1];
            assertThat(first.http.send("POST", "/v1/sys/mounts/secret", root, "{\"type\":\"kv-v2\"}").status()).isEqualTo(204);
            enableAudit(first.http, root, file);

            // Clients keep writing while the server is killed; only answered requests count.
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int client = c;
                clients.add(Thread.ofVirtual().start(() -> {
                    Http http = new Http("http://127.0.0.1:" + port);
                    for (int i = 0; !stop.get(); i++) {
                        String body = Http.json(Map.of("data", Map.of("v", SuiteSecrets.bulk("kill9-" + client + "-" + i))));
                        Http.Reply r;
                        try {
                            r = http.send("POST", "/v1/secret/data/k" + client + "/" + i, root, body);
                        } catch (AssertionError connectionLost) {
                            return;
                        }
                        if (r.status() == 200) {
                            acknowledged.add((String) r.json().get("request_id"));
                        }
                    }
                }));
            }
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (acknowledged.size() < 200 && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            first.kill9();
            stop.set(true);
            for (Thread t : clients) {
                t.join(Duration.ofSeconds(30));
            }
        } finally {
            first.kill9();
        }
        assertThat(acknowledged.size()).isGreaterThanOrEqualTo(200);

        Set<String> durable = responseIds(file);
        assertThat(durable).containsAll(List.copyOf(acknowledged));

        ChildServer second = ChildServer.start(dataDir, port);
        AuditChainKey chainKey;
        try {
            second.unseal(key);
            Http.Reply after = second.http.get("/v1/sys/audit", root);
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.json()).containsKey("file/");
            // kill -9 leaves lines after the last stored head, which the chain covers: no break.
            Map<String, Object> verified = second.http.get("/v1/sys/audit-verify/file", root).json();
            assertThat(verified).containsEntry("intact", true).containsEntry("chain_breaks_since_start", 0);
            chainKey = AuditRecords.chainKey(second.http, root, "file");
        } finally {
            second.kill9();
        }
        assertThat(responseIds(file)).containsAll(List.copyOf(acknowledged));
        AuditChainVerifier.Result chain = AuditRecords.verify(chainKey, List.of(file));
        assertThat(chain.failure()).isEmpty();
    }

    @Test
    void sighup_rotatesTheFileWithoutLosingARecord() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "sends a Unix signal");
        int port = ChildServer.freePort();
        Path file = logDir.resolve("audit.log");
        ChildServer server = ChildServer.start(dataDir, port);
        List<String> ids = new ArrayList<>();
        AuditChainKey chainKey;
        try {
            String root = server.initAndUnseal()[0];
            enableAudit(server.http, root, file);
            for (int i = 0; i < 20; i++) {
                ids.add((String) server.http.get("/v1/sys/mounts", root).json().get("request_id"));
            }

            server.signal("HUP");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (AuditRecords.chronological(file).size() < 2 && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertThat(AuditRecords.chronological(file)).as("a rotated file appears").hasSize(2);

            for (int i = 0; i < 20; i++) {
                ids.add((String) server.http.get("/v1/sys/mounts", root).json().get("request_id"));
            }
            assertThat(server.http.get("/v1/sys/health", null).status()).as("SIGHUP does not stop the server").isEqualTo(200);
            chainKey = AuditRecords.chainKey(server.http, root, "file");
        } finally {
            server.kill9();
        }

        List<Path> files = AuditRecords.chronological(file);
        assertThat(AuditRecords.verify(chainKey, files).failure()).isEmpty();
        List<String> recorded = new ArrayList<>();
        for (Path f : files) {
            AuditRecords.vaultRecords(f).stream().filter(r -> r.path("type").asText().equals("response"))
                    .map(r -> r.path("request").path("id").asText()).filter(ids::contains).forEach(recorded::add);
        }
        assertThat(recorded).containsExactlyElementsOf(ids);
    }

    private static void enableAudit(Http http, String root, Path file) {
        Http.Reply r = http.put("/v1/sys/audit/file", root, Http.json(Map.of("type", "file",
                "options", Map.of("file_path", file.toString()))));
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    private static Set<String> responseIds(Path file) throws Exception {
        // A batch cut by the kill may leave an incomplete last line: it was never acknowledged.
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        String content = Files.readString(file);
        if (!content.endsWith("\n") && !lines.isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        Set<String> ids = new HashSet<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : lines) {
            JsonNode r = json.readTree(line);
            if (r.path("type").asText().equals("response")) {
                ids.add(r.path("request").path("id").asText());
            }
        }
        return ids;
    }
}
