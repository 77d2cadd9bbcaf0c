package io.coffer.cli.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.testing.CliRun;
import io.coffer.cli.testing.CliRun.Result;
import io.coffer.cli.testing.FakeVaultServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coffer policy write|read|list|delete} against a fake server. */
class PolicyCommandsTest {

    private static final String TOKEN = "s.policy-admin";

    private static final String RULES = """
            path "secret/data/app/*" {
              capabilities = ["read", "list"]
            }
            """;

    @TempDir
    Path directory;

    private FakeVaultServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeVaultServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun cli() {
        return CliRun.against(server).env("COFFER_TOKEN", TOKEN);
    }

    @Nested
    class Write {

        @Test
        void write_file_uploadsItsRules() throws IOException {
            Path file = Files.writeString(directory.resolve("app.hcl"), RULES);
            server.on("PUT /v1/sys/policies/acl/app-read", 204, "");

            Result result = cli().run("policy", "write", "app-read", file.toString());

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("PUT").bodyText())
                    .isEqualTo("{\"policy\":\"path \\\"secret/data/app/*\\\" {\\n  capabilities = [\\\"read\\\", \\\"list\\\"]\\n}\\n\"}");
            assertThat(server.last("PUT").header("X-Vault-Token")).isEqualTo(TOKEN);
            assertThat(result.out()).isEqualTo("Success! Uploaded policy: app-read\n");
            assertThat(result.err()).isEmpty();
        }

        @Test
        void write_dash_readsStdinAndNormalizesTheName() {
            server.on("PUT /v1/sys/policies/acl/ops", 204, "");

            Result result = cli().stdin(RULES).run("policy", "write", "OPS", "-");

            assertThat(result.exitCode()).isZero();
            assertThat(server.requestLines()).containsExactly("PUT /v1/sys/policies/acl/ops");
            assertThat(server.last("PUT").bodyText()).contains("capabilities = [\\\"read\\\", \\\"list\\\"]");
            assertThat(result.err()).isEqualTo("Policy name was converted from \"OPS\" to \"ops\"\n");
            assertThat(result.out()).isEqualTo("Success! Uploaded policy: ops\n");
        }

        @Test
        void write_missingFile_exitsTwoWithoutARequest() {
            Path missing = directory.resolve("nope.hcl");

            Result result = cli().run("policy", "write", "app", missing.toString());

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("Error opening policy file: open " + missing + ": no such file or directory\n");
            assertThat(server.requests()).isEmpty();
        }

        @Test
        void write_invalidPolicy_exitsTwoWithTheServersReason() throws IOException {
            Path file = Files.writeString(directory.resolve("bad.hcl"), "path {");
            server.on("PUT /v1/sys/policies/acl/bad", 400, "{\"errors\":[\"failed to parse policy: unexpected end\"]}");

            Result result = cli().run("policy", "write", "bad", file.toString());

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error uploading policy: Error making API request.")
                    .endsWith("* failed to parse policy: unexpected end\n");
        }

        @Test
        void write_wrongArgumentCount_isAUsageError() {
            assertThat(cli().run("policy", "write", "only-name").err()).isEqualTo("Not enough arguments (expected 2, got 1)\n");
            assertThat(cli().run("policy", "write", "a", "b", "c").err()).isEqualTo("Too many arguments (expected 2, got 3)\n");
            assertThat(cli().run("policy", "write", "a").exitCode()).isEqualTo(1);
        }
    }

    @Nested
    class Read {

        @Test
        void read_existing_printsTheRulesTrimmed() {
            server.on("GET /v1/sys/policies/acl/app-read", 200,
                    "{\"data\":{\"name\":\"app-read\",\"policy\":\"\\npath \\\"secret/*\\\" {}\\n\\n\"}}");

            Result result = cli().run("policy", "read", "App-Read");

            assertThat(result.exitCode()).isZero();
            assertThat(server.requestLines()).containsExactly("GET /v1/sys/policies/acl/app-read");
            assertThat(result.out()).isEqualTo("path \"secret/*\" {}\n");
        }

        @Test
        void read_json_wrapsTheRulesAsVaultDoes() {
            server.on("GET /v1/sys/policies/acl/app", 200, "{\"data\":{\"name\":\"app\",\"policy\":\"path \\\"a\\\" {}\"}}");

            Result result = cli().run("policy", "read", "-format=json", "app");

            assertThat(result.out()).isEqualTo("{\n  \"policy\": \"path \\\"a\\\" {}\"\n}\n");
        }

        @Test
        void read_missing_exitsTwo() {
            Result result = cli().run("policy", "read", "ghost");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("No policy named: ghost\n");
        }

        @Test
        void read_forbidden_exitsTwo() {
            server.on("GET /v1/sys/policies/acl/root", 403, "{\"errors\":[\"permission denied\"]}");

            Result result = cli().run("policy", "read", "root");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error reading policy named root: Error making API request.");
        }
    }

    @Nested
    class ListPolicies {

        @Test
        void list_printsOneNamePerLineWithoutAHeader() {
            server.on("GET /v1/sys/policies/acl?list=true", 200, "{\"data\":{\"keys\":[\"app-read\",\"default\",\"root\"]}}");

            Result result = cli().run("policy", "list");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEqualTo("app-read\ndefault\nroot\n");
        }

        @Test
        void list_json_isAnArray() {
            server.on("GET /v1/sys/policies/acl?list=true", 200, "{\"data\":{\"keys\":[\"default\",\"root\"]}}");

            assertThat(cli().run("policy", "list", "-format=json").out()).isEqualTo("[\n  \"default\",\n  \"root\"\n]\n");
        }

        @Test
        void list_noData_exitsTwo() {
            Result result = cli().run("policy", "list");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("Error listing policies: data from server response is empty\n");
        }

        @Test
        void list_arguments_areRejected() {
            assertThat(cli().run("policy", "list", "x").err()).isEqualTo("Too many arguments (expected 0, got 1)\n");
        }
    }

    @Nested
    class Delete {

        @Test
        void delete_existing_reportsSuccess() {
            server.on("DELETE /v1/sys/policies/acl/app-read", 204, "");

            Result result = cli().run("policy", "delete", " App-Read ");

            assertThat(result.exitCode()).isZero();
            assertThat(server.requestLines()).containsExactly("DELETE /v1/sys/policies/acl/app-read");
            assertThat(result.out()).isEqualTo("Success! Deleted policy: app-read\n");
        }

        @Test
        void delete_refused_exitsTwo() {
            server.on("DELETE /v1/sys/policies/acl/root", 400, "{\"errors\":[\"cannot delete \\\"root\\\" policy\"]}");

            Result result = cli().run("policy", "delete", "root");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error deleting root: Error making API request.")
                    .endsWith("* cannot delete \"root\" policy\n");
        }

        @Test
        void delete_noName_isAUsageError() {
            assertThat(cli().run("policy", "delete").err()).isEqualTo("Not enough arguments (expected 1, got 0)\n");
        }
    }
}
