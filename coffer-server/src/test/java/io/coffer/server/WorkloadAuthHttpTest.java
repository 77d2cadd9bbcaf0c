package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.auth.JwksServer;
import io.coffer.core.auth.TestKeys;
import io.coffer.core.auth.kubernetes.ServiceAccountTokens;
import io.coffer.core.auth.kubernetes.TokenReviewStub;
import io.coffer.core.mount.MountEntry;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.AuthResponse;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.vault.authentication.JwtAuthentication;
import org.springframework.vault.authentication.JwtAuthenticationOptions;
import org.springframework.vault.authentication.KubernetesAuthentication;
import org.springframework.vault.authentication.KubernetesAuthenticationOptions;
import org.springframework.vault.client.VaultClients;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.web.client.RestTemplate;

/**
 * JWT and Kubernetes login end to end: a real server on loopback, a JWKS on another loopback port,
 * configuration over HTTP with the root token, logins with raw HTTP, vault-java-driver and Spring
 * Vault. The mounts are enabled through the Java API until {@code sys/auth} exists.
 */
class WorkloadAuthHttpTest {

    static final String UID = "0b5e7c1d-2f4a-4c3b-9e8d-1a2b3c4d5e6f";
    static CofferServer server;
    static Http http;
    static JwksServer jwks;
    static TestKeys issuerKey;
    static TestKeys clusterKey;
    static TokenReviewStub apiServer;

    @BeforeAll
    static void start() {
        issuerKey = TestKeys.rsa("ci-1");
        clusterKey = TestKeys.ec(null);
        jwks = new JwksServer();
        jwks.publish(issuerKey.jwk());
        apiServer = new TokenReviewStub();
        server = DevServer.start();
        http = new Http(server.url());
        var auth = server.node().handler().authMounts();
        auth.mount("jwt/", "jwt", "CI identity tokens", Map.of(), MountEntry.MountConfig.DEFAULT);
        auth.mount("kubernetes/", "kubernetes", "", Map.of(), MountEntry.MountConfig.DEFAULT);
        auth.mount("k8s-east/", "kubernetes", "", Map.of(), MountEntry.MountConfig.DEFAULT);
        auth.mount("k8s-review/", "kubernetes", "", Map.of(), MountEntry.MountConfig.DEFAULT);

        assertThat(put("/v1/auth/jwt/config", Map.of("jwks_url", jwks.jwksUrl(), "bound_issuer", "https://ci.example"))
                .status()).isEqualTo(204);
        assertThat(put("/v1/auth/jwt/role/deploy", Map.of("role_type", "jwt", "user_claim", "sub",
                "bound_audiences", "coffer", "bound_claims", Map.of("ref", "refs/heads/main"),
                "claim_mappings", Map.of("repository", "repo"), "token_policies", "deploy", "token_ttl", "15m")).status())
                .isEqualTo(204);
        for (String mount : List.of("kubernetes", "k8s-east")) {
            assertThat(put("/v1/auth/" + mount + "/config", Map.of("kubernetes_host", "https://10.96.0.1",
                    "pem_keys", List.of(clusterKey.pem()))).status()).isEqualTo(204);
            assertThat(put("/v1/auth/" + mount + "/role/web", Map.of("bound_service_account_names", "web",
                    "bound_service_account_namespaces", "prod", "audience", "vault", "token_policies", "web")).status())
                    .isEqualTo(204);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
        jwks.close();
        apiServer.close();
    }

    static Http.Reply put(String path, Map<String, Object> body) {
        return http.put(path, DevServer.ROOT_TOKEN, Http.json(body));
    }

    static String ciToken(Object... overrides) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new HashMap<>(Map.of("iss", "https://ci.example", "sub", "repo:org/service",
                "aud", "coffer", "ref", "refs/heads/main", "repository", "org/service", "iat", now, "exp", now + 300));
        for (int i = 0; i < overrides.length; i += 2) {
            claims.put((String) overrides[i], overrides[i + 1]);
        }
        return SuiteSecrets.register(issuerKey.sign(claims));
    }

    static String podToken(String namespace, String name) {
        return SuiteSecrets.register(clusterKey.sign(ServiceAccountTokens.projected(namespace, name, UID, "vault", Instant.now())));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> auth(Http.Reply r) {
        return (Map<String, Object>) r.json().get("auth");
    }

    @Test
    void jwtLogin_rawHttp_returnsVaultsEnvelopeWithoutAToken() {
        String jwt = ciToken();
        Http.Reply r = http.put("/v1/auth/jwt/login", null, Http.json(Map.of("role", "deploy", "jwt", jwt)));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).containsEntry("data", null).containsEntry("lease_duration", 0).containsEntry("mount_type", "jwt");
        Map<String, Object> auth = auth(r);
        assertThat((String) auth.get("client_token")).startsWith("hvs.");
        assertThat(auth).containsEntry("policies", List.of("default", "deploy")).containsEntry("lease_duration", 900)
                .containsEntry("renewable", true).containsEntry("metadata", Map.of("repo", "org/service", "role", "deploy"));
        assertThat(r.body()).doesNotContain(jwt);
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void jwtLogin_tokenCarriesTheRolesPolicies() {
        assertThat(put("/v1/sys/policies/acl/deploy", Map.of("policy",
                "path \"secret/data/deploy/*\" { capabilities = [\"read\"] }")).status()).isEqualTo(204);
        assertThat(put("/v1/secret/data/deploy/db", Map.of("data", Map.of("password", "pw"))).status()).isEqualTo(200);
        assertThat(put("/v1/secret/data/other/db", Map.of("data", Map.of("password", "pw"))).status()).isEqualTo(200);

        Http.Reply login = http.put("/v1/auth/jwt/login", null, Http.json(Map.of("role", "deploy", "jwt", ciToken())));
        String token = (String) auth(login).get("client_token");

        assertThat(http.get("/v1/secret/data/deploy/db", token).status()).isEqualTo(200);
        assertThat(http.get("/v1/secret/data/other/db", token).status()).isEqualTo(403);
        assertThat(http.put("/v1/secret/data/deploy/db", token, Http.json(Map.of("data", Map.of("x", "y")))).status())
                .isEqualTo(403);
    }

    @Test
    void jwtLogin_badInput_isAClear400ThatNeverEchoesTheToken() {
        String expired = ciToken("iat", 1_000_000, "exp", 1_000_300);
        String wrongKey = TestKeys.rsa("ci-1").sign(Map.of("sub", "x", "aud", "coffer", "exp", Instant.now().getEpochSecond() + 60));
        Map<String, String> cases = Map.of(
                "not-a-jwt", "error validating token: error verifying token signature: compact JWS format must have three parts",
                expired, "error validating token: invalid expiration time (exp) claim: token is expired",
                wrongKey, "error validating token: error verifying token signature: failed to verify id token signature",
                ciToken("ref", "refs/heads/feature"),
                "error validating claims: claim \"ref\" does not match any associated bound claim values",
                ciToken("aud", "someone-else"),
                "error validating token: invalid audience (aud) claim: audience claim does not match any expected audience");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Http.Reply r = http.put("/v1/auth/jwt/login", null, Http.json(Map.of("role", "deploy", "jwt", c.getKey())));
            assertThat(r.status()).as(c.getValue()).isEqualTo(400);
            assertThat(r.json()).containsEntry("errors", List.of(c.getValue()));
            assertThat(r.body()).doesNotContain(c.getKey());
        }
        Http.Reply unknown = http.put("/v1/auth/jwt/login", null, Http.json(Map.of("role", "ghost", "jwt", ciToken())));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json()).containsEntry("errors", List.of("role \"ghost\" could not be found"));
    }

    @Test
    void jwtRoles_listAndReadOverHttp_needTheRootToken() {
        Http.Reply list = http.send("LIST", "/v1/auth/jwt/role", DevServer.ROOT_TOKEN, null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("data")).isEqualTo(Map.of("keys", List.of("deploy")));
        assertThat(http.get("/v1/auth/jwt/role?list=true", DevServer.ROOT_TOKEN).json().get("data"))
                .isEqualTo(Map.of("keys", List.of("deploy")));
        @SuppressWarnings("unchecked")
        Map<String, Object> role = (Map<String, Object>) http.get("/v1/auth/jwt/role/deploy", DevServer.ROOT_TOKEN).json().get("data");
        assertThat(role).containsEntry("role_type", "jwt").containsEntry("token_ttl", 900).containsEntry("user_claim", "sub");
        assertThat(http.get("/v1/auth/jwt/role/deploy", null).status()).isEqualTo(403);
        assertThat(http.get("/v1/auth/jwt/config", DevServer.ROOT_TOKEN).json().get("data").toString()).contains(jwks.jwksUrl());
    }

    @Test
    void jwtLogin_vaultJavaDriver_loginByJwt() throws VaultException {
        Vault vault = Vault.create(new VaultConfig().address(server.url()).openTimeout(5).readTimeout(10).build(), 1);
        AuthResponse r = vault.auth().loginByJwt("jwt", "deploy", ciToken());
        assertThat(r.getAuthClientToken()).startsWith("hvs.");
        assertThat(r.getAuthPolicies()).containsExactly("default", "deploy");
        assertThat(r.getAuthLeaseDuration()).isEqualTo(900);
        assertThat(r.isAuthRenewable()).isTrue();

        assertThatThrownBy(() -> vault.auth().loginByJwt("jwt", "deploy", ciToken("sub", "other", "exp", 1)))
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.getHttpStatusCode()).isEqualTo(400));
    }

    @Test
    void jwtLogin_springVault_jwtAuthentication() {
        RestTemplate rest = VaultClients.createRestTemplate(VaultEndpoint.from(URI.create(server.url())),
                new SimpleClientHttpRequestFactory());
        var token = new JwtAuthentication(JwtAuthenticationOptions.builder().role("deploy").jwt(ciToken()).path("jwt").build(), rest)
                .login();
        assertThat(token.getToken()).startsWith("hvs.");
    }

    @Test
    void kubernetesLogin_rawHttp_returnsVaultsMetadata() {
        Http.Reply r = http.put("/v1/auth/kubernetes/login", null, Http.json(Map.of("role", "web", "jwt", podToken("prod", "web"))));
        assertThat(r.status()).isEqualTo(200);
        assertThat(auth(r)).containsEntry("metadata", Map.of("role", "web", "service_account_name", "web",
                "service_account_namespace", "prod", "service_account_secret_name", "", "service_account_uid", UID))
                .containsEntry("policies", List.of("default", "web"));
        assertThat(r.json()).containsEntry("mount_type", "kubernetes");
    }

    @Test
    void kubernetesLogin_wrongServiceAccountOrNamespace_is403WithVaultsMessage() {
        String wrongName = podToken("prod", "batch");
        Http.Reply name = http.put("/v1/auth/kubernetes/login", null, Http.json(Map.of("role", "web", "jwt", wrongName)));
        assertThat(name.status()).isEqualTo(403);
        assertThat(name.json()).containsEntry("errors", List.of("service account name not authorized"));
        assertThat(name.body()).doesNotContain(wrongName);

        Http.Reply namespace = http.put("/v1/auth/kubernetes/login", null,
                Http.json(Map.of("role", "web", "jwt", podToken("staging", "web"))));
        assertThat(namespace.status()).isEqualTo(403);
        assertThat(namespace.json()).containsEntry("errors", List.of("namespace not authorized"));

        Http.Reply forged = http.put("/v1/auth/kubernetes/login", null,
                Http.json(Map.of("role", "web", "jwt", TestKeys.ec(null).sign(ServiceAccountTokens.legacy("prod", "web", UID)))));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json()).containsEntry("errors", List.of("permission denied"));

        Http.Reply unknown = http.put("/v1/auth/kubernetes/login", null, Http.json(Map.of("role", "db", "jwt", podToken("prod", "web"))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json()).containsEntry("errors", List.of("invalid role name \"db\""));
    }

    @Test
    void kubernetesLogin_vaultJavaDriver_loginByKubernetes() throws VaultException {
        Vault vault = Vault.create(new VaultConfig().address(server.url()).openTimeout(5).readTimeout(10).build(), 1);
        AuthResponse r = vault.auth().loginByKubernetes("web", podToken("prod", "web"));
        assertThat(r.getAuthClientToken()).startsWith("hvs.");
        assertThat(r.getAuthPolicies()).containsExactly("default", "web");

        // The driver's third argument is the path below /v1/, so a custom mount is written auth/<mount>.
        AuthResponse east = vault.auth().loginByKubernetes("web", podToken("prod", "web"), "auth/k8s-east");
        assertThat(east.getAuthClientToken()).startsWith("hvs.").isNotEqualTo(r.getAuthClientToken());

        assertThatThrownBy(() -> vault.auth().loginByKubernetes("web", podToken("other", "web")))
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.getHttpStatusCode()).isEqualTo(403));
    }

    @Test
    void kubernetesLogin_springVault_kubernetesAuthentication() {
        RestTemplate rest = VaultClients.createRestTemplate(VaultEndpoint.from(URI.create(server.url())),
                new SimpleClientHttpRequestFactory());
        String jwt = podToken("prod", "web");
        var token = new KubernetesAuthentication(KubernetesAuthenticationOptions.builder().role("web").jwtSupplier(() -> jwt)
                .path("k8s-east").build(), rest).login();
        assertThat(token.getToken()).startsWith("hvs.");
    }

    @Test
    void kubernetesLogin_withoutPemKeys_isReviewedByTheApiServer() {
        assertThat(put("/v1/auth/k8s-review/config", Map.of("kubernetes_host", apiServer.url(),
                "token_reviewer_jwt", "reviewer-token")).status()).isEqualTo(204);
        assertThat(put("/v1/auth/k8s-review/role/web", Map.of("bound_service_account_names", "web",
                "bound_service_account_namespaces", "prod", "audience", "vault")).status()).isEqualTo(204);
        String jwt = podToken("prod", "web");

        apiServer.authenticate("prod", "web", UID, "vault");
        Http.Reply ok = http.put("/v1/auth/k8s-review/login", null, Http.json(Map.of("role", "web", "jwt", jwt)));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(apiServer.lastAuthorization()).isEqualTo("Bearer reviewer-token");

        apiServer.answer(401, "{\"kind\":\"Status\",\"status\":\"Failure\"}");
        Http.Reply revoked = http.put("/v1/auth/k8s-review/login", null, Http.json(Map.of("role", "web", "jwt", jwt)));
        assertThat(revoked.status()).isEqualTo(403);
        assertThat(revoked.json()).containsEntry("errors", List.of("permission denied"));
        assertThat(http.get("/v1/auth/k8s-review/config", DevServer.ROOT_TOKEN).body()).doesNotContain("reviewer-token")
                .contains("\"token_reviewer_jwt_set\":true");
    }
}
