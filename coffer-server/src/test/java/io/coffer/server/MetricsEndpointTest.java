package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /v1/sys/metrics} through the HTTP server: both formats, who may read it (a token with
 * {@code read} on {@code sys/metrics}, or anyone under {@code --unauthenticated-metrics}), and that
 * the meters follow what they measure (audit devices enabled and disabled, refused connections).
 */
class MetricsEndpointTest {

    private static final String ROOT = DevServer.ROOT_TOKEN;
    private static final String PROMETHEUS = "/v1/sys/metrics?format=prometheus";

    @TempDir
    Path dir;

    private CofferServer server;
    private Http http;

    private void start(UnaryOperator<ServerConfig.Builder> settings) {
        server = DevServer.start(settings);
        http = new Http(server.url());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void prometheusFormat_isTheTextExposition_withCofferAndJvmMeters() {
        start(UnaryOperator.identity());
        Http.Reply r = http.get(PROMETHEUS, ROOT);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        String text = r.body();
        assertThat(text).contains("# TYPE coffer_http_connections_open gauge", "# TYPE coffer_audit_chain_breaks_total counter",
                "# TYPE coffer_login_refused_total counter", "# TYPE coffer_http_connections_refused_total counter",
                "# TYPE coffer_http_request_bodies_refused_total counter", "# TYPE coffer_http_requests_timed_out_total counter",
                "# TYPE coffer_http_request_body_bytes_held gauge", "jvm_memory_used_bytes", "jvm_threads_live_threads");
        assertThat(PrometheusText.value(text, "coffer_audit_chain_breaks_total")).contains(0.0);
        assertThat(PrometheusText.value(text, "coffer_login_refused_total")).contains(0.0);
        assertThat(PrometheusText.value(text, "coffer_http_connections_refused_total")).contains(0.0);
        assertThat(PrometheusText.value(text, "coffer_http_connections_open").orElseThrow())
                .as("the scrape's own connection").isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void defaultFormat_isVaultsJsonShape() {
        start(UnaryOperator.identity());
        Http.Reply r = metrics("/v1/sys/metrics", ROOT);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        Map<String, Object> body = r.json();
        assertThat(body).containsKeys("Timestamp", "Gauges", "Counters", "Samples");
        assertThat(named(body, "Counters", "coffer_audit_chain_breaks_total")).hasValueSatisfying(c -> {
            assertThat(c).containsEntry("Value", 0.0).containsEntry("Labels", Map.of());
        });
        assertThat(named(body, "Gauges", "coffer_http_connections_open")).isPresent();
        assertThat(named(body, "Counters", "coffer_login_refused_total")).isPresent();
        assertThat(metrics("/v1/sys/metrics?format=json", ROOT).status()).isEqualTo(200);
        Http.Reply unknown = metrics("/v1/sys/metrics?format=xml", ROOT);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).doesNotContain("xml");
    }

    @Test
    void reading_needsATokenWithReadOnSysMetrics() {
        start(UnaryOperator.identity());
        assertThat(http.get(PROMETHEUS, null).status()).isEqualTo(403);
        assertThat(metrics("/v1/sys/metrics", null).status()).isEqualTo(403);
        assertThat(http.put("/v1/sys/policies/acl/metrics-reader", ROOT,
                Http.json(Map.of("policy", "path \"sys/metrics\" { capabilities = [\"read\"] }"))).status()).isEqualTo(204);
        assertThat(http.put("/v1/sys/policies/acl/other", ROOT,
                Http.json(Map.of("policy", "path \"sys/health\" { capabilities = [\"read\"] }"))).status()).isEqualTo(204);
        String without = TestTokens.mint(server, "other");
        assertThat(http.get(PROMETHEUS, without).status()).isEqualTo(403);
        assertThat(metrics("/v1/sys/metrics", without).status()).isEqualTo(403);
        String reader = TestTokens.mint(server, "metrics-reader");
        assertThat(http.get(PROMETHEUS, reader).status()).isEqualTo(200);
        assertThat(metrics("/v1/sys/metrics", reader).status()).isEqualTo(200);
        // read only: the path takes no other operation, and the capability grants no other path.
        assertThat(http.put("/v1/sys/metrics", reader, "{}").status()).isIn(403, 405);
        assertThat(http.get("/v1/sys/audit", reader).status()).isEqualTo(403);
    }

    @Test
    void sealed_refusesTokensButUnauthenticatedMetricsStillAnswer() {
        start(UnaryOperator.identity());
        assertThat(http.put("/v1/sys/seal", ROOT, "{}").status()).isEqualTo(204);
        assertThat(http.get(PROMETHEUS, ROOT).status()).isEqualTo(503);
        server.close();

        start(b -> b.unauthenticatedMetrics(true));
        assertThat(http.put("/v1/sys/seal", ROOT, "{}").status()).isEqualTo(204);
        Http.Reply r = http.get(PROMETHEUS, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("coffer_http_connections_open");
    }

    @Test
    void unauthenticatedMetrics_answerWithoutAToken_andNothingElseOpensUp() {
        start(b -> b.unauthenticatedMetrics(true));
        Http.Reply r = http.get(PROMETHEUS, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("coffer_audit_chain_breaks_total");
        assertThat(metrics("/v1/sys/metrics", null).json()).containsKey("Gauges");
        assertThat(metrics("/v1/sys/metrics", "not-a-token").status()).isEqualTo(200);
        assertThat(http.get("/v1/sys/audit", null).status()).isEqualTo(403);
        assertThat(http.put("/v1/sys/metrics", null, "{}").status()).isGreaterThanOrEqualTo(400);
    }

    @Test
    void auditVolumeGauges_followTheEnabledDevices() {
        start(UnaryOperator.identity());
        Path file = dir.resolve("audit.log");
        Map<String, Object> options = Map.of("file_path", file.toString(), "free_space_warn", "100%");
        Http.Reply enabled = http.put("/v1/sys/audit/file", ROOT, Http.json(Map.of("type", "file", "options", options)));
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(204);

        String text = http.get(PROMETHEUS, ROOT).body();
        assertThat(PrometheusText.value(text, "coffer_audit_volume_low{device=\"file/\"}"))
                .as("free_space_warn=100%: every volume is low").contains(1.0);
        assertThat(PrometheusText.value(text, "coffer_audit_volume_free_bytes{device=\"file/\"}").orElseThrow()).isPositive();
        assertThat(named(metrics("/v1/sys/metrics", ROOT).json(), "Gauges", "coffer_audit_volume_low"))
                .hasValueSatisfying(g -> assertThat(g).containsEntry("Value", 1.0).containsEntry("Labels", Map.of("device", "file/")));

        assertThat(http.send("DELETE", "/v1/sys/audit/file", ROOT, null).status()).isEqualTo(204);
        String after = http.get(PROMETHEUS, ROOT).body();
        assertThat(PrometheusText.value(after, "coffer_audit_volume_low{device=\"file/\"}")).isEmpty();
        assertThat(PrometheusText.value(after, "coffer_audit_volume_free_bytes{device=\"file/\"}")).isEmpty();
    }

    @Test
    void connectionRefusedAtThePerClientCap_isCounted() throws Exception {
        start(b -> b.maxConnections(100).maxConnectionsPerClient(1));
        try (RawHttp admitted = RawHttp.connect(server, 5_000)) {
            awaitOpenConnections(1);
            try (RawHttp extra = RawHttp.connect(server, 5_000)) {
                assertThat(extra.response().status()).isEqualTo(503);
            }
        }
        awaitOpenConnections(0);
        String text = http.get(PROMETHEUS, ROOT).body();
        assertThat(PrometheusText.value(text, "coffer_http_connections_refused_total")).contains(1.0);
    }

    /**
     * GET of a metrics document without {@link Http}'s secret registration: the JVM meters' labels
     * (a memory pool {@code "id"} such as {@code "direct"}) are not secrets, and the suite's log
     * scan would otherwise search the log for them.
     */
    private Http.Reply metrics(String path, String token) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + path))
                .timeout(java.time.Duration.ofSeconds(20));
        if (token != null) {
            b.header("X-Vault-Token", token);
        }
        try {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient()
                    .send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Http.Reply(r.statusCode(), r.body(), r);
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError("GET " + path + " failed", e);
        }
    }

    private void awaitOpenConnections(int n) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.httpLoad().openConnections() != n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.httpLoad().openConnections()).isEqualTo(n);
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> named(Map<String, Object> body, String kind, String name) {
        return ((List<Map<String, Object>>) body.get(kind)).stream().filter(m -> name.equals(m.get("Name"))).findFirst();
    }
}
