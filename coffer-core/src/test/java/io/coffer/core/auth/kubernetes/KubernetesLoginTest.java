package io.coffer.core.auth.kubernetes;

import static io.coffer.core.auth.AuthNode.failure;
import static io.coffer.core.auth.AuthNode.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.auth.AuthNode;
import io.coffer.core.auth.TestClock;
import io.coffer.core.auth.TestKeys;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Kubernetes service-account login through the core's request path, with locally verified tokens. */
class KubernetesLoginTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String UID = "3f1c2a9e-8d52-4d55-9a0c-7e1a5b2c4d6f";
    static TestKeys cluster;
    static TestKeys clusterEc;
    static TestKeys other;

    final TestClock clock = new TestClock(NOW);
    AuthNode node;

    @BeforeAll
    static void keys() {
        cluster = TestKeys.rsa(null);
        clusterEc = TestKeys.ec(null);
        other = TestKeys.rsa(null);
    }

    @BeforeEach
    void start() {
        node = new AuthNode(clock, new KubernetesAuthFactory(clock, io.coffer.core.ratelimit.LoginWorkPool.sizedToMachine()));
        node.enable("kubernetes/", "kubernetes");
        node.write("auth/kubernetes/config", Map.of("kubernetes_host", "https://10.96.0.1:443",
                "pem_keys", List.of(cluster.pem(), clusterEc.pem()), "token_reviewer_jwt", "reviewer-jwt-secret-value"));
        node.write("auth/kubernetes/role/web", role());
    }

    @AfterEach
    void stop() {
        node.close();
    }

    static Map<String, Object> role() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("bound_service_account_names", List.of("web", "web-*"));
        r.put("bound_service_account_namespaces", List.of("prod", "team-*"));
        r.put("token_policies", "web-secrets");
        r.put("token_ttl", "20m");
        return r;
    }

    Response login(String role, String jwt) {
        return node.login("auth/kubernetes/login", Map.of("role", role, "jwt", jwt));
    }

    void denied(String role, String jwt, String message) {
        Map<String, String> before = node.snapshot();
        CofferException e = failure(() -> login(role, jwt));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.PERMISSION_DENIED);
        assertThat(e.messages()).containsExactly(message);
        assertThat(e.getMessage()).doesNotContain(jwt);
        assertThat(node.snapshot()).isEqualTo(before);
    }

    @Test
    void login_legacyToken_returnsVaultsMetadata() {
        Response r = login("web", cluster.sign(ServiceAccountTokens.legacy("prod", "web", UID)));

        Map<String, Object> auth = r.auth().orElseThrow();
        assertThat(map(auth.get("metadata"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "role", "web",
                "service_account_name", "web",
                "service_account_namespace", "prod",
                "service_account_secret_name", "web-token-x7k2p",
                "service_account_uid", UID));
        assertThat(auth.get("policies")).isEqualTo(List.of("default", "web-secrets"));
        assertThat(auth.get("lease_duration")).isEqualTo(1200L);
        assertThat(r.login().orElseThrow().displayName()).isEqualTo("prod-web");
        assertThat(r.login().orElseThrow().aliasName()).isEqualTo(UID);
        assertThat(r.mountType()).isEqualTo("kubernetes");
    }

    @Test
    void login_projectedToken_readsTheKubernetesIoClaim() {
        node.write("auth/kubernetes/role/web", with(role(), "audience", "vault", "alias_name_source", "serviceaccount_name"));
        Response r = login("web", clusterEc.sign(ServiceAccountTokens.projected("team-payments", "web-api", UID, "vault", NOW)));

        assertThat(map(r.auth().orElseThrow().get("metadata")))
                .containsEntry("service_account_name", "web-api")
                .containsEntry("service_account_namespace", "team-payments")
                .containsEntry("service_account_secret_name", "")
                .containsEntry("service_account_uid", UID);
        assertThat(r.login().orElseThrow().aliasName()).isEqualTo("team-payments/web-api");
    }

    @Test
    void login_serviceAccountNameNotBound_isDenied() {
        denied("web", cluster.sign(ServiceAccountTokens.legacy("prod", "batch", UID)), "service account name not authorized");
        denied("web", cluster.sign(ServiceAccountTokens.legacy("prod", "webapp", UID)), "service account name not authorized");
    }

    @Test
    void login_namespaceNotBound_isDenied() {
        denied("web", cluster.sign(ServiceAccountTokens.legacy("staging", "web", UID)), "namespace not authorized");
        denied("web", cluster.sign(ServiceAccountTokens.legacy("teams-x", "web", UID)), "namespace not authorized");
        assertThat(login("web", cluster.sign(ServiceAccountTokens.legacy("team-x", "web", UID))).auth()).isPresent();
    }

    @Test
    void login_wildcardRole_acceptsAnyServiceAccount() {
        node.write("auth/kubernetes/role/any", Map.of("bound_service_account_names", "*", "bound_service_account_namespaces", "*"));
        assertThat(login("any", cluster.sign(ServiceAccountTokens.legacy("kube-system", "anything", UID))).auth()).isPresent();
    }

    @Test
    void login_wrongSignature_isABare403() {
        denied("web", other.sign(ServiceAccountTokens.legacy("prod", "web", UID)), "permission denied");
        denied("web", "not.a-jwt", "permission denied");
    }

    @Test
    void login_expiredProjectedToken_isDenied() {
        String jwt = cluster.sign(ServiceAccountTokens.projected("prod", "web", UID, "vault", NOW));
        clock.advance(Duration.ofHours(1).plusSeconds(61));
        denied("web", jwt, "invalid expiration time (exp) claim: token is expired");
    }

    @Test
    void login_audienceMismatch_isDenied() {
        node.write("auth/kubernetes/role/web", with(role(), "audience", "coffer"));
        denied("web", cluster.sign(ServiceAccountTokens.projected("prod", "web", UID, "https://kubernetes.default.svc", NOW)),
                "invalid audience (aud) claim: audience claim does not match any expected audience");
    }

    @Test
    void login_issuerChecked_onlyWhenConfiguredAndEnabled() {
        String legacy = cluster.sign(ServiceAccountTokens.legacy("prod", "web", UID));
        node.write("auth/kubernetes/config", Map.of("kubernetes_host", "https://k8s", "pem_keys", cluster.pem(),
                "issuer", "https://oidc.example/cluster"));
        assertThat(login("web", legacy).auth()).isPresent();
        node.write("auth/kubernetes/config", Map.of("kubernetes_host", "https://k8s", "pem_keys", cluster.pem(),
                "issuer", "https://oidc.example/cluster", "disable_iss_validation", false));
        denied("web", legacy, "invalid issuer (iss) claim");
    }

    @Test
    void login_unknownRoleOrMissingFields_areBadRequests() {
        String jwt = cluster.sign(ServiceAccountTokens.legacy("prod", "web", UID));
        CofferException unknown = failure(() -> login("nope", jwt));
        assertThat(unknown.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(unknown.messages()).containsExactly("invalid role name \"nope\"");
        assertThat(failure(() -> node.login("auth/kubernetes/login", Map.of("jwt", jwt))).messages()).containsExactly("missing role");
        assertThat(failure(() -> node.login("auth/kubernetes/login", Map.of("role", "web"))).messages())
                .containsExactly("missing jwt");
    }

    @Test
    void login_tokenWithoutUid_isRefused() {
        Map<String, Object> claims = ServiceAccountTokens.legacy("prod", "web", UID);
        claims.remove("kubernetes.io/serviceaccount/service-account.uid");
        CofferException e = failure(() -> login("web", cluster.sign(claims)));
        assertThat(e.messages()).containsExactly("could not parse UID from claims");
    }

    @Test
    void config_readHidesTheReviewerJwt() {
        Map<String, Object> d = node.read("auth/kubernetes/config").data().orElseThrow();
        assertThat(d).containsEntry("kubernetes_host", "https://10.96.0.1:443").containsEntry("token_reviewer_jwt_set", true)
                .containsEntry("disable_iss_validation", true).containsEntry("issuer", "")
                .containsEntry("pem_keys", List.of(cluster.pem(), clusterEc.pem()));
        assertThat(d.toString()).doesNotContain("reviewer-jwt-secret-value");
        assertThat(node.snapshot().toString()).doesNotContain("reviewer-jwt-secret-value");
    }

    @Test
    void config_refusesBadInput() {
        Map<String, String> before = node.snapshot();
        assertThat(failure(() -> node.write("auth/kubernetes/config", Map.of("kubernetes_host", "ftp://k8s"))).messages())
                .containsExactly("kubernetes_host must be a host, a host:port pair or an https URL of the API server");
        assertThat(failure(() -> node.write("auth/kubernetes/config", Map.of("kubernetes_host", "https://k8s",
                "use_annotations_as_alias_metadata", true))).messages().get(0)).contains("Coffer does not do yet");
        assertThat(failure(() -> node.write("auth/kubernetes/config", Map.of("pem_keys", cluster.pem()))).messages())
                .containsExactly("no host provided");
        assertThat(failure(() -> node.write("auth/kubernetes/config", Map.of("kubernetes_host", "https://k8s",
                "pem_keys", "garbage"))).messages()).containsExactly("data does not contain any valid RSA or ECDSA public keys");
        assertThat(failure(() -> node.write("auth/kubernetes/config", Map.of("kubernetes_host", "https://k8s",
                "pem_keys", TestKeys.ed25519(null).pem()))).messages())
                .containsExactly("data does not contain any valid RSA or ECDSA public keys");
        assertThat(failure(() -> node.write("auth/kubernetes/config", Map.of("kubernetes_host", "https://k8s",
                "pem_keys", cluster.pem(), "kubernetes_ca_cert", "not a cert"))).messages())
                .containsExactly("The provided CA PEM data contains no valid certificates");
        assertThat(node.snapshot()).isEqualTo(before);
    }

    @Test
    void role_writeReadListAndRules() {
        Response w = node.write("auth/kubernetes/role/Api", Map.of("bound_service_account_names", "api",
                "bound_service_account_namespaces", "prod", "audience", "vault"));
        assertThat(w.isEmpty()).isTrue();
        assertThat(node.write("auth/kubernetes/role/noaud", Map.of("bound_service_account_names", "x",
                "bound_service_account_namespaces", "y")).warnings()).hasSize(1).first().asString()
                .startsWith("Role noaud does not have an audience configured.");

        assertThat(node.read("auth/kubernetes/role/api").data().orElseThrow())
                .containsEntry("bound_service_account_names", List.of("api"))
                .containsEntry("bound_service_account_namespaces", List.of("prod"))
                .containsEntry("bound_service_account_namespace_selector", "")
                .containsEntry("audience", "vault").containsEntry("alias_name_source", "serviceaccount_uid")
                .containsEntry("token_policies", List.of()).containsEntry("token_ttl", 0L);
        assertThat(node.list("auth/kubernetes/role").data().orElseThrow()).containsEntry("keys", List.of("api", "noaud", "web"));

        Map<String, String> before = node.snapshot();
        assertThat(failure(() -> node.write("auth/kubernetes/role/x", Map.of("bound_service_account_namespaces", "y")))
                .messages()).containsExactly("\"bound_service_account_names\" can not be empty");
        assertThat(failure(() -> node.write("auth/kubernetes/role/x", Map.of("bound_service_account_names", List.of("*", "a"),
                "bound_service_account_namespaces", "y"))).messages()).containsExactly("can not mix \"*\" with values");
        assertThat(failure(() -> node.write("auth/kubernetes/role/x", Map.of("bound_service_account_names", "a"))).messages())
                .containsExactly("\"bound_service_account_namespaces\" can not be empty if "
                        + "\"bound_service_account_namespace_selector\" is not set");
        assertThat(failure(() -> node.write("auth/kubernetes/role/x", Map.of("bound_service_account_names", "a",
                "bound_service_account_namespaces", "b", "alias_name_source", "pod"))).messages())
                .containsExactly("invalid alias_name_source, must be one of: serviceaccount_uid, serviceaccount_name");
        assertThat(failure(() -> node.write("auth/kubernetes/role/x", Map.of("bound_service_account_names", "a",
                "bound_service_account_namespace_selector", "{\"matchLabels\":{\"a\":\"b\"}}"))).messages().get(0))
                .contains("Coffer does not do yet");
        assertThat(node.snapshot()).isEqualTo(before);

        node.delete("auth/kubernetes/role/api");
        assertThat(failure(() -> node.read("auth/kubernetes/role/api")).kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
    }

    static Map<String, Object> with(Map<String, Object> base, Object... kv) {
        Map<String, Object> out = new HashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], kv[i + 1]);
        }
        return out;
    }
}
