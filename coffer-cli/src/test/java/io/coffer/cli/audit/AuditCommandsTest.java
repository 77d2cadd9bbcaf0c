package io.coffer.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.testing.CliRun;
import io.coffer.cli.testing.CliRun.Result;
import io.coffer.cli.testing.FakeVaultServer;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code coffer audit enable|list|disable} against a fake server. */
class AuditCommandsTest {

    private static final String TOKEN = "s.audit-admin";

    private static final String DEVICES = """
            {"request_id":"r-1","lease_id":"","renewable":false,"lease_duration":0,
             "data":{
               "file/":{"type":"file","description":"","options":{"file_path":"/var/log/coffer/audit.log","hmac_accessor":"true"},
                        "local":false,"path":"file/"},
               "backup/":{"type":"file","description":"second copy","options":{"file_path":"/backup/audit.log"},
                          "local":true,"path":"backup/"}},
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

    private CliRun cli() {
        return CliRun.against(server).env("COFFER_TOKEN", TOKEN);
    }

    private Result coffer(String... args) {
        return cli().run(args);
    }

    @Test
    void audit_withoutSubcommand_isAUsageErrorListingTheSubcommands() {
        Result result = coffer("audit");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Usage: coffer audit").contains("enable").contains("list").contains("disable");
    }

    @Nested
    class Enable {

        @Test
        void enable_fileWithPath_sendsVaultsBody() {
            server.on("PUT /v1/sys/audit/file/", 204, "");

            Result result = coffer("audit", "enable", "file", "file_path=/var/log/coffer/audit.log");

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("PUT").header("X-Vault-Token")).isEqualTo(TOKEN);
            assertThat(server.last("PUT").bodyText()).isEqualTo("{\"type\":\"file\",\"description\":\"\","
                    + "\"options\":{\"file_path\":\"/var/log/coffer/audit.log\"},\"local\":false}");
            assertThat(result.out()).isEqualTo("Success! Enabled the file audit device at: file/\n");
        }

        @Test
        void enable_flags_setPathDescriptionAndLocal() {
            server.on("PUT /v1/sys/audit/backup/", 204, "");

            Result result = cli().stdin("/backup/audit.log").run("audit", "enable", "-path=backup", "-description=second copy",
                    "-local", "file", "file_path=-", "log_raw=false");

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("PUT").bodyText()).isEqualTo("{\"type\":\"file\",\"description\":\"second copy\","
                    + "\"options\":{\"file_path\":\"/backup/audit.log\",\"log_raw\":\"false\"},\"local\":true}");
            assertThat(result.out()).isEqualTo("Success! Enabled the file audit device at: backup/\n");
        }

        @Test
        void enable_noType_isAUsageError() {
            Result result = coffer("audit", "enable");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("Error enabling audit device: audit type missing. Valid types include 'file'.\n");
            assertThat(server.requests()).isEmpty();
        }

        @Test
        void enable_badOption_isAUsageError() {
            Result result = coffer("audit", "enable", "file", "no-equals-sign");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).startsWith("Failed to parse K=V data:");
            assertThat(server.requests()).isEmpty();
        }

        @Test
        void enable_refused_exitsTwo() {
            server.on("PUT /v1/sys/audit/file/", 400, "{\"errors\":[\"sanity check failed; unable to open \\\"/nope\\\" for writing\"]}");

            Result result = coffer("audit", "enable", "file", "file_path=/nope");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error enabling audit device: Error making API request.")
                    .endsWith("for writing\n");
        }
    }

    @Nested
    class ListDevices {

        @Test
        void list_printsDevicesSortedByPath() {
            server.on("GET /v1/sys/audit", 200, DEVICES);

            Result result = coffer("audit", "list");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEqualTo("""
                    Path       Type    Description
                    ----       ----    -----------
                    backup/    file    second copy
                    file/      file    n/a
                    """);
        }

        @Test
        void list_detailed_addsReplicationAndSortedOptions() {
            server.on("GET /v1/sys/audit", 200, DEVICES);

            Result result = coffer("audit", "list", "-detailed");

            assertThat(result.out()).isEqualTo("""
                    Path       Type    Description    Replication    Options
                    ----       ----    -----------    -----------    -------
                    backup/    file    second copy    local          file_path=/backup/audit.log
                    file/      file    n/a            replicated     file_path=/var/log/coffer/audit.log hmac_accessor=true
                    """);
        }

        @Test
        void list_none_saysSoAndExitsTwo() {
            server.on("GET /v1/sys/audit", 200, "{\"data\":{}}");

            Result result = coffer("audit", "list");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.out()).isEqualTo("No audit devices are enabled.\n");
        }

        @Test
        void list_noneInJson_isAnEmptyObjectAndSuccess() {
            server.on("GET /v1/sys/audit", 200, "{\"data\":{}}");

            Result result = coffer("audit", "list", "-format=json");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEqualTo("{}\n");
        }

        @Test
        void list_json_printsTheDevicesByPath() {
            server.on("GET /v1/sys/audit", 200, DEVICES);

            Result result = coffer("audit", "list", "-format=json");

            assertThat(result.out()).startsWith("{\n  \"backup/\": {\n    \"type\": \"file\",").contains("\n  \"file/\": {");
        }

        @Test
        void list_forbidden_exitsTwo() {
            server.on("GET /v1/sys/audit", 403, "{\"errors\":[\"permission denied\"]}");

            Result result = coffer("audit", "list");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error listing audits: Error making API request.");
        }
    }

    @Nested
    class Disable {

        @Test
        void disable_path_sendsItWithATrailingSlash() {
            server.on("DELETE /v1/sys/audit/file/", 204, "");

            Result result = coffer("audit", "disable", "file");

            assertThat(result.exitCode()).isZero();
            assertThat(server.requestLines()).containsExactly("DELETE /v1/sys/audit/file/");
            assertThat(result.out()).isEqualTo("Success! Disabled audit device (if it was enabled) at: file/\n");
        }

        @Test
        void disable_refused_exitsTwo() {
            server.on("DELETE /v1/sys/audit/file/", 403, "{\"errors\":[\"permission denied\"]}");

            Result result = coffer("audit", "disable", "file/");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error disabling audit device: Error making API request.");
        }

        @Test
        void disable_wrongArgumentCount_isAUsageError() {
            assertThat(coffer("audit", "disable").err()).isEqualTo("Not enough arguments (expected 1, got 0)\n");
            assertThat(coffer("audit", "disable", "a", "b").err()).isEqualTo("Too many arguments (expected 1, got 2)\n");
        }
    }
}
