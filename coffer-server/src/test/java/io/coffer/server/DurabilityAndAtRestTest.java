package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A --data-dir server in its own process: acknowledged writes survive kill -9, state survives a
 * restart (sealed again), and no file under the data dir holds a secret value or the root token.
 */
class DurabilityAndAtRestTest {

    private static final int WRITES = 150;
    private static final String MARKER = "plaintext-marker-7f3c9a";

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedWrites_surviveKill9AndRestart() throws Exception {
        int port = freePort();
        Process first = startServer(port);
        List<String> acknowledged = new ArrayList<>();
        String root;
        List<String> keys;
        try {
            Http http = new Http("http://127.0.0.1:" + port);
            Map<String, Object> init = http.put("/v1/sys/init", null, "{\"secret_shares\":3,\"secret_threshold\":2}").json();
            root = (String) init.get("root_token");
            @SuppressWarnings("unchecked")
            List<String> k = (List<String>) init.get("keys");
            keys = k;
            unseal(http, keys);
            assertThat(http.send("POST", "/v1/sys/mounts/secret", root, "{\"type\":\"kv\",\"options\":{\"version\":\"2\"}}").status())
                    .isEqualTo(204);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            for (int i = 0; i < WRITES && Instant.now().isBefore(deadline); i++) {
                String body = Http.json(Map.of("data", Map.of("password", MARKER + "-" + i, "n", i)));
                if (http.send("POST", "/v1/secret/data/app/" + i, root, body).status() == 200) {
                    acknowledged.add("app/" + i);
                }
            }
            assertThat(acknowledged).hasSize(WRITES);
        } finally {
            first.destroyForcibly();
            assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }

        Process second = startServer(port);
        try {
            Http http = new Http("http://127.0.0.1:" + port);
            assertThat(http.get("/v1/sys/seal-status", null).json()).containsEntry("initialized", true).containsEntry("sealed", true);
            assertThat(http.get("/v1/secret/data/app/0", root).status()).isEqualTo(503);
            unseal(http, keys.subList(1, 3));
            for (int i = 0; i < acknowledged.size(); i++) {
                Http.Reply r = http.get("/v1/secret/data/" + acknowledged.get(i), root);
                assertThat(r.status()).as(acknowledged.get(i)).isEqualTo(200);
                @SuppressWarnings("unchecked")
                Map<String, Object> data = (Map<String, Object>) ((Map<String, Object>) r.json().get("data")).get("data");
                assertThat(data).containsEntry("password", MARKER + "-" + i).containsEntry("n", i);
            }
            // The root token from init still authenticates after the crash: tokens are durable too.
            assertThat(http.get("/v1/sys/mounts", root).status()).isEqualTo(200);
        } finally {
            second.destroyForcibly();
            second.waitFor(20, TimeUnit.SECONDS);
        }

        assertNoFileContains(MARKER);
        assertNoFileContains(root);
        for (String key : keys) {
            assertNoFileContains(key);
        }
    }

    private void assertNoFileContains(String needle) throws IOException {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(f);
                assertThat(indexOf(content, n)).as("%s must not contain a secret", f.getFileName()).isEqualTo(-1);
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void unseal(Http http, List<String> keys) {
        Map<String, Object> status = null;
        for (String key : keys) {
            status = http.put("/v1/sys/unseal", null, Http.json(Map.of("key", key))).json();
            if (Boolean.FALSE.equals(status.get("sealed"))) {
                break;
            }
        }
        assertThat(status).containsEntry("sealed", false);
    }

    private Process startServer(int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), DataDirServerMain.class.getName(),
                dataDir.toString(), String.valueOf(port))
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String line;
        while (Instant.now().isBefore(deadline) && (line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                // Keep draining the child's output so it never blocks on a full pipe.
                Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
                return p;
            }
        }
        p.destroyForcibly();
        throw new AssertionError("server did not start within 60s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
