package io.coffer.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.testing.CliRun;
import io.coffer.cli.testing.CliRun.Result;
import io.coffer.cli.testing.FakeVaultServer;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code coffer auth enable|list|disable} against a fake server. */
class AuthCommandsTest {

    private static final String TOKEN = "s.auth-admin";

    private static final String MOUNTS = """
            {"request_id":"r-1","lease_id":"","renewable":false,"lease_duration":0,
             "data":{
               "userpass/":{"accessor":"auth_userpass_2","config":{"default_lease_ttl":3600,"max_lease_ttl":0,
                            "force_no_cache":false,"token_type":"default-service"},"description":"",
                            "external_entropy_access":false,"local":true,"options":{"k":"v"},"plugin_version":"",
                            "running_plugin_version":"v1.0.0+builtin","running_sha256":"","seal_wrap":false,
                            "type":"userpass","uuid":"uuid-2","deprecation_status":"supported"},
               "token/":{"accessor":"auth_token_1","config":{"default_lease_ttl":0,"max_lease_ttl":0,
                         "force_no_cache":false,"token_type":"default-service"},"description":"token based credentials",
                         "external_entropy_access":false,"local":false,"options":null,"plugin_version":"",
                         "running_plugin_version":"v1.0.0+builtin","running_sha256":"","seal_wrap":false,
                         "type":"token","uuid":"uuid-1"}},
             "wrap_info":null,"warnings":null,"auth":null}""";

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
    class Enable {

        @Test
        void enable_type_mountsItAtItsNameWithVaultsBody() {
            server.on("POST /v1/sys/auth/userpass/", 204, "");

            Result result = coffer("auth", "enable", "userpass");

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("POST").header("X-Vault-Token")).isEqualTo(TOKEN);
            assertThat(server.last("POST").bodyText()).isEqualTo("{\"type\":\"userpass\",\"description\":\"\","
                    + "\"config\":{\"options\":null,\"default_lease_ttl\":\"0s\",\"max_lease_ttl\":\"0s\",\"force_no_cache\":false},"
                    + "\"local\":false,\"seal_wrap\":false,\"external_entropy_access\":false,\"options\":null}");
            assertThat(result.out()).isEqualTo("Success! Enabled userpass auth method at: userpass/\n");
        }

        @Test
        void enable_flags_landInTheBody() {
            server.on("POST /v1/sys/auth/ops/", 204, "");

            Result result = coffer("auth", "enable", "-path=/ops/", "-description=Operators", "-default-lease-ttl=1h",
                    "-max-lease-ttl=24h", "-token-type=batch", "-listing-visibility=unauth",
                    "-audit-non-hmac-request-keys=role_id", "-options=k=v", "-version=2", "-local", "approle");

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("POST").bodyText()).isEqualTo("{\"type\":\"approle\",\"description\":\"Operators\","
                    + "\"config\":{\"options\":null,\"default_lease_ttl\":\"1h0m0s\",\"max_lease_ttl\":\"24h0m0s\","
                    + "\"force_no_cache\":false,\"audit_non_hmac_request_keys\":[\"role_id\"],\"listing_visibility\":\"unauth\","
                    + "\"token_type\":\"batch\"},\"local\":true,\"seal_wrap\":false,\"external_entropy_access\":false,"
                    + "\"options\":{\"k\":\"v\",\"version\":\"2\"}}");
            assertThat(result.out()).isEqualTo("Success! Enabled approle auth method at: ops/\n");
        }

        @Test
        void enable_pathInUse_exitsTwo() {
            server.on("POST /v1/sys/auth/userpass/", 400, "{\"errors\":[\"path is already in use at userpass/\"]}");

            Result result = coffer("auth", "enable", "userpass");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error enabling userpass auth: Error making API request.")
                    .endsWith("* path is already in use at userpass/\n");
        }

        @Test
        void enable_badArguments_areUsageErrors() {
            assertThat(coffer("auth", "enable").err()).isEqualTo("Not enough arguments (expected 1, got 0)\n");
            assertThat(coffer("auth", "enable", "a", "b").err()).isEqualTo("Too many arguments (expected 1, got 2)\n");
            assertThat(coffer("auth", "enable", "-max-lease-ttl=forever", "userpass").err())
                    .isEqualTo("invalid value \"forever\" for flag -max-lease-ttl: invalid duration \"forever\"\n");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Nested
    class ListMounts {

        @Test
        void list_printsOneRowPerMountSortedByPath() {
            server.on("GET /v1/sys/auth", 200, MOUNTS);

            Result result = coffer("auth", "list");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEqualTo("""
                    Path         Type        Accessor           Description                Version
                    ----         ----        --------           -----------                -------
                    token/       token       auth_token_1       token based credentials    n/a
                    userpass/    userpass    auth_userpass_2    n/a                        n/a
                    """);
        }

        @Test
        void list_detailed_addsTtlsReplicationAndOptions() {
            server.on("GET /v1/sys/auth", 200, MOUNTS);

            Result result = coffer("auth", "list", "-detailed");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out().lines().toList()).hasSize(4);
            assertThat(result.out().lines().findFirst().orElseThrow()).startsWith("Path ").contains("Default TTL")
                    .endsWith("Deprecation Status");
            assertThat(result.out()).containsPattern("(?m)^token/ +token +auth_token_1 +system +system +default-service +replicated +false +false +map\\[] +token based credentials +uuid-1 ")
                    .containsPattern("(?m)^userpass/ +userpass +auth_userpass_2 +3600 +system +default-service +local +false +false +map\\[k:v] +n/a +uuid-2 +n/a +v1\\.0\\.0\\+builtin +n/a +supported$");
        }

        @Test
        void list_json_printsTheMountsByPath() {
            server.on("GET /v1/sys/auth", 200, MOUNTS);

            Result result = coffer("auth", "list", "-format=json");

            assertThat(result.out()).startsWith("{\n  \"token/\": {\n    \"accessor\": \"auth_token_1\",")
                    .contains("\n  \"userpass/\": {");
        }

        @Test
        void list_forbidden_exitsTwo() {
            server.on("GET /v1/sys/auth", 403, "{\"errors\":[\"permission denied\"]}");

            Result result = coffer("auth", "list");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error listing enabled authentications: Error making API request.");
        }
    }

    @Nested
    class Disable {

        @Test
        void disable_path_unmountsItWithATrailingSlashAsVaultSendsIt() {
            server.on("DELETE /v1/sys/auth/userpass/", 204, "");

            Result result = coffer("auth", "disable", "/userpass");

            assertThat(result.exitCode()).isZero();
            assertThat(server.requestLines()).containsExactly("DELETE /v1/sys/auth/userpass/");
            assertThat(result.out()).isEqualTo("Success! Disabled the auth method (if it existed) at: userpass/\n");
        }

        @Test
        void disable_refused_exitsTwo() {
            server.on("DELETE /v1/sys/auth/token/", 400, "{\"errors\":[\"token credential backend cannot be disabled\"]}");

            Result result = coffer("auth", "disable", "token");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error disabling auth method at token/: Error making API request.");
        }

        @Test
        void disable_noPath_isAUsageError() {
            assertThat(coffer("auth", "disable").err()).isEqualTo("Not enough arguments (expected 1, got 0)\n");
        }
    }
}
