package io.coffer.cli.path;

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

/** {@code coffer read|write|list|delete} against a fake server: requests, output, exit codes. */
class PathCommandsTest {

    private static final String TOKEN = "s.path-token-never-printed";

    private static final String KV1_SECRET = """
            {"request_id":"r-1","lease_id":"","renewable":false,"lease_duration":2764800,
             "data":{"password":"hunter2","user":"admin"},"wrap_info":null,"warnings":null,"auth":null}""";

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

    private Result coffer(String... args) {
        return cli().run(args);
    }

    @Nested
    class Read {

        @Test
        void read_existingPath_printsTheEnvelopeTable() {
            server.on("GET /v1/kv1/app", 200, KV1_SECRET);

            Result result = coffer("read", "kv1/app");

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("GET").header("X-Vault-Token")).isEqualTo(TOKEN);
            assertThat(result.out()).isEqualTo("""
                    Key                 Value
                    ---                 -----
                    refresh_interval    768h
                    password            hunter2
                    user                admin
                    """);
            assertThat(result.err()).isEmpty();
        }

        @Test
        void read_slashesAndParameters_areSanitizedAndSentAsQuery() {
            server.on("GET /v1/sys/internal/counters?scope=a&scope=b&full=1", 200, "{\"data\":{\"n\":1}}");

            Result result = coffer("read", "/sys/internal/counters/", "scope=a", "scope=b", "full=1");

            assertThat(result.exitCode()).isZero();
            assertThat(server.requestLines()).containsExactly("GET /v1/sys/internal/counters?scope=a&scope=b&full=1");
        }

        @Test
        void read_missingPath_exitsTwo() {
            Result result = coffer("read", "kv1/nothing");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("No value found at kv1/nothing\n");
            assertThat(result.out()).isEmpty();
        }

        @Test
        void read_field_printsTheRawValue() {
            server.on("GET /v1/kv1/app", 200, KV1_SECRET);

            assertThat(coffer("read", "-field=user", "kv1/app").out()).isEqualTo("admin");
            assertThat(coffer("read", "-field=refresh_interval", "kv1/app").out()).isEqualTo("2764800");
        }

        @Test
        void read_fieldThatIsAbsent_exitsOne() {
            server.on("GET /v1/kv1/app", 200, KV1_SECRET);

            Result result = coffer("read", "-field=nope", "kv1/app");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("Field \"nope\" not present in secret\n");
        }

        @Test
        void read_json_printsTheEnvelopeAsReceived() {
            server.on("GET /v1/kv1/app", 200, KV1_SECRET);

            Result result = coffer("read", "-format=json", "kv1/app");

            assertThat(result.out()).startsWith("{\n  \"request_id\": \"r-1\",").contains("\"user\": \"admin\"");
        }

        @Test
        void read_serverWarnings_goToStderr() {
            server.on("GET /v1/kv1/app", 200, "{\"data\":{\"a\":\"b\"},\"warnings\":[\"deprecated path\"]}");

            Result result = coffer("read", "kv1/app");

            assertThat(result.err()).contains("WARNING! The following warnings were returned from Coffer:").contains("* deprecated path");
            assertThat(result.out()).contains("a      b");
        }

        @Test
        void read_forbidden_exitsTwoWithTheServersErrors() {
            server.on("GET /v1/kv1/app", 403, "{\"errors\":[\"permission denied\"]}");

            Result result = coffer("read", "kv1/app");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error reading kv1/app: Error making API request.")
                    .contains("Code: 403").endsWith("* permission denied\n")
                    .doesNotContain(TOKEN);
        }

        @Test
        void read_noPath_isAUsageError() {
            Result result = coffer("read");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("Not enough arguments (expected 1, got 0)\n");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Nested
    class Write {

        @Test
        void write_pairs_putsTheDataAndReportsSuccessOnNoContent() {
            server.on("PUT /v1/kv1/app", 204, "");

            Result result = coffer("write", "kv1/app", "user=admin", "password=hunter2");

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("PUT").bodyText()).isEqualTo("{\"user\":\"admin\",\"password\":\"hunter2\"}");
            assertThat(result.out()).isEqualTo("Success! Data written to: kv1/app\n");
            assertThat(result.out() + result.err()).doesNotContain("hunter2");
        }

        @Test
        void write_noContentInJson_printsNothing() {
            server.on("PUT /v1/kv1/app", 204, "");

            Result result = coffer("write", "-format=json", "kv1/app", "a=b");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEmpty();
        }

        @Test
        void write_valuesFromFileAndStdin_areRead() throws IOException {
            Path pem = Files.writeString(directory.resolve("ca.pem"), "-----BEGIN-----\n");
            server.on("PUT /v1/pki/config/ca", 204, "");

            Result result = cli().stdin("from-stdin").run("write", "pki/config/ca", "pem_bundle=@" + pem, "note=-");

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("PUT").bodyText()).isEqualTo("{\"pem_bundle\":\"-----BEGIN-----\\n\",\"note\":\"from-stdin\"}");
        }

        @Test
        void write_withoutData_needsForce() {
            Result refused = coffer("write", "sys/rotate");

            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).isEqualTo("Must supply data or use -force\n");
            assertThat(server.requests()).isEmpty();

            server.on("PUT /v1/sys/rotate", 204, "");
            assertThat(coffer("write", "-force", "sys/rotate").exitCode()).isZero();
            assertThat(coffer("write", "-f", "sys/rotate").exitCode()).isZero();
            assertThat(server.requestLines()).containsExactly("PUT /v1/sys/rotate", "PUT /v1/sys/rotate");
            assertThat(server.last("PUT").bodyText()).isEqualTo("{}");
        }

        @Test
        void write_answerWithAuth_printsTheTokenTable() {
            server.on("PUT /v1/auth/approle/login", 200, """
                    {"request_id":"r","lease_id":"","renewable":false,"lease_duration":0,"data":null,
                     "auth":{"client_token":"s.issued","accessor":"acc","policies":["default","app"],
                             "token_policies":["default","app"],"metadata":{"role_name":"app"},"lease_duration":3600,
                             "renewable":true}}""");

            Result result = coffer("write", "auth/approle/login", "role_id=r-1", "secret_id=s-1");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out())
                    .containsPattern("(?m)^token {2,}s\\.issued$")
                    .containsPattern("(?m)^token_duration {2,}1h$")
                    .containsPattern("(?m)^token_policies {2,}\\[\"default\" \"app\"]$")
                    .containsPattern("(?m)^token_meta_role_name {4}app$");
            assertThat(coffer("write", "-field=token", "auth/approle/login", "role_id=r-1").out()).isEqualTo("s.issued");
        }

        @Test
        void write_refused_exitsTwo() {
            server.on("PUT /v1/sys/policies/acl/x", 400, "{\"errors\":[\"failed to parse policy\"]}");

            Result result = coffer("write", "sys/policies/acl/x", "policy=bad");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error writing data to sys/policies/acl/x: Error making API request.")
                    .endsWith("* failed to parse policy\n");
        }

        @Test
        void write_noPath_isAUsageError() {
            assertThat(coffer("write").err()).isEqualTo("Not enough arguments (expected 1, got 0)\n");
        }
    }

    @Nested
    class ListKeys {

        @Test
        void list_keys_printsThemSortedUnderAHeader() {
            server.on("GET /v1/sys/policies/acl?list=true", 200, "{\"data\":{\"keys\":[\"root\",\"default\",\"app/\"]}}");

            Result result = coffer("list", "/sys/policies/acl/");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEqualTo("""
                    Keys
                    ----
                    app/
                    default
                    root
                    """);
        }

        @Test
        void list_json_printsTheKeysArray() {
            server.on("GET /v1/kv1?list=true", 200, "{\"data\":{\"keys\":[\"b\",\"a\"]}}");

            Result result = coffer("list", "-format=json", "kv1");

            assertThat(result.out()).isEqualTo("[\n  \"b\",\n  \"a\"\n]\n");
        }

        @Test
        void list_nothingThere_exitsTwo() {
            Result result = coffer("list", "kv1/empty");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("No value found at kv1/empty\n");
        }

        @Test
        void list_nothingThereInJson_printsAnEmptyObjectAndExitsTwo() {
            Result result = coffer("list", "-format=json", "kv1/empty");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.out()).isEqualTo("{}\n");
        }

        @Test
        void list_answerWithoutKeys_exitsTwo() {
            server.on("GET /v1/kv1?list=true", 200, "{\"data\":{\"other\":1}}");

            Result result = coffer("list", "kv1");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("No entries found at kv1\n");
        }

        @Test
        void list_wrongArgumentCount_isAUsageError() {
            assertThat(coffer("list").err()).isEqualTo("Not enough arguments (expected 1, got 0)\n");
            assertThat(coffer("list", "a", "b").err()).isEqualTo("Too many arguments (expected 1, got 2)\n");
        }
    }

    @Nested
    class Delete {

        @Test
        void delete_path_reportsSuccess() {
            server.on("DELETE /v1/kv1/app", 204, "");

            Result result = coffer("delete", "kv1/app/");

            assertThat(result.exitCode()).isZero();
            assertThat(server.requestLines()).containsExactly("DELETE /v1/kv1/app");
            assertThat(result.out()).isEqualTo("Success! Data deleted (if it existed) at: kv1/app\n");
        }

        @Test
        void delete_parameters_areSentAsQuery() {
            server.on("DELETE /v1/secret/data/app?versions=1&versions=2", 204, "");

            Result result = coffer("delete", "secret/data/app", "versions=1", "versions=2");

            assertThat(result.exitCode()).isZero();
            assertThat(server.requestLines()).containsExactly("DELETE /v1/secret/data/app?versions=1&versions=2");
        }

        @Test
        void delete_answerWithData_printsIt() {
            server.on("DELETE /v1/transit/keys/k", 200, "{\"data\":{\"deleted\":true}}");

            Result result = coffer("delete", "transit/keys/k");

            assertThat(result.out()).contains("deleted    true");
        }

        @Test
        void delete_refused_exitsTwo() {
            server.on("DELETE /v1/kv1/app", 403, "{\"errors\":[\"permission denied\"]}");

            Result result = coffer("delete", "kv1/app");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error deleting kv1/app: Error making API request.");
        }

        @Test
        void delete_noPath_isAUsageError() {
            assertThat(coffer("delete").err()).isEqualTo("Not enough arguments (expected at least 1, got 0)\n");
        }
    }
}
