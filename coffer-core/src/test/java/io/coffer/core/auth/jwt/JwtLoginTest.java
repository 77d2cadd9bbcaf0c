package io.coffer.core.auth.jwt;

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

/** JWT login against PEM keys through the core's request path: validation, roles, metadata, refusals. */
class JwtLoginTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static TestKeys rsa;
    static TestKeys ec;
    static TestKeys ed;
    static TestKeys stranger;

    final TestClock clock = new TestClock(NOW);
    AuthNode node;

    @BeforeAll
    static void keys() {
        rsa = TestKeys.rsa("rsa-1");
        ec = TestKeys.ec("ec-1");
        ed = TestKeys.ed25519("ed-1");
        stranger = TestKeys.rsa("rsa-1");
    }

    @BeforeEach
    void start() {
        node = new AuthNode(clock, new JwtAuthFactory("jwt", clock, io.coffer.core.ratelimit.LoginWorkPool.sizedToMachine()), new JwtAuthFactory("oidc", clock, io.coffer.core.ratelimit.LoginWorkPool.sizedToMachine()));
        node.enable("jwt/", "jwt");
        node.write("auth/jwt/config", Map.of("jwt_validation_pubkeys", List.of(rsa.pem(), ec.pem(), ed.pem()),
                "bound_issuer", "https://issuer.example"));
        node.write("auth/jwt/role/app", role());
    }

    @AfterEach
    void stop() {
        node.close();
    }

    static Map<String, Object> role() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("role_type", "jwt");
        r.put("user_claim", "sub");
        r.put("bound_audiences", List.of("coffer"));
        r.put("token_policies", List.of("app-read"));
        r.put("token_ttl", "1h");
        r.put("token_max_ttl", "2h");
        return r;
    }

    static Map<String, Object> claims() {
        Map<String, Object> c = new HashMap<>();
        c.put("iss", "https://issuer.example");
        c.put("sub", "build-42");
        c.put("aud", "coffer");
        c.put("iat", NOW.getEpochSecond());
        c.put("exp", NOW.getEpochSecond() + 300);
        return c;
    }

    static Map<String, Object> with(Map<String, Object> base, Object... kv) {
        Map<String, Object> out = new HashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] == null) {
                out.remove((String) kv[i]);
            } else {
                out.put((String) kv[i], kv[i + 1]);
            }
        }
        return out;
    }

    Response login(String role, String jwt) {
        return node.login("auth/jwt/login", Map.of("role", role, "jwt", jwt));
    }

    /** Asserts a 400 with {@code message} and that the refused login stored nothing. */
    void refused(String role, String jwt, String message) {
        Map<String, String> before = node.snapshot();
        CofferException e = failure(() -> login(role, jwt));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(e.messages()).containsExactly(message);
        assertThat(e.getMessage()).doesNotContain(jwt);
        for (String part : jwt.split("\\.")) {
            if (part.length() >= 8) {
                assertThat(e.getMessage()).doesNotContain(part);
            }
        }
        assertThat(node.snapshot()).isEqualTo(before);
    }

    @Test
    void login_rsaSignedToken_returnsVaultAuthBlock() {
        Response r = login("app", rsa.sign(claims()));

        Map<String, Object> auth = r.auth().orElseThrow();
        assertThat((String) auth.get("client_token")).startsWith("hvs.");
        assertThat(auth.get("policies")).isEqualTo(List.of("app-read", "default"));
        assertThat(auth.get("metadata")).isEqualTo(Map.of("role", "app"));
        assertThat(auth.get("lease_duration")).isEqualTo(3600L);
        assertThat(auth.get("renewable")).isEqualTo(true);
        assertThat(r.data()).isEmpty();
        assertThat(r.mountType()).isEqualTo("jwt");
    }

    @Test
    void login_tokenIsNotStoredAndItsStringAppearsNowhereInStorage() {
        String jwt = rsa.sign(claims());
        String client = (String) login("app", jwt).auth().orElseThrow().get("client_token");
        assertThat(node.snapshot().toString()).doesNotContain(jwt).doesNotContain(client);
    }

    @Test
    void login_ecAndEd25519SignedTokens_areAccepted() {
        assertThat(login("app", ec.sign(claims())).auth()).isPresent();
        assertThat(login("app", ed.sign(claims())).auth()).isPresent();
        assertThat(login("app", rsa.sign(claims(), "PS256")).auth()).isPresent();
        assertThat(login("app", rsa.sign(claims(), "RS512")).auth()).isPresent();
    }

    @Test
    void login_displayNameComesFromUserClaim() {
        node.write("auth/jwt/role/email", with(role(), "user_claim", "email"));
        Response r = login("email", rsa.sign(with(claims(), "email", "dev@example.com")));
        assertThat(r.login().orElseThrow().displayName()).isEqualTo("dev@example.com");
        assertThat(r.login().orElseThrow().aliasName()).isEqualTo("dev@example.com");
    }

    @Test
    void login_wrongSignature_isRefused() {
        refused("app", stranger.sign(claims()),
                "error validating token: error verifying token signature: no known key successfully validated the token signature");
    }

    @Test
    void login_tamperedPayload_isRefused() {
        String[] parts = rsa.sign(claims()).split("\\.");
        String forged = parts[0] + "." + TestKeys.b64(io.coffer.core.json.Json.write(with(claims(), "sub", "admin"))) + "." + parts[2];
        refused("app", forged,
                "error validating token: error verifying token signature: no known key successfully validated the token signature");
    }

    @Test
    void login_expiredToken_isRefusedBeyondClockSkew() {
        String expired = rsa.sign(with(claims(), "iat", NOW.getEpochSecond() - 600, "exp", NOW.getEpochSecond() - 61));
        refused("app", expired, "error validating token: invalid expiration time (exp) claim: token is expired");
    }

    @Test
    void login_expiredWithinDefaultSkew_isAcceptedUnlessSkewDisabled() {
        String recent = rsa.sign(with(claims(), "iat", NOW.getEpochSecond() - 600, "exp", NOW.getEpochSecond() - 30));
        assertThat(login("app", recent).auth()).isPresent();

        node.write("auth/jwt/role/app", with(role(), "clock_skew_leeway", "-1"));
        refused("app", recent, "error validating token: invalid expiration time (exp) claim: token is expired");
    }

    @Test
    void login_tokenWithoutExp_expiresAfterExpirationLeeway() {
        String noExp = rsa.sign(with(claims(), "exp", null, "iat", NOW.getEpochSecond() - 200));
        // 200s old: beyond the 150s expiration leeway but within it plus the 60s clock skew.
        assertThat(login("app", noExp).auth()).isPresent();
        clock.advance(Duration.ofSeconds(20));
        refused("app", noExp, "error validating token: invalid expiration time (exp) claim: token is expired");
        node.write("auth/jwt/role/app", with(role(), "expiration_leeway", "10m"));
        assertThat(login("app", noExp).auth()).isPresent();
    }

    @Test
    void login_notBeforeInTheFuture_isRefused() {
        String early = rsa.sign(with(claims(), "nbf", NOW.getEpochSecond() + 120));
        refused("app", early, "error validating token: invalid not before (nbf) claim: token not yet valid");
        clock.advance(Duration.ofSeconds(61));
        assertThat(login("app", early).auth()).isPresent();
    }

    @Test
    void login_issuedInTheFuture_isRefused() {
        // Without nbf, Vault takes nbf from iat and reports that instead.
        refused("app", rsa.sign(with(claims(), "iat", NOW.getEpochSecond() + 3600, "exp", NOW.getEpochSecond() + 7200)),
                "error validating token: invalid not before (nbf) claim: token not yet valid");
        refused("app", rsa.sign(with(claims(), "nbf", NOW.getEpochSecond() - 10, "iat", NOW.getEpochSecond() + 3600)),
                "error validating token: invalid issued at (iat) claim: token issued in the future");
    }

    @Test
    void login_withoutAnyTimeClaim_isRefused() {
        refused("app", rsa.sign(with(claims(), "iat", null, "exp", null)),
                "error validating token: no issued at (iat), not before (nbf), or expiration time (exp) claims in token");
    }

    @Test
    void login_wrongAudience_isRefused() {
        refused("app", rsa.sign(with(claims(), "aud", List.of("other", "another"))),
                "error validating token: invalid audience (aud) claim: audience claim does not match any expected audience");
        assertThat(login("app", rsa.sign(with(claims(), "aud", List.of("other", "coffer")))).auth()).isPresent();
    }

    @Test
    void login_audienceInTokenButNoneBoundToRole_isRefused() {
        node.write("auth/jwt/role/subject-only", with(role(), "bound_audiences", null, "bound_subject", "build-42"));
        refused("subject-only", rsa.sign(claims()), "audience claim found in JWT but no audiences bound to the role");
        assertThat(login("subject-only", rsa.sign(with(claims(), "aud", null))).auth()).isPresent();
    }

    @Test
    void login_wrongSubject_isRefused() {
        node.write("auth/jwt/role/app", with(role(), "bound_subject", "build-42"));
        refused("app", rsa.sign(with(claims(), "sub", "build-43")), "error validating token: invalid subject (sub) claim");
        assertThat(login("app", rsa.sign(claims())).auth()).isPresent();
    }

    @Test
    void login_wrongIssuer_isRefused() {
        refused("app", rsa.sign(with(claims(), "iss", "https://evil.example")), "error validating token: invalid issuer (iss) claim");
    }

    @Test
    void login_boundClaims_mustMatchExactlyAndListClaimsMatchAnyElement() {
        node.write("auth/jwt/role/app", with(role(), "bound_claims", Map.of("project", List.of("alpha", "beta"), "admin", true)));
        assertThat(login("app", rsa.sign(with(claims(), "project", "beta", "admin", true))).auth()).isPresent();
        assertThat(login("app", rsa.sign(with(claims(), "project", List.of("gamma", "alpha"), "admin", true))).auth()).isPresent();
        refused("app", rsa.sign(with(claims(), "project", "gamma", "admin", true)),
                "error validating claims: claim \"project\" does not match any associated bound claim values");
        refused("app", rsa.sign(with(claims(), "project", "alpha", "admin", "true")),
                "error validating claims: claim \"admin\" does not match any associated bound claim values");
        refused("app", rsa.sign(with(claims(), "admin", true)), "error validating claims: claim \"project\" is missing");
    }

    @Test
    void login_boundClaimNumbers_compareByIntegerValue() {
        node.write("auth/jwt/role/app", with(role(), "bound_claims", Map.of("project_id", 42)));
        assertThat(login("app", rsa.sign(with(claims(), "project_id", 42))).auth()).isPresent();
        refused("app", rsa.sign(with(claims(), "project_id", 43)),
                "error validating claims: claim \"project_id\" does not match any associated bound claim values");
    }

    @Test
    void login_globBoundClaims_matchPatterns() {
        node.write("auth/jwt/role/app", with(role(), "bound_claims_type", "glob",
                "bound_claims", Map.of("ref", List.of("refs/heads/release-*", "refs/tags/v*.0"))));
        assertThat(login("app", rsa.sign(with(claims(), "ref", "refs/heads/release-2026"))).auth()).isPresent();
        assertThat(login("app", rsa.sign(with(claims(), "ref", "refs/tags/v3.0"))).auth()).isPresent();
        refused("app", rsa.sign(with(claims(), "ref", "refs/heads/main")),
                "error validating claims: claim \"ref\" does not match any associated bound claim values");
        refused("app", rsa.sign(with(claims(), "ref", "refs/tags/v3.1")),
                "error validating claims: claim \"ref\" does not match any associated bound claim values");
    }

    @Test
    void login_boundClaimsByJsonPointer_matchNestedClaims() {
        node.write("auth/jwt/role/app", with(role(), "bound_claims", Map.of("/org/team", "payments")));
        assertThat(login("app", rsa.sign(with(claims(), "org", Map.of("team", "payments")))).auth()).isPresent();
        refused("app", rsa.sign(with(claims(), "org", Map.of("team", "growth"))),
                "error validating claims: claim \"/org/team\" does not match any associated bound claim values");
    }

    @Test
    void login_claimMappings_copyClaimsIntoMetadata() {
        node.write("auth/jwt/role/app", with(role(), "claim_mappings", Map.of("repository", "repo", "/ctx/env", "environment",
                "absent", "never")));
        Response r = login("app", rsa.sign(with(claims(), "repository", "org/service", "ctx", Map.of("env", "prod"))));
        assertThat(map(r.auth().orElseThrow().get("metadata")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("repo", "org/service", "environment", "prod", "role", "app"));
    }

    @Test
    void login_claimMappingOfANonStringClaim_isRefused() {
        node.write("auth/jwt/role/app", with(role(), "claim_mappings", Map.of("run", "run_number")));
        refused("app", rsa.sign(with(claims(), "run", 7)), "error converting claim 'run' to string");
    }

    @Test
    void login_userClaimMissingOrNotAString_isRefused() {
        node.write("auth/jwt/role/app", with(role(), "user_claim", "email"));
        refused("app", rsa.sign(claims()), "claim \"email\" not found in token");
        refused("app", rsa.sign(with(claims(), "email", 5)), "claim \"email\" could not be converted to string");
    }

    @Test
    void login_userClaimAsJsonPointer_readsNestedClaim() {
        node.write("auth/jwt/role/app", with(role(), "user_claim", "/actor/name", "user_claim_json_pointer", true));
        Response r = login("app", rsa.sign(with(claims(), "actor", Map.of("name", "deployer"))));
        assertThat(r.login().orElseThrow().displayName()).isEqualTo("deployer");
    }

    @Test
    void login_groupsClaim_mustBePresentAsStrings() {
        node.write("auth/jwt/role/app", with(role(), "groups_claim", "groups"));
        assertThat(login("app", rsa.sign(with(claims(), "groups", List.of("a", "b")))).auth()).isPresent();
        refused("app", rsa.sign(claims()), "failed to fetch groups: \"groups\" claim not found in token");
    }

    @Test
    void login_unknownRole_isRefusedWithVaultsMessage() {
        refused("nope", rsa.sign(claims()), "role \"nope\" could not be found");
    }

    @Test
    void login_jwtSentAsTheRoleName_isNotQuotedBack() {
        String jwt = rsa.sign(claims());
        CofferException e = failure(() -> node.login("auth/jwt/login", Map.of("role", jwt, "jwt", "app")));
        assertThat(e.messages()).containsExactly("role \"(not shown: not a valid role name)\" could not be found");
    }

    @Test
    void login_repeatedFailuresForOneRole_areThrottledPerRole() {
        String forged = stranger.sign(claims());
        boolean throttled = false;
        for (int i = 0; i < 60 && !throttled; i++) {
            try {
                login("app", forged);
            } catch (io.coffer.core.error.RateLimitedException e) {
                throttled = true;
            } catch (CofferException e) {
                assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
            }
        }
        assertThat(throttled).isTrue();
        node.write("auth/jwt/role/other", role());
        assertThat(login("other", rsa.sign(claims())).auth()).isPresent();
    }

    @Test
    void login_roleNameIsCaseInsensitive() {
        assertThat(login("APP", rsa.sign(claims())).auth()).isPresent();
    }

    @Test
    void login_missingRoleUsesDefaultRole() {
        CofferException missing = failure(() -> node.login("auth/jwt/login", Map.of("jwt", rsa.sign(claims()))));
        assertThat(missing.messages()).containsExactly("missing role");

        node.write("auth/jwt/config", Map.of("jwt_validation_pubkeys", List.of(rsa.pem()), "default_role", "app"));
        assertThat(node.login("auth/jwt/login", Map.of("jwt", rsa.sign(with(claims(), "iss", "anyone")))).auth()).isPresent();
    }

    @Test
    void login_missingJwt_isRefused() {
        CofferException e = failure(() -> node.login("auth/jwt/login", Map.of("role", "app")));
        assertThat(e.messages()).containsExactly("missing token");
    }

    @Test
    void login_malformedTokens_areRefusedWithoutQuotingThem() {
        refused("app", "not-a-jwt", "error validating token: error verifying token signature: compact JWS format must have three parts");
        refused("app", "eyJzZWNyZXQiOiJodW50ZXIyIn0.e30.c2ln",
                "error validating token: error verifying token signature: token is not a valid JWS: its header or encoding is malformed");
        refused("app", "a.b.c.d", "error validating token: error verifying token signature: compact JWS format must have three parts");
        String notJsonPayload = rsa.sign(claims()).split("\\.")[0] + "." + TestKeys.b64("[1,2]".getBytes()) + ".AAAA";
        refused("app", notJsonPayload,
                "error validating token: error verifying token signature: no known key successfully validated the token signature");
    }

    @Test
    void login_unsignedAndHmacTokens_areRefused() {
        String none = TestKeys.b64("{\"alg\":\"none\"}".getBytes()) + "." + TestKeys.b64(io.coffer.core.json.Json.write(claims())) + ".";
        refused("app", none,
                "error validating token: error verifying token signature: token is not a valid JWS: its header or encoding is malformed");
        // The classic confusion attack: HMAC keyed with the public key the server trusts.
        String header = TestKeys.b64("{\"alg\":\"HS256\"}".getBytes());
        String payload = TestKeys.b64(io.coffer.core.json.Json.write(claims()));
        String hs256 = header + "." + payload + "." + TestKeys.b64(hmac(rsa.pem().getBytes(), header + "." + payload));
        refused("app", hs256,
                "error validating token: error verifying token signature: no known key successfully validated the token signature");
    }

    @Test
    void login_algorithmOutsideSupportedAlgs_isRefused() {
        node.write("auth/jwt/config", Map.of("jwt_validation_pubkeys", List.of(rsa.pem(), ec.pem()), "jwt_supported_algs", "RS256"));
        assertThat(login("app", rsa.sign(with(claims(), "iss", "x"))).auth()).isPresent();
        refused("app", ec.sign(claims()),
                "error validating token: invalid algorithm (alg) header parameter: token signed with unexpected algorithm");
    }

    @Test
    void login_oidcRole_isRefusedForJwtLogin() {
        node.write("auth/jwt/role/browser", with(role(), "role_type", "oidc", "allowed_redirect_uris", "https://app/callback"));
        refused("browser", rsa.sign(claims()), "role with oidc role_type is not allowed");
    }

    @Test
    void login_withoutConfig_isRefused() {
        node.enable("empty/", "jwt");
        CofferException e = failure(() -> node.login("auth/empty/login", Map.of("role", "app", "jwt", rsa.sign(claims()))));
        assertThat(e.messages()).containsExactly("could not load configuration");
    }

    @Test
    void login_fromOutsideTokenBoundCidrs_isDenied() {
        node.write("auth/jwt/role/app", with(role(), "token_bound_cidrs", List.of("10.0.0.0/8", "192.168.1.7")));
        String jwt = rsa.sign(claims());
        CofferException e = failure(() -> node.call(io.coffer.core.logical.Operation.UPDATE, "auth/jwt/login", null,
                Map.of("role", "app", "jwt", jwt), "127.0.0.1"));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.PERMISSION_DENIED);
        Response ok = node.call(io.coffer.core.logical.Operation.UPDATE, "auth/jwt/login", null,
                Map.of("role", "app", "jwt", jwt), "10.1.2.3");
        assertThat(ok.login().orElseThrow().boundCidrs()).containsExactly("10.0.0.0/8", "192.168.1.7");
    }

    @Test
    void login_tokenSettings_reachTheMintedToken() {
        node.write("auth/jwt/role/app", with(role(), "token_num_uses", 3, "token_period", "30m", "token_ttl", null,
                "token_max_ttl", null));
        Response r = login("app", rsa.sign(claims()));
        assertThat(r.auth().orElseThrow()).containsEntry("num_uses", 3).containsEntry("lease_duration", 1800L);
    }

    @Test
    void login_throughOidcTypedMount_behavesTheSame() {
        node.enable("oidc/", "oidc");
        node.write("auth/oidc/config", Map.of("jwt_validation_pubkeys", rsa.pem()));
        node.write("auth/oidc/role/app", role());
        Response r = node.login("auth/oidc/login", Map.of("role", "app", "jwt", rsa.sign(claims())));
        assertThat(r.mountType()).isEqualTo("oidc");
        assertThat(r.auth()).isPresent();
    }

    @Test
    void login_pathIsTheOnlyOneServedWithoutAToken() {
        CofferException e = failure(() -> node.call(io.coffer.core.logical.Operation.READ, "auth/jwt/role/app", null, Map.of()));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.PERMISSION_DENIED);
        CofferException config = failure(() -> node.call(io.coffer.core.logical.Operation.UPDATE, "auth/jwt/config", null,
                Map.of("jwt_validation_pubkeys", stranger.pem())));
        assertThat(config.kind()).isEqualTo(CofferException.Kind.PERMISSION_DENIED);
    }

    private static byte[] hmac(byte[] key, String input) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(input.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
