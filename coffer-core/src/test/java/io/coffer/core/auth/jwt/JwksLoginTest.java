package io.coffer.core.auth.jwt;

import static io.coffer.core.auth.AuthNode.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.auth.AuthNode;
import io.coffer.core.auth.JwksServer;
import io.coffer.core.auth.TestClock;
import io.coffer.core.auth.TestKeys;
import io.coffer.core.error.CofferException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JWT login with keys fetched from a JWKS served on loopback: caching, rotation, rate-limited refetch, discovery. */
class JwksLoginTest {

    static TestKeys first;
    static TestKeys second;
    static TestKeys ec;

    final TestClock clock = new TestClock(JwtLoginTest.NOW);
    JwksServer jwks;
    AuthNode node;

    @BeforeAll
    static void keys() {
        first = TestKeys.rsa("key-1");
        second = TestKeys.rsa("key-2");
        ec = TestKeys.ec("key-ec");
    }

    @BeforeEach
    void start() {
        jwks = new JwksServer();
        jwks.publish(first.jwk(), ec.jwk());
        node = new AuthNode(clock, new JwtAuthFactory("jwt", clock, io.coffer.core.ratelimit.LoginWorkPool.sizedToMachine()));
        node.enable("jwt/", "jwt");
        node.write("auth/jwt/config", Map.of("jwks_url", jwks.jwksUrl()));
        node.write("auth/jwt/role/app", JwtLoginTest.role());
    }

    @AfterEach
    void stop() {
        node.close();
        jwks.close();
    }

    private Map<String, Object> login(TestKeys key) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = JwtLoginTest.with(JwtLoginTest.claims(), "iat", now, "exp", now + 300);
        return node.login("auth/jwt/login", Map.of("role", "app", "jwt", key.sign(claims))).auth().orElseThrow();
    }

    @Test
    void configWrite_fetchesTheKeySetOnceAndLoginsUseTheCache() {
        assertThat(jwks.fetches()).isEqualTo(1);
        assertThat(login(first)).containsKey("client_token");
        assertThat(login(ec)).containsKey("client_token");
        assertThat(jwks.fetches()).isEqualTo(1);
        assertThat(node.read("auth/jwt/config").data().orElseThrow()).containsEntry("jwks_url", jwks.jwksUrl());
    }

    @Test
    void keyRotation_unknownKidTriggersOneRefetch() {
        jwks.publish(first.jwk(), second.jwk());
        clock.advance(Duration.ofSeconds(2));

        assertThat(login(second)).containsKey("client_token");
        assertThat(jwks.fetches()).isEqualTo(2);
        assertThat(login(second)).containsKey("client_token");
        assertThat(jwks.fetches()).isEqualTo(2);
    }

    @Test
    void unknownKids_refetchAtMostOncePerInterval() {
        TestKeys rogue = TestKeys.rsa("made-up");
        for (int i = 0; i < 5; i++) {
            CofferException e = failure(() -> login(rogue));
            assertThat(e.messages()).containsExactly("error validating token: error verifying token signature: "
                    + "failed to verify id token signature");
        }
        assertThat(jwks.fetches()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        for (int i = 0; i < 5; i++) {
            failure(() -> login(rogue));
        }
        assertThat(jwks.fetches()).isEqualTo(2);
    }

    @Test
    void removedKey_stopsWorkingAfterTheCacheExpires() {
        jwks.publish(second.jwk());
        assertThat(login(first)).containsKey("client_token");
        clock.advance(Duration.ofHours(2));
        CofferException e = failure(() -> login(first));
        assertThat(e.messages()).containsExactly("error validating token: error verifying token signature: "
                + "failed to verify id token signature");
    }

    @Test
    void issuerUnreachable_cachedKeysKeepWorking() {
        jwks.close();
        clock.advance(Duration.ofHours(2));
        assertThat(login(first)).containsKey("client_token");
    }

    @Test
    void configWrite_refusesUnreachableOrInvalidKeySets() {
        Map<String, String> before = node.snapshot();
        CofferException notFound = failure(() -> node.write("auth/jwt/config", Map.of("jwks_url", jwks.issuer() + "/missing")));
        assertThat(notFound.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(notFound.messages().get(0)).startsWith("error checking jwks URL " + jwks.issuer() + "/missing").contains("404");

        jwks.publishRaw("<html>not json</html>");
        CofferException garbage = failure(() -> node.write("auth/jwt/config", Map.of("jwks_url", jwks.jwksUrl())));
        assertThat(garbage.messages().get(0)).contains("is not a JSON Web Key Set");

        CofferException badCa = failure(() -> node.write("auth/jwt/config", Map.of("jwks_url", jwks.jwksUrl(),
                "jwks_ca_pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")));
        assertThat(badCa.messages()).containsExactly("error checking jwks_ca_pem: could not parse CA PEM value successfully");

        CofferException notHttp = failure(() -> node.write("auth/jwt/config", Map.of("jwks_url", "file:///etc/passwd")));
        assertThat(notHttp.messages()).containsExactly("the key URL must be an absolute http or https URL");
        assertThat(node.snapshot()).isEqualTo(before);
    }

    @Test
    void oidcDiscovery_findsTheKeySetThroughTheDiscoveryDocument() {
        node.write("auth/jwt/config", Map.of("oidc_discovery_url", jwks.issuer(), "bound_issuer", jwks.issuer()));
        Map<String, Object> claims = JwtLoginTest.with(JwtLoginTest.claims(), "iss", jwks.issuer());
        assertThat(node.login("auth/jwt/login", Map.of("role", "app", "jwt", first.sign(claims))).auth()).isPresent();

        CofferException wrongIssuer = failure(() -> node.write("auth/jwt/config",
                Map.of("oidc_discovery_url", jwks.issuer() + "/")));
        assertThat(wrongIssuer.messages().get(0)).startsWith("error checking oidc discovery URL").contains("issuer did not match");
    }

    @Test
    void keySetWithUnusableKeys_skipsThemAndUsesTheRest() {
        jwks.publishRaw("{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0\",\"kid\":\"key-1\"},"
                + "{\"kty\":\"RSA\",\"use\":\"enc\",\"kid\":\"key-1\",\"n\":\"AQAB\",\"e\":\"AQAB\"},"
                + first.jwk().toJSONString() + "]}");
        node.write("auth/jwt/config", Map.of("jwks_url", jwks.jwksUrl()));
        assertThat(login(first)).containsKey("client_token");
        assertThat(List.of(jwks.fetches())).containsExactly(2);
    }
}
