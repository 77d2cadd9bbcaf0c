package io.coffer.cli.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.testing.CliRun;
import io.coffer.cli.testing.CliRun.Result;
import io.coffer.cli.testing.FakeTerminal;
import io.coffer.cli.testing.FakeVaultServer;
import io.coffer.cli.testing.RecordedRequest;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code coffer operator ...} end to end against a fake server: the requests sent, the output printed, the exit codes. */
class OperatorCommandsTest {

    private static final String TOKEN = "s.root-token-never-printed";

    private static final String UNSEALED = """
            {"type":"shamir","initialized":true,"sealed":false,"t":3,"n":5,"progress":0,"nonce":"",
             "version":"0.1.0","build_date":"2026-11-27T00:00:00Z","migration":false,"cluster_name":"coffer-cluster",
             "cluster_id":"c-1","recovery_seal":false,"storage_type":"sqlite"}""";

    private static final String SEALED = """
            {"type":"shamir","initialized":true,"sealed":true,"t":3,"n":5,"progress":1,"nonce":"n-123",
             "version":"0.1.0","build_date":"","migration":false,"recovery_seal":false,"storage_type":"sqlite"}""";

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
    class Init {

        private static final String KEYS = """
                {"keys":["aa01","bb02","cc03","dd04","ee05"],
                 "keys_base64":["qgE=","uwI=","zAM=","3QQ=","7gU="],
                 "root_token":"s.new-root"}""";

        @Test
        void sendsVaultsDefaultsAndPrintsKeysTokenAndAdvice() {
            server.on("PUT /v1/sys/init", 200, KEYS);

            Result result = coffer("operator", "init");

            assertThat(result.exitCode()).isZero();
            RecordedRequest request = server.last("PUT /v1/sys/init");
            assertThat(request.bodyText()).isEqualTo("{\"secret_shares\":5,\"secret_threshold\":3}");
            assertThat(result.out()).isEqualTo("""
                    Unseal Key 1: qgE=
                    Unseal Key 2: uwI=
                    Unseal Key 3: zAM=
                    Unseal Key 4: 3QQ=
                    Unseal Key 5: 7gU=

                    Initial Root Token: s.new-root

                    Coffer initialized with 5 key shares and a key threshold of 3. Please securely
                    distribute the key shares printed above. When Coffer is re-sealed, restarted,
                    or stopped, you must supply at least 3 of these keys to unseal it before it
                    can start servicing requests.

                    Coffer does not store the generated root key. Without at least 3 keys to
                    reconstruct the root key, Coffer will remain permanently sealed!
                    """);
            assertThat(result.err()).isEmpty();
        }

        @Test
        void takesShareCountsAndPrintsTheVaultJsonShape() {
            server.on("PUT /v1/sys/init", 200, KEYS);

            Result result = coffer("operator", "init", "-key-shares=5", "--key-threshold", "2", "-format=json");

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("PUT /v1/sys/init").bodyText()).isEqualTo("{\"secret_shares\":5,\"secret_threshold\":2}");
            assertThat(result.out()).startsWith("""
                    {
                      "unseal_keys_b64": [
                        "qgE=",""").contains("  \"unseal_shares\": 5,\n  \"unseal_threshold\": 2,\n  \"recovery_keys_b64\": [],").contains("\"root_token\": \"s.new-root\"");
        }

        @Test
        void failuresExitTwoWithTheServersReason() {
            server.on("PUT /v1/sys/init", 400, "{\"errors\":[\"Vault is already initialized\"]}");

            Result result = coffer("operator", "init");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("Error initializing: Error making API request.\n\n"
                    + "URL: PUT " + server.address() + "/v1/sys/init\n"
                    + "Code: 400. Errors:\n\n"
                    + "* Vault is already initialized\n");
        }

        @Test
        void statusFlagAnswersWithTheExitCode() {
            server.on("GET /v1/sys/init", 200, "{\"initialized\":true}");
            Result initialized = coffer("operator", "init", "-status");
            assertThat(initialized.exitCode()).isZero();
            assertThat(initialized.out()).isEqualTo("Coffer is initialized\n");

            server.on("GET /v1/sys/init", 200, "{\"initialized\":false}");
            Result fresh = coffer("operator", "init", "-status", "-format=json");
            assertThat(fresh.exitCode()).isEqualTo(2);
            assertThat(fresh.out()).isEqualTo("{\n  \"initialized\": false\n}\n");
        }

        @Test
        void rejectsArguments() {
            Result result = coffer("operator", "init", "extra");
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("Too many arguments (expected 0, got 1)\n");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Nested
    class Unseal {

        @Test
        void submitsTheKeyAndPrintsTheSealStatus() {
            server.on("PUT /v1/sys/unseal", 200, SEALED);

            Result result = coffer("operator", "unseal", "qgE=");

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("PUT /v1/sys/unseal").bodyText()).isEqualTo("{\"key\":\"qgE=\"}");
            assertThat(result.out()).isEqualTo("""
                    Key                Value
                    ---                -----
                    Seal Type          shamir
                    Initialized        true
                    Sealed             true
                    Total Shares       5
                    Threshold          3
                    Unseal Progress    1/3
                    Unseal Nonce       n-123
                    Version            0.1.0
                    Build Date         n/a
                    Storage Type       sqlite
                    HA Enabled         false
                    """);
            assertThat(result.out() + result.err()).doesNotContain("qgE=");
        }

        @Test
        void promptsWithoutEchoWhenTheKeyIsOmitted() {
            server.on("PUT /v1/sys/unseal", 200, SEALED);
            FakeTerminal terminal = FakeTerminal.typing("  zAM=  ");

            Result result = CliRun.against(server).terminal(terminal).run("operator", "unseal");

            assertThat(result.exitCode()).isZero();
            assertThat(terminal.prompts()).containsExactly("Unseal Key (will be hidden): ");
            assertThat(server.last("PUT /v1/sys/unseal").bodyText()).isEqualTo("{\"key\":\"zAM=\"}");
        }

        @Test
        void withoutATerminalItExplainsInsteadOfReadingPipedInput() {
            Result result = CliRun.against(server).stdin("piped-key\n").run("operator", "unseal");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).startsWith("An error occurred attempting to ask for an unseal key");
            assertThat(server.requests()).noneMatch(r -> r.line().startsWith("PUT"));
        }

        @Test
        void resetDiscardsEnteredShares() {
            server.on("PUT /v1/sys/unseal", 200, SEALED);

            Result result = coffer("operator", "unseal", "-reset");

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("PUT /v1/sys/unseal").bodyText()).isEqualTo("{\"reset\":true}");
        }

        @Test
        void aRejectedKeyExitsTwo() {
            server.on("PUT /v1/sys/unseal", 400, "{\"errors\":[\"invalid key\"]}");

            Result result = coffer("operator", "unseal", "bad");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error unsealing: Error making API request.").endsWith("* invalid key\n");
        }
    }

    @Nested
    class Seal {

        @Test
        void sealsAndSaysSo() {
            server.on("PUT /v1/sys/seal", 204, "");

            Result result = coffer("operator", "seal");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEqualTo("Success! Coffer is sealed.\n");
            RecordedRequest request = server.last("PUT /v1/sys/seal");
            assertThat(request.header("X-Vault-Token")).isEqualTo(TOKEN);
            assertThat(request.body()).isEmpty();
        }

        @Test
        void permissionDeniedExitsTwo() {
            server.on("PUT /v1/sys/seal", 403, "{\"errors\":[\"permission denied\"]}");

            Result result = coffer("operator", "seal");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error sealing: ").doesNotContain(TOKEN);
        }
    }

    @Nested
    class Status {

        @Test
        void unsealedExitsZeroWithTheFullTable() {
            server.on("GET /v1/sys/seal-status", 200, UNSEALED)
                    .on("GET /v1/sys/leader", 200, "{\"ha_enabled\":false,\"is_self\":false,\"leader_address\":\"\"}");

            Result result = coffer("operator", "status");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEqualTo("""
                    Key             Value
                    ---             -----
                    Seal Type       shamir
                    Initialized     true
                    Sealed          false
                    Total Shares    5
                    Threshold       3
                    Version         0.1.0
                    Build Date      2026-11-27T00:00:00Z
                    Storage Type    sqlite
                    Cluster Name    coffer-cluster
                    Cluster ID      c-1
                    HA Enabled      false
                    """);
        }

        @Test
        void sealedExitsTwo() {
            server.on("GET /v1/sys/seal-status", 200, SEALED)
                    .on("GET /v1/sys/leader", 503, "{\"errors\":[\"Vault is sealed\"]}");

            Result result = coffer("operator", "status");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.out()).contains("Sealed             true").contains("Unseal Progress    1/3").contains("HA Enabled         false");
        }

        @Test
        void errorsExitOneBecauseTwoMeansSealed() {
            server.on("GET /v1/sys/seal-status", 500, "{\"errors\":[\"storage unavailable\"]}");

            Result result = coffer("operator", "status");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).startsWith("Error checking seal status: Error making API request.");
        }

        @Test
        void unreachableServerExitsOne() {
            Result result = CliRun.withoutServer().env("COFFER_ADDR", "http://127.0.0.1:1").run("operator", "status");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("Error checking seal status: Get \"http://127.0.0.1:1/v1/sys/seal-status\": connection refused\n");
        }

        @Test
        void activeHaNodesShowTheirMode() {
            server.on("GET /v1/sys/seal-status", 200, UNSEALED)
                    .on("GET /v1/sys/leader", 200, """
                            {"ha_enabled":true,"is_self":true,"active_time":"2026-11-27T10:00:00Z",
                             "leader_address":"https://a:8200","leader_cluster_address":"https://a:8201"}""");

            Result result = coffer("operator", "status");

            assertThat(result.out()).contains("""
                    HA Enabled      true
                    HA Cluster      https://a:8201
                    HA Mode         active
                    Active Since    2026-11-27T10:00:00Z""");
        }

        @Test
        void jsonIsTheSealStatusPlusHa() {
            server.on("GET /v1/sys/seal-status", 200, UNSEALED);

            Result result = coffer("operator", "status", "-format=json");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).startsWith("{\n  \"type\": \"shamir\",\n  \"initialized\": true,")
                    .endsWith("  \"storage_type\": \"sqlite\",\n  \"ha_enabled\": false\n}\n");
        }
    }

    @Nested
    class Rotate {

        @Test
        void rotatesThenShowsTheNewKeyStatus() {
            server.on("POST /v1/sys/rotate", 204, "")
                    .on("GET /v1/sys/key-status", 200, """
                            {"data":{"term":2,"install_time":"2026-11-27T18:30:05.123456789Z","encryptions":0}}""");

            Result result = coffer("operator", "rotate");

            assertThat(result.exitCode()).isZero();
            assertThat(server.requestLines()).containsExactly("POST /v1/sys/rotate", "GET /v1/sys/key-status");
            assertThat(result.out()).isEqualTo("""
                    Success! Rotated key

                    Key Term            2
                    Install Time        27 Nov 26 18:30 UTC
                    Encryption Count    0
                    """);
        }

        @Test
        void jsonIsTheKeyStatus() {
            server.on("POST /v1/sys/rotate", 204, "")
                    .on("GET /v1/sys/key-status", 200, "{\"term\":3,\"install_time\":\"2026-11-27T18:30:05Z\"}");

            Result result = coffer("operator", "rotate", "-format=json");

            assertThat(result.out()).isEqualTo("{\n  \"term\": 3,\n  \"install_time\": \"2026-11-27T18:30:05Z\"\n}\n");
        }

        @Test
        void aFailedRotationExitsTwo() {
            server.on("POST /v1/sys/rotate", 403, "{\"errors\":[\"permission denied\"]}");

            Result result = coffer("operator", "rotate");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error rotating key: ");
            assertThat(server.requestLines()).containsExactly("POST /v1/sys/rotate");
        }
    }
}
