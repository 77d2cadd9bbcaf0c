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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Kubernetes login without pem_keys: every login is reviewed by the API server (a loopback stub). */
class KubernetesTokenReviewTest {

    static final String UID = KubernetesLoginTest.UID;
    static TestKeys cluster;

    final TestClock clock = new TestClock(KubernetesLoginTest.NOW);
    TokenReviewStub apiServer;
    AuthNode node;

    @BeforeAll
    static void keys() {
        cluster = TestKeys.ec(null);
    }

    @BeforeEach
    void start() {
        apiServer = new TokenReviewStub();
        node = new AuthNode(clock, new KubernetesAuthFactory(clock, io.coffer.core.ratelimit.LoginWorkPool.sizedToMachine()));
        node.enable("kubernetes/", "kubernetes");
        node.write("auth/kubernetes/config", Map.of("kubernetes_host", apiServer.url(), "token_reviewer_jwt", "reviewer-jwt"));
        node.write("auth/kubernetes/role/web", Map.of("bound_service_account_names", "web",
                "bound_service_account_namespaces", "prod", "audience", "vault"));
    }

    @AfterEach
    void stop() {
        node.close();
        apiServer.close();
    }

    String podToken(String namespace, String name) {
        return cluster.sign(ServiceAccountTokens.projected(namespace, name, UID, "vault", clock.instant()));
    }

    Response login(String jwt) {
        return node.login("auth/kubernetes/login", Map.of("role", "web", "jwt", jwt));
    }

    void denied(String jwt, String message) {
        Map<String, String> before = node.snapshot();
        CofferException e = failure(() -> login(jwt));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.PERMISSION_DENIED);
        assertThat(e.messages()).containsExactly(message);
        assertThat(node.snapshot()).isEqualTo(before);
    }

    @Test
    void login_reviewedToken_succeedsAndTheReviewerJwtAuthenticatesTheCall() {
        apiServer.authenticate("prod", "web", UID, "vault");
        String jwt = podToken("prod", "web");

        Response r = login(jwt);

        assertThat(map(r.auth().orElseThrow().get("metadata"))).containsEntry("service_account_uid", UID)
                .containsEntry("service_account_namespace", "prod");
        assertThat(apiServer.lastAuthorization()).isEqualTo("Bearer reviewer-jwt");
        assertThat(apiServer.lastRequest()).containsEntry("kind", "TokenReview")
                .containsEntry("apiVersion", "authentication.k8s.io/v1")
                .containsEntry("spec", Map.of("token", jwt, "audiences", List.of("vault")));
    }

    @Test
    void login_withoutReviewerJwt_authenticatesWithTheTokenUnderReview() {
        node.write("auth/kubernetes/config", Map.of("kubernetes_host", apiServer.url()));
        node.write("auth/kubernetes/role/web", Map.of("bound_service_account_names", "web",
                "bound_service_account_namespaces", "prod", "audience", ""));
        apiServer.authenticate("prod", "web", UID, "vault");
        String jwt = podToken("prod", "web");
        assertThat(login(jwt).auth()).isPresent();
        assertThat(apiServer.lastAuthorization()).isEqualTo("Bearer " + jwt);
        assertThat(map(apiServer.lastRequest().get("spec"))).containsEntry("audiences", List.of("vault"));
        assertThat(node.read("auth/kubernetes/config").data().orElseThrow()).containsEntry("token_reviewer_jwt_set", false);
    }

    @Test
    void login_apiServerSaysNo_isABare403() {
        String jwt = podToken("prod", "web");
        apiServer.answer(200, "{\"status\":{\"authenticated\":false}}");
        denied(jwt, "permission denied");
        apiServer.answer(200, "{\"status\":{\"authenticated\":true,\"error\":\"token revoked\",\"user\":{}}}");
        denied(jwt, "permission denied");
        apiServer.answer(401, "{\"kind\":\"Status\",\"status\":\"Failure\",\"code\":401}");
        denied(jwt, "permission denied");
        apiServer.answer(200, "{\"kind\":\"Status\",\"status\":\"Failure\"}");
        denied(jwt, "permission denied");
        apiServer.answer(500, "oops");
        denied(jwt, "permission denied");
        apiServer.answer(200, "not json");
        denied(jwt, "permission denied");
    }

    @Test
    void login_reviewNamesAnotherAccountOrNoServiceAccount_isDenied() {
        String jwt = podToken("prod", "web");
        apiServer.authenticate("prod", "web", "another-uid", "vault");
        denied(jwt, "permission denied");
        apiServer.authenticate("prod", "api", UID, "vault");
        denied(jwt, "permission denied");
        apiServer.authenticate("prod", "web", UID, "other-audience");
        denied(jwt, "permission denied");
        apiServer.answer(200, "{\"status\":{\"authenticated\":true,\"audiences\":[\"vault\"],"
                + "\"user\":{\"username\":\"alice@example.com\",\"uid\":\"" + UID + "\"}}}");
        denied(jwt, "permission denied");
    }

    @Test
    void login_roleChecksComeBeforeTheReview() {
        apiServer.authenticate("staging", "web", UID, "vault");
        denied(podToken("staging", "web"), "namespace not authorized");
        String expired = podToken("prod", "web");
        clock.advance(Duration.ofHours(2));
        denied(expired, "invalid expiration time (exp) claim: token is expired");
        assertThat(apiServer.reviews()).isZero();
    }

    @Test
    void login_apiServerUnreachable_isDenied() {
        apiServer.close();
        denied(podToken("prod", "web"), "permission denied");
    }
}
