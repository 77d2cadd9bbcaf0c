package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.core.auth.TestKeys;
import io.coffer.core.auth.kubernetes.ServiceAccountTokens;
import io.coffer.core.mount.MountEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JWT and Kubernetes logins, accepted and refused, leave no JWT or token in the audit file or the server log. */
class WorkloadAuthAuditTest {

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

    @Test
    @SuppressWarnings("unchecked")
    void logins_recordOnlyHmacsOfJwtsAndTokens() {
        TestKeys issuer = TestKeys.rsa("audit-1");
        TestKeys cluster = TestKeys.ec(null);
        var auth = server.node().handler().authMounts();
        auth.mount("jwt/", "jwt", "", Map.of(), MountEntry.MountConfig.DEFAULT);
        auth.mount("kubernetes/", "kubernetes", "", Map.of(), MountEntry.MountConfig.DEFAULT);
        Path file = dir.resolve("audit.log");
        assertThat(http.put("/v1/sys/audit/file", ROOT, Http.json(Map.of("type", "file",
                "options", Map.of("file_path", file.toString())))).status()).isEqualTo(204);
        http.put("/v1/auth/jwt/config", ROOT, Http.json(Map.of("jwt_validation_pubkeys", List.of(issuer.pem()))));
        http.put("/v1/auth/jwt/role/ci", ROOT, Http.json(Map.of("role_type", "jwt", "user_claim", "sub", "bound_subject", "ci")));
        http.put("/v1/auth/kubernetes/config", ROOT, Http.json(Map.of("kubernetes_host", "https://k8s",
                "pem_keys", List.of(cluster.pem()))));
        http.put("/v1/auth/kubernetes/role/web", ROOT, Http.json(Map.of("bound_service_account_names", "web",
                "bound_service_account_namespaces", "prod")));

        long now = Instant.now().getEpochSecond();
        String jwt = SuiteSecrets.register(issuer.sign(Map.of("sub", "ci", "iat", now, "exp", now + 60)));
        String expired = SuiteSecrets.register(issuer.sign(Map.of("sub", "ci", "iat", now - 900, "exp", now - 600)));
        String pod = SuiteSecrets.register(cluster.sign(ServiceAccountTokens.legacy("prod", "web", "uid-1")));
        String strangerPod = SuiteSecrets.register(cluster.sign(ServiceAccountTokens.legacy("dev", "web", "uid-2")));

        Http.Reply ok = http.put("/v1/auth/jwt/login", null, Http.json(Map.of("role", "ci", "jwt", jwt)));
        assertThat(ok.status()).isEqualTo(200);
        String token = SuiteSecrets.register((String) ((Map<String, Object>) ok.json().get("auth")).get("client_token"));
        assertThat(http.put("/v1/auth/jwt/login", null, Http.json(Map.of("role", "ci", "jwt", expired))).status()).isEqualTo(400);
        Http.Reply podOk = http.put("/v1/auth/kubernetes/login", null, Http.json(Map.of("role", "web", "jwt", pod)));
        assertThat(podOk.status()).isEqualTo(200);
        String podToken = SuiteSecrets.register((String) ((Map<String, Object>) podOk.json().get("auth")).get("client_token"));
        assertThat(http.put("/v1/auth/kubernetes/login", null, Http.json(Map.of("role", "web", "jwt", strangerPod))).status())
                .isEqualTo(403);

        for (String secret : List.of(jwt, expired, pod, strangerPod, token, podToken)) {
            assertThat(AuditRecords.contains(file, secret)).as("audit file contains a JWT or token").isFalse();
            for (String part : secret.split("\\.")) {
                assertThat(AuditRecords.contains(file, part)).as("audit file contains part of a JWT").isFalse();
            }
        }
        List<JsonNode> records = AuditRecords.vaultRecords(file);
        JsonNode refused = records.stream()
                .filter(r -> r.path("type").asText().equals("response") && r.path("request").path("path").asText().equals("auth/jwt/login")
                        && !r.path("error").asText().isEmpty())
                .findFirst().orElseThrow();
        assertThat(refused.path("error").asText()).isEqualTo("error validating token: invalid expiration time (exp) claim: token is expired");
        assertThat(refused.path("request").path("data").path("jwt").asText()).isEqualTo(auditHash(expired));
        JsonNode accepted = records.stream()
                .filter(r -> r.path("type").asText().equals("response") && r.path("request").path("path").asText().equals("auth/kubernetes/login")
                        && r.path("error").asText().isEmpty())
                .findFirst().orElseThrow();
        assertThat(accepted.path("request").path("mount_type").asText()).isEqualTo("kubernetes");
        assertThat(accepted.path("response").path("auth").path("client_token").asText()).isEqualTo(auditHash(podToken));
        assertThat(accepted.path("response").path("auth").path("metadata").path("service_account_namespace").asText())
                .isEqualTo(auditHash("prod"));
    }

    private String auditHash(String input) {
        Http.Reply r = http.put("/v1/sys/audit-hash/file", ROOT, Http.json(Map.of("input", input)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) r.json().get("data");
        return (String) data.get("hash");
    }
}
