package io.coffer.core.auth.jwt;

import static io.coffer.core.auth.AuthNode.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.auth.AuthNode;
import io.coffer.core.auth.TestClock;
import io.coffer.core.auth.TestKeys;
import io.coffer.core.error.CofferException;
import io.coffer.core.json.Json;
import io.coffer.core.logical.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code config} and {@code role/} of a jwt mount: Vault's shapes, defaults and refusals. */
class JwtRoleAndConfigTest {

    static TestKeys rsa;

    final TestClock clock = new TestClock(JwtLoginTest.NOW);
    AuthNode node;

    @BeforeAll
    static void keys() {
        rsa = TestKeys.rsa("k");
    }

    @BeforeEach
    void start() {
        node = new AuthNode(clock, new JwtAuthFactory("jwt", clock, io.coffer.core.ratelimit.LoginWorkPool.sizedToMachine()));
        node.enable("jwt/", "jwt");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    /** Asserts a 400 with exactly {@code message} that left storage untouched. */
    private void refused(String path, Map<String, Object> body, String message) {
        Map<String, String> before = node.snapshot();
        CofferException e = failure(() -> node.write(path, body));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(e.messages()).containsExactly(message);
        assertThat(node.snapshot()).isEqualTo(before);
    }

    @Test
    void config_readBeforeWrite_is404WithNoMessage() {
        CofferException e = failure(() -> node.read("auth/jwt/config"));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(e.messages()).isEmpty();
    }

    @Test
    void config_writeThenRead_showsVaultsFields() {
        Response w = node.write("auth/jwt/config", Map.of("jwt_validation_pubkeys", List.of(rsa.pem()), "bound_issuer", "iss",
                "default_role", "Dev", "jwt_supported_algs", "RS256,ES256"));
        assertThat(w.isEmpty()).isTrue();
        Map<String, Object> d = node.read("auth/jwt/config").data().orElseThrow();
        assertThat(d).containsEntry("jwt_validation_pubkeys", List.of(rsa.pem())).containsEntry("bound_issuer", "iss")
                .containsEntry("default_role", "dev").containsEntry("jwt_supported_algs", List.of("RS256", "ES256"))
                .containsEntry("jwks_url", "").containsEntry("oidc_discovery_url", "").containsEntry("namespace_in_state", true)
                .containsKeys("oidc_client_id", "jwks_ca_pem", "jwks_pairs", "provider_config", "oidc_response_types");
        assertThat(d).doesNotContainKey("oidc_client_secret");
    }

    @Test
    void config_storedOnlyBehindTheBarrier() {
        node.write("auth/jwt/config", Map.of("jwt_validation_pubkeys", List.of(rsa.pem()), "bound_issuer", "issuer-marker-7f3a"));
        assertThat(node.snapshot().toString()).doesNotContain("issuer-marker-7f3a").doesNotContain("BEGIN PUBLIC KEY");
        assertThat(node.read("auth/jwt/config").data().orElseThrow()).containsEntry("bound_issuer", "issuer-marker-7f3a");
    }

    @Test
    void config_refusesInvalidSettings() {
        refused("auth/jwt/config", Map.of(),
                "exactly one of 'jwt_validation_pubkeys', 'jwks_url', 'jwks_pairs' or 'oidc_discovery_url' must be set");
        refused("auth/jwt/config", Map.of("jwt_validation_pubkeys", rsa.pem(), "jwks_url", "http://127.0.0.1:1/keys"),
                "exactly one of 'jwt_validation_pubkeys', 'jwks_url', 'jwks_pairs' or 'oidc_discovery_url' must be set");
        refused("auth/jwt/config", Map.of("jwt_validation_pubkeys", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"),
                "error parsing public key: data does not contain any valid RSA, ECDSA or Ed25519 public keys");
        refused("auth/jwt/config", Map.of("jwt_validation_pubkeys", rsa.pem(), "jwt_supported_algs", List.of("RS256", "HS256")),
                "invalid jwt_supported_algs: unsupported signing algorithm \"HS256\"");
        refused("auth/jwt/config", Map.of("jwt_validation_pubkeys", rsa.pem(), "oidc_client_id", "abc"),
                "both 'oidc_client_id' and 'oidc_client_secret' must be set for OIDC");
        CofferException flow = failure(() -> node.write("auth/jwt/config", Map.of("oidc_discovery_url", "https://accounts.example",
                "oidc_client_id", "abc", "oidc_client_secret", "client-secret-value")));
        assertThat(flow.messages().get(0)).contains("not supported by Coffer yet").doesNotContain("client-secret-value");
        refused("auth/jwt/config", Map.of("jwks_pairs", List.of(Map.of("jwks_url", "https://a/keys"))),
                "jwks_pairs is not supported by Coffer yet; configure jwt_validation_pubkeys, jwks_url or oidc_discovery_url "
                        + "for JWT login");
    }

    @Test
    void config_acceptsCertificatesAsKeys() throws Exception {
        // A certificate stands for its public key, as in Vault; the JDK's trust store supplies one.
        var ks = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
        try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"))) {
            ks.load(in, null);
        }
        var cert = ks.getCertificate(ks.aliases().nextElement());
        String pem = "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder().encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        assertThat(node.write("auth/jwt/config", Map.of("jwt_validation_pubkeys", List.of(pem))).isEmpty()).isTrue();
    }

    @Test
    void role_writeReadListDelete() {
        assertThat(node.write("auth/jwt/role/Deploy", Map.of("role_type", "jwt", "user_claim", "sub", "bound_subject", "ci",
                "token_policies", "a,b", "token_ttl", "10m", "bound_claims", Map.of("env", "prod"),
                "claim_mappings", Map.of("repo", "repository"))).isEmpty()).isTrue();
        node.write("auth/jwt/role/build", Map.of("role_type", "jwt", "user_claim", "sub", "bound_audiences", "x"));

        Map<String, Object> d = node.read("auth/jwt/role/deploy").data().orElseThrow();
        assertThat(d).containsEntry("role_type", "jwt").containsEntry("user_claim", "sub").containsEntry("bound_subject", "ci")
                .containsEntry("bound_claims", Map.of("env", "prod")).containsEntry("bound_claims_type", "string")
                .containsEntry("claim_mappings", Map.of("repo", "repository")).containsEntry("bound_audiences", null)
                .containsEntry("token_policies", List.of("a", "b")).containsEntry("token_ttl", 600L)
                .containsEntry("token_max_ttl", 0L).containsEntry("token_type", "default")
                .containsEntry("token_bound_cidrs", List.of()).containsEntry("token_no_default_policy", false)
                .containsEntry("expiration_leeway", 0L).containsEntry("not_before_leeway", 0L)
                .containsEntry("clock_skew_leeway", 0L).containsEntry("user_claim_json_pointer", false);
        assertThat(node.list("auth/jwt/role").data().orElseThrow()).containsEntry("keys", List.of("build", "deploy"));

        assertThat(node.delete("auth/jwt/role/deploy").isEmpty()).isTrue();
        assertThat(failure(() -> node.read("auth/jwt/role/deploy")).kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
        node.delete("auth/jwt/role/build");
        CofferException empty = failure(() -> node.list("auth/jwt/role/"));
        assertThat(empty.kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(empty.messages()).isEmpty();
    }

    @Test
    void role_updateKeepsFieldsNotSent() {
        node.write("auth/jwt/role/r", Map.of("role_type", "jwt", "user_claim", "sub", "bound_subject", "ci", "token_ttl", 60));
        node.write("auth/jwt/role/r", Map.of("role_type", "jwt", "token_max_ttl", "5m", "expiration_leeway", "-1"));
        Map<String, Object> d = node.read("auth/jwt/role/r").data().orElseThrow();
        assertThat(d).containsEntry("bound_subject", "ci").containsEntry("token_ttl", 60L).containsEntry("token_max_ttl", 300L)
                .containsEntry("user_claim", "sub").containsEntry("expiration_leeway", -1L);
    }

    @Test
    void role_storesNoPlaintextOutsideTheBarrier() {
        node.write("auth/jwt/role/r", Map.of("role_type", "jwt", "user_claim", "sub", "bound_subject", "subject-marker-91c"));
        String stored = node.snapshot().toString();
        assertThat(stored).doesNotContain("subject-marker-91c");
        String plain = new String(Json.write(node.read("auth/jwt/role/r").data().orElseThrow()), StandardCharsets.UTF_8);
        assertThat(plain).contains("subject-marker-91c");
    }

    @Test
    void role_refusesInvalidDefinitions() {
        refused("auth/jwt/role/r", Map.of("role_type", "jwt", "bound_subject", "x"), "a user claim must be defined on the role");
        refused("auth/jwt/role/r", Map.of("role_type", "jwt", "user_claim", "sub"),
                "must have at least one bound constraint when creating/updating a role");
        refused("auth/jwt/role/r", Map.of("user_claim", "sub", "bound_subject", "x"),
                "'allowed_redirect_uris' must be set if 'role_type' is 'oidc' or unspecified.");
        refused("auth/jwt/role/r", Map.of("role_type", "saml", "user_claim", "sub"), "invalid 'role_type': must be jwt or oidc");
        refused("auth/jwt/role/r", Map.of("role_type", "jwt", "user_claim", "sub", "bound_subject", "x",
                "claim_mappings", Map.of("team", "role")), "metadata key \"role\" is reserved and may not be a mapping destination");
        refused("auth/jwt/role/r", Map.of("role_type", "jwt", "user_claim", "sub", "bound_subject", "x",
                "claim_mappings", Map.of("a", "same", "b", "same")), "multiple keys are mapped to metadata key \"same\"");
        refused("auth/jwt/role/r", Map.of("role_type", "jwt", "user_claim", "sub", "bound_claims_type", "glob",
                "bound_claims", Map.of("n", 5)),
                "bound_claims: with bound_claims_type glob every value must be a string or a list of strings");
        refused("auth/jwt/role/r", Map.of("role_type", "jwt", "user_claim", "sub", "bound_claims_type", "regex",
                "bound_claims", Map.of("n", "x")), "invalid 'bound_claims_type': must be string or glob");
        refused("auth/jwt/role/r", Map.of("role_type", "jwt", "user_claim", "sub", "bound_subject", "x",
                "token_ttl", "2h", "token_max_ttl", "1h"), "'token_ttl' cannot be greater than 'token_max_ttl'");
        refused("auth/jwt/role/r", Map.of("role_type", "jwt", "user_claim", "sub", "bound_subject", "x",
                "token_num_uses", -1), "'token_num_uses' cannot be negative");
        refused("auth/jwt/role/r", Map.of("role_type", "jwt", "user_claim", "sub", "bound_subject", "x",
                "token_bound_cidrs", List.of("10.0.0.0/33")),
                "field \"token_bound_cidrs\" has an invalid CIDR block \"10.0.0.0/33\"");
        refused("auth/jwt/role/r", Map.of("role_type", "jwt", "user_claim", "sub", "bound_subject", "x",
                "token_bound_cidrs", List.of("localhost")),
                "field \"token_bound_cidrs\" has an invalid CIDR block \"localhost\"");
        refused("auth/jwt/role/r", Map.of("role_type", "jwt", "user_claim", "sub", "bound_subject", "x",
                "token_type", "batch"), "batch tokens are not supported yet: use token_type \"service\" or \"default\"");
        refused("auth/jwt/role/r", Map.of("role_type", "jwt", "user_claim", "sub", "bound_subject", "x",
                "token_no_default_policy", true),
                "'token_no_default_policy' is not supported yet: every token Coffer issues carries the default policy");
        refused("auth/jwt/role/r", Map.of("role_type", "jwt", "user_claim", "sub", "bound_subject", "x",
                "token_policies", "app,root"), "the \"root\" policy cannot be granted through an auth method");
        refused("auth/jwt/role/r", Map.of("role_type", "jwt", "user_claim", "sub", "bound_subject", "x",
                "token_period", "800h"), "'token_period' is greater than the mount's maximum lease TTL of 2764800s");
    }

    @Test
    void role_warnsWhenMaxTtlExceedsTheMountMaximum() {
        Response r = node.write("auth/jwt/role/r", Map.of("role_type", "jwt", "user_claim", "sub", "bound_subject", "x",
                "token_max_ttl", "1000h"));
        assertThat(r.warnings()).containsExactly("token max ttl is greater than the system or backend mount's maximum TTL "
                + "value; issued tokens' max TTL value will be truncated");
    }

    @Test
    void role_legacyFieldNamesAreAccepted() {
        node.write("auth/jwt/role/r", Map.of("role_type", "jwt", "user_claim", "sub", "bound_subject", "x",
                "policies", "old", "ttl", "5m", "bound_cidrs", "127.0.0.1"));
        assertThat(node.read("auth/jwt/role/r").data().orElseThrow()).containsEntry("token_policies", List.of("old"))
                .containsEntry("token_ttl", 300L).containsEntry("token_bound_cidrs", List.of("127.0.0.1"));
    }

    @Test
    void role_invalidNameIsNotServed() {
        CofferException e = failure(() -> node.write("auth/jwt/role/bad name!", Map.of("user_claim", "sub")));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
    }
}
