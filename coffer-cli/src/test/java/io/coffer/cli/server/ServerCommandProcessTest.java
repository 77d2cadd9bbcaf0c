package io.coffer.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.CofferCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server command lines of the contract, run as a separate process exactly as a user would. */
class ServerCommandProcessTest {

    @TempDir
    Path dir;

    @Test
    void dev_printsAddressRootTokenAndUnsealKeyAndServesKv() throws Exception {
        int port = freePort();
        Process p = start("server", "--dev", "--dev-root-token", "banner-root-token", "--listen", "127.0.0.1:" + port);
        try {
            String banner = readUntil(p, "Root Token:");
            assertThat(banner).contains("http://127.0.0.1:" + port).contains("Root Token: banner-root-token")
                    .containsPattern("Unseal Key: [A-Za-z0-9+/=]{44}");
            HttpResponse<String> write = send("POST", "http://127.0.0.1:" + port + "/v1/secret/data/app", "banner-root-token",
                    "{\"data\":{\"k\":\"v\"}}");
            assertThat(write.statusCode()).isEqualTo(200);
            assertThat(send("GET", "http://127.0.0.1:" + port + "/v1/secret/data/app", "banner-root-token", null).body())
                    .contains("\"k\":\"v\"");
        } finally {
            stop(p);
        }
    }

    @Test
    void dev_withAccessKey_createsItWithTheRootPolicyAndPrintsOnlyTheId() throws Exception {
        int port = freePort();
        Process p = start("server", "--dev", "--dev-root-token", "root", "--dev-access-key-id", "AKIADEVEXAMPLE0001",
                "--dev-secret-access-key", "devSecretKeyExample/123", "--listen", "127.0.0.1:" + port);
        try {
            String banner = readUntil(p, "AWS Access Key Id:");
            assertThat(banner).contains("AWS Access Key Id: AKIADEVEXAMPLE0001").doesNotContain("devSecretKeyExample");
            HttpResponse<String> key = send("GET", "http://127.0.0.1:" + port + "/v1/auth/sigv4/keys/AKIADEVEXAMPLE0001",
                    "root", null);
            assertThat(key.statusCode()).isEqualTo(200);
            assertThat(key.body()).contains("\"policies\":[\"root\"]").doesNotContain("devSecretKeyExample");
        } finally {
            stop(p);
        }
    }

    @Test
    void unauthenticatedMetrics_servesSysMetricsWithoutAToken_onlyWithTheFlag() throws Exception {
        int port = freePort();
        String metrics = "http://127.0.0.1:" + port + "/v1/sys/metrics?format=prometheus";
        Process p = start("server", "--dev", "--dev-root-token", "root", "--unauthenticated-metrics", "--listen", "127.0.0.1:" + port);
        try {
            readUntil(p, "Root Token:");
            HttpResponse<String> open = send("GET", metrics, null, null);
            assertThat(open.statusCode()).isEqualTo(200);
            assertThat(open.body()).contains("coffer_http_connections_open");
        } finally {
            stop(p);
        }
        int other = freePort();
        Process closed = start("server", "--dev", "--dev-root-token", "root", "--listen", "127.0.0.1:" + other);
        try {
            readUntil(closed, "Root Token:");
            assertThat(send("GET", "http://127.0.0.1:" + other + "/v1/sys/metrics", null, null).statusCode()).isEqualTo(403);
        } finally {
            stop(closed);
        }
    }

    @Test
    void devAccessKeyId_withoutTheSecret_refusesToStart() throws Exception {
        Process p = start("server", "--dev", "--dev-access-key-id", "AKIADEVEXAMPLE0001", "--listen", "127.0.0.1:" + freePort());
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(out).contains("--dev-access-key-id and --dev-secret-access-key go together");
    }

    @Test
    void devAccessKey_withoutDev_refusesToStart() throws Exception {
        Process p = start("server", "--data-dir", dir.toString(), "--tls-disable", "--dev-access-key-id", "AKIAX",
                "--dev-secret-access-key", "s", "--listen", "127.0.0.1:" + freePort());
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(out).contains("only apply with --dev");
    }

    @Test
    void configFile_carriesTheSettingsAndFlagsOverrideIt() throws Exception {
        int port = freePort();
        Path config = dir.resolve("coffer.json");
        Files.writeString(config, "{\"listen\":\"127.0.0.1:" + port + "\",\"data_dir\":\"data\","
                + "\"tls_cert\":\"missing.crt\",\"tls_key\":\"missing.key\"}");
        // The file's TLS files do not exist; the --tls-disable flag overrides the file's TLS choice.
        Process p = start("server", "--config", config.toString(), "--tls-disable");
        try {
            readUntil(p, "Listening on");
            HttpResponse<String> health = send("GET", "http://127.0.0.1:" + port + "/v1/sys/health", null, null);
            assertThat(health.statusCode()).isEqualTo(501);
            assertThat(Files.exists(dir.resolve("data").resolve("coffer.db"))).isTrue();
        } finally {
            stop(p);
        }
    }

    private Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), CofferCommand.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static String readUntil(Process p, String marker) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String line;
        while (Instant.now().isBefore(deadline) && (line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.contains(marker)) {
                Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
                return seen.toString();
            }
        }
        throw new AssertionError("no \"" + marker + "\" within 60s; output was:\n" + seen);
    }

    private static HttpResponse<String> send(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("X-Vault-Token", token);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
