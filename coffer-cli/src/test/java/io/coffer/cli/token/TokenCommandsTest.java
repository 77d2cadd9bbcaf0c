package io.coffer.cli.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.testing.CliRun;
import io.coffer.cli.testing.CliRun.Result;
import io.coffer.cli.testing.FakeVaultServer;
import io.coffer.cli.testing.RecordedRequest;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code coffer token create|lookup|renew|revoke} against a fake server: requests, output, exit codes. */
class TokenCommandsTest {

    private static final String TOKEN = "s.caller-token-never-printed";

    private static final String CREATED = """
            {"request_id":"r-1","lease_id":"","renewable":false,"lease_duration":0,"data":null,"wrap_info":null,
             "warnings":null,
             "auth":{"client_token":"s.child","accessor":"acc-child","policies":["default","ops"],
                     "token_policies":["default","ops"],"metadata":{"team":"ops"},"lease_duration":3600,
                     "renewable":true,"entity_id":"","token_type":"service","orphan":false,"mfa_requirement":null,
                     "num_uses":0}}""";

    private static final String LOOKUP = """
            {"request_id":"r-2","lease_id":"","renewable":false,"lease_duration":0,
             "data":{"accessor":"acc-root","creation_time":1764260000,"creation_ttl":0,"display_name":"root",
                     "entity_id":"","expire_time":null,"explicit_max_ttl":0,"id":"s.looked-up","meta":null,
                     "num_uses":0,"orphan":true,"path":"auth/token/root","policies":["root"],"ttl":0,"type":"service"},
             "wrap_info":null,"warnings":null,"auth":null}""";

    private static final String RENEWED = """
            {"request_id":"r-3","lease_id":"","renewable":false,"lease_duration":0,"data":null,
             "auth":{"client_token":"s.renewed","accessor":"acc-r","policies":["default"],"token_policies":["default"],
                     "metadata":null,"lease_duration":7200,"renewable":true}}""";

    private FakeVaultServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeVaultServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Result coffer(String... args) {
        return CliRun.against(server).env("COFFER_TOKEN", TOKEN).run(args);
    }

    @Nested
    class Create {

        @Test
        void create_defaults_sendsVaultsBodyAndPrintsTheTokenTable() {
            server.on("POST /v1/auth/token/create", 200, CREATED);

            Result result = coffer("token", "create");

            assertThat(result.exitCode()).isZero();
            RecordedRequest request = server.last("POST /v1/auth/token/create");
            assertThat(request.header("X-Vault-Token")).isEqualTo(TOKEN);
            assertThat(request.bodyText()).isEqualTo("{\"ttl\":\"0s\",\"explicit_max_ttl\":\"0s\",\"period\":\"0s\","
                    + "\"display_name\":\"\",\"num_uses\":0,\"renewable\":true,\"type\":\"service\",\"entity_alias\":\"\"}");
            assertThat(result.out()).isEqualTo("""
                    Key                  Value
                    ---                  -----
                    token                s.child
                    token_accessor       acc-child
                    token_duration       1h
                    token_renewable      true
                    token_policies       ["default" "ops"]
                    identity_policies    []
                    policies             ["default" "ops"]
                    token_meta_team      ops
                    """);
            assertThat(result.out() + result.err()).doesNotContain(TOKEN);
        }

        @Test
        void create_everyFlag_landsInTheBody() {
            server.on("POST /v1/auth/token/create", 200, CREATED);

            Result result = coffer("token", "create", "-id=s.custom", "-policy=ops,dev", "-policy", "audit",
                    "-metadata", "team=ops", "-metadata=ticket=42", "-ttl=1h", "-explicit-max-ttl=24h", "-period=90",
                    "-orphan", "-no-default-policy", "-display-name=ci", "-use-limit=3", "-renewable=false",
                    "-entity-alias=e");

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("POST").bodyText()).isEqualTo("{\"id\":\"s.custom\",\"policies\":[\"ops\",\"dev\",\"audit\"],"
                    + "\"meta\":{\"team\":\"ops\",\"ticket\":\"42\"},\"ttl\":\"1h0m0s\",\"explicit_max_ttl\":\"24h0m0s\","
                    + "\"period\":\"1m30s\",\"no_parent\":true,\"no_default_policy\":true,\"display_name\":\"ci\","
                    + "\"num_uses\":3,\"renewable\":false,\"type\":\"service\",\"entity_alias\":\"e\"}");
        }

        @Test
        void create_role_postsToTheRolesPath() {
            server.on("POST /v1/auth/token/create/ci", 200, CREATED);

            assertThat(coffer("token", "create", "-role=ci").exitCode()).isZero();
            assertThat(server.requestLines()).containsExactly("POST /v1/auth/token/create/ci");
        }

        @Test
        void create_batch_isNeverRenewable() {
            server.on("POST /v1/auth/token/create", 200, CREATED);

            coffer("token", "create", "-type=batch");

            assertThat(server.last("POST").bodyText()).contains("\"renewable\":false,\"type\":\"batch\"");
        }

        @Test
        void create_fieldToken_printsOnlyTheNewToken() {
            server.on("POST /v1/auth/token/create", 200, CREATED);

            Result result = coffer("token", "create", "-field=token");

            assertThat(result.out()).isEqualTo("s.child");
        }

        @Test
        void create_json_printsTheEnvelope() {
            server.on("POST /v1/auth/token/create", 200, CREATED);

            Result result = coffer("token", "create", "-format=json");

            assertThat(result.out()).startsWith("{\n  \"request_id\": \"r-1\",").contains("\"client_token\": \"s.child\"");
        }

        @Test
        void create_badDuration_isAUsageError() {
            Result result = coffer("token", "create", "-ttl=soon");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("invalid value \"soon\" for flag -ttl: invalid duration \"soon\"\n");
            assertThat(server.requests()).isEmpty();
        }

        @Test
        void create_arguments_areRejected() {
            Result result = coffer("token", "create", "extra");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("Too many arguments (expected 0, got 1)\n");
        }

        @Test
        void create_refused_exitsTwo() {
            server.on("POST /v1/auth/token/create", 403, "{\"errors\":[\"permission denied\"]}");

            Result result = coffer("token", "create", "-orphan");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error creating token: Error making API request.")
                    .endsWith("* permission denied\n").doesNotContain(TOKEN);
        }
    }

    @Nested
    class Lookup {

        @Test
        void lookup_noArgument_looksUpTheCallersOwnToken() {
            server.on("GET /v1/auth/token/lookup-self", 200, LOOKUP);

            Result result = coffer("token", "lookup");

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("GET").header("X-Vault-Token")).isEqualTo(TOKEN);
            assertThat(result.out()).isEqualTo("""
                    Key                 Value
                    ---                 -----
                    accessor            acc-root
                    creation_time       1764260000
                    creation_ttl        0s
                    display_name        root
                    entity_id           n/a
                    expire_time         <nil>
                    explicit_max_ttl    0s
                    id                  s.looked-up
                    meta                <nil>
                    num_uses            0
                    orphan              true
                    path                auth/token/root
                    policies            [root]
                    ttl                 0s
                    type                service
                    """);
        }

        @Test
        void lookup_token_travelsInTheBodyNotTheUrl() {
            server.on("POST /v1/auth/token/lookup", 200, LOOKUP);

            Result result = coffer("token", "lookup", "s.other-token");

            assertThat(result.exitCode()).isZero();
            assertThat(server.requestLines()).containsExactly("POST /v1/auth/token/lookup");
            assertThat(server.last("POST").bodyText()).isEqualTo("{\"token\":\"s.other-token\"}");
        }

        @Test
        void lookup_accessor_usesTheAccessorEndpoint() {
            server.on("POST /v1/auth/token/lookup-accessor", 200, LOOKUP);

            Result result = coffer("token", "lookup", "-accessor", "acc-root");

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("POST").bodyText()).isEqualTo("{\"accessor\":\"acc-root\"}");
        }

        @Test
        void lookup_field_printsOneValue() {
            server.on("GET /v1/auth/token/lookup-self", 200, LOOKUP);

            assertThat(coffer("token", "lookup", "-field=policies").out()).isEqualTo("[root]");
        }

        @Test
        void lookup_argumentMistakes_areUsageErrors() {
            assertThat(coffer("token", "lookup", "-accessor").err()).isEqualTo("Not enough arguments with -accessor (expected 1, got 0)\n");
            assertThat(coffer("token", "lookup", "-accessor", "a", "b").err()).isEqualTo("Too many arguments with -accessor (expected 1, got 2)\n");
            assertThat(coffer("token", "lookup", "a", "b").err()).isEqualTo("Too many arguments (expected 0-1, got 2)\n");
            assertThat(server.requests()).isEmpty();
        }

        @Test
        void lookup_unknownToken_exitsTwoWithoutEchoingIt() {
            server.on("POST /v1/auth/token/lookup", 403, "{\"errors\":[\"bad token\"]}");

            Result result = coffer("token", "lookup", "s.unknown-token");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error looking up token: Error making API request.")
                    .doesNotContain("s.unknown-token").doesNotContain(TOKEN);
        }
    }

    @Nested
    class Renew {

        @Test
        void renew_noArgument_renewsTheCallersToken() {
            server.on("PUT /v1/auth/token/renew-self", 200, RENEWED);

            Result result = coffer("token", "renew");

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("PUT").bodyText()).isEqualTo("{\"increment\":0}");
            assertThat(result.out()).contains("token                s.renewed").contains("token_duration       2h")
                    .doesNotContain("token_meta_");
        }

        @Test
        void renew_tokenWithIncrement_sendsWholeSeconds() {
            server.on("PUT /v1/auth/token/renew", 200, RENEWED);

            assertThat(coffer("token", "renew", "-increment=1h", "s.other").exitCode()).isZero();
            assertThat(server.last("PUT").bodyText()).isEqualTo("{\"token\":\"s.other\",\"increment\":3600}");

            coffer("token", "renew", "-i=90s", "s.other");
            assertThat(server.last("PUT").bodyText()).isEqualTo("{\"token\":\"s.other\",\"increment\":90}");
        }

        @Test
        void renew_accessor_usesTheAccessorEndpoint() {
            server.on("POST /v1/auth/token/renew-accessor", 200, RENEWED);

            assertThat(coffer("token", "renew", "-accessor", "acc-r").exitCode()).isZero();
            assertThat(server.last("POST").bodyText()).isEqualTo("{\"accessor\":\"acc-r\",\"increment\":0}");
        }

        @Test
        void renew_tooManyArguments_isAUsageError() {
            Result result = coffer("token", "renew", "a", "b");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("Too many arguments (expected 1, got 2)\n");
        }

        @Test
        void renew_notRenewable_exitsTwo() {
            server.on("PUT /v1/auth/token/renew-self", 400, "{\"errors\":[\"lease is not renewable\"]}");

            Result result = coffer("token", "renew");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error renewing token: Error making API request.").endsWith("* lease is not renewable\n");
        }
    }

    @Nested
    class Revoke {

        @Test
        void revoke_token_revokesItsTree() {
            server.on("PUT /v1/auth/token/revoke", 204, "");

            Result result = coffer("token", "revoke", "s.victim");

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("PUT").bodyText()).isEqualTo("{\"token\":\"s.victim\"}");
            assertThat(result.out()).isEqualTo("Success! Revoked token (if it existed)\n");
        }

        @Test
        void revoke_self_sendsNoBody() {
            server.on("PUT /v1/auth/token/revoke-self", 204, "");

            assertThat(coffer("token", "revoke", "-self").exitCode()).isZero();
            RecordedRequest request = server.last("PUT /v1/auth/token/revoke-self");
            assertThat(request.body()).isEmpty();
            assertThat(request.header("X-Vault-Token")).isEqualTo(TOKEN);
        }

        @Test
        void revoke_modes_useTheirEndpoints() {
            server.on("PUT /v1/auth/token/revoke-orphan", 204, "")
                    .on("PUT /v1/sys/leases/revoke-prefix/auth/github", 204, "")
                    .on("POST /v1/auth/token/revoke-accessor", 204, "");

            assertThat(coffer("token", "revoke", "-mode=orphan", "s.parent").exitCode()).isZero();
            assertThat(coffer("token", "revoke", "-mode=path", "auth/github").exitCode()).isZero();
            assertThat(coffer("token", "revoke", "-accessor", "acc-1").exitCode()).isZero();

            assertThat(server.requestLines()).containsExactly("PUT /v1/auth/token/revoke-orphan",
                    "PUT /v1/sys/leases/revoke-prefix/auth/github", "POST /v1/auth/token/revoke-accessor");
            assertThat(server.last("PUT /v1/auth/token/revoke-orphan").bodyText()).isEqualTo("{\"token\":\"s.parent\"}");
            assertThat(server.last("POST").bodyText()).isEqualTo("{\"accessor\":\"acc-1\"}");
        }

        @Test
        void revoke_badCombinations_areUsageErrorsInVaultsWords() {
            assertThat(coffer("token", "revoke", "-mode=all", "t").err()).isEqualTo("Invalid mode: all\n");
            assertThat(coffer("token", "revoke").err()).isEqualTo("Not enough arguments (expected 1 or -self, got 0)\n");
            assertThat(coffer("token", "revoke", "a", "b").err()).isEqualTo("Too many arguments (expected 1 or -self, got 2)\n");
            assertThat(coffer("token", "revoke", "-self", "a").err()).isEqualTo("Too many arguments with -self (expected 0, got 1)\n");
            assertThat(coffer("token", "revoke", "-self", "-accessor").err()).isEqualTo("Cannot use -self with -accessor!\n");
            assertThat(coffer("token", "revoke", "-self", "-mode=orphan").err()).isEqualTo("Cannot use -self with -mode!\n");
            assertThat(coffer("token", "revoke", "-accessor", "-mode=path", "a").err()).isEqualTo("Cannot use -accessor with -mode=path!\n");
            assertThat(coffer("token", "revoke", "-self", "a").exitCode()).isEqualTo(1);
            assertThat(server.requests()).isEmpty();
        }

        @Test
        void revoke_refused_exitsTwoWithoutEchoingTheToken() {
            server.on("PUT /v1/auth/token/revoke", 403, "{\"errors\":[\"permission denied\"]}");

            Result result = coffer("token", "revoke", "s.someone-elses");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error revoking token: Error making API request.")
                    .doesNotContain("s.someone-elses");
            assertThat(result.out()).isEmpty();
        }
    }
}
