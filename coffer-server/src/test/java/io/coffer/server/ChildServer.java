package io.coffer.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A --data-dir server in a child JVM ({@link DataDirServerMain}), for crash and signal tests. */
final class ChildServer {

    private final Process process;
    final Http http;

    private ChildServer(Process process, int port) {
        this.process = process;
        this.http = new Http("http://127.0.0.1:" + port);
    }

    static ChildServer start(Path dataDir, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), DataDirServerMain.class.getName(),
                dataDir.toString(), String.valueOf(port))
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        String line;
        while (Instant.now().isBefore(deadline) && (line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                // Keep draining the child's output so it never blocks on a full pipe.
                Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
                return new ChildServer(p, port);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("server did not start within 90s");
    }

    long pid() {
        return process.pid();
    }

    /** Initializes with one share, unseals, returns {root token, unseal key}. */
    String[] initAndUnseal() {
        Map<String, Object> init = http.put("/v1/sys/init", null, "{\"secret_shares\":1,\"secret_threshold\":1}").json();
        String root = SuiteSecrets.register((String) init.get("root_token"));
        @SuppressWarnings("unchecked")
        String key = SuiteSecrets.register(((List<String>) init.get("keys")).get(0));
        unseal(key);
        return new String[] {root, key};
    }

    void unseal(String key) {
        Map<String, Object> status = http.put("/v1/sys/unseal", null, Http.json(Map.of("key", key))).json();
        if (!Boolean.FALSE.equals(status.get("sealed"))) {
            throw new AssertionError("still sealed: " + status);
        }
    }

    void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("child did not die");
        }
    }

    /** Sends a Unix signal, e.g. {@code HUP}, with the system's kill command. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -" + name + " failed");
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
