package io.coffer.cli.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.coffer.cli.testing.CliRun;
import io.coffer.cli.testing.CliRun.Result;
import io.coffer.cli.testing.FakeTerminal;
import io.coffer.cli.testing.FakeVaultServer;
import io.coffer.cli.testing.RecordedRequest;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coffer login} against a fake server: the login requests, the token helper file, the output. */
class LoginCommandTest {

    private static final String SUCCESS = """
            Success! You are now authenticated. The token information displayed below is
            already stored in the token helper. You do NOT need to run "coffer login"
            again. Future Coffer requests will automatically use this token.

            """;

    private static final String LOOKUP_SELF = """
            {"request_id":"r-1","lease_id":"","renewable":false,"lease_duration":0,
             "data":{"accessor":"acc-given","creation_time":1764260000,"creation_ttl":3600,"display_name":"token",
                     "entity_id":"","expire_time":"2026-11-27T20:00:00Z","explicit_max_ttl":0,"id":"s.given",
                     "meta":{"user":"bob"},"num_uses":0,"orphan":false,"path":"auth/token/create",
                     "policies":["default","ops"],"renewable":true,"ttl":3599,"type":"service"},
             "wrap_info":null,"warnings":null,"auth":null}""";

    private static final String USERPASS_LOGIN = """
            {"request_id":"r-2","lease_id":"","renewable":false,"lease_duration":0,"data":null,"wrap_info":null,
             "warnings":null,
             "auth":{"client_token":"s.from-userpass","accessor":"acc-up","policies":["default","dev"],
                     "token_policies":["default","dev"],"metadata":{"username":"bob"},"lease_duration":2764800,
                     "renewable":true,"entity_id":"","token_type":"service","orphan":true,"mfa_requirement":null,
                     "num_uses":0}}""";

    private static final String APPROLE_LOGIN = """
            {"request_id":"r-3","lease_id":"","renewable":false,"lease_duration":0,"data":null,
             "auth":{"client_token":"s.from-approle","accessor":"acc-ar","policies":["default","app"],
                     "token_policies":["default","app"],"metadata":{"role_name":"app"},"lease_duration":1200,
                     "renewable":true}}""";

    @TempDir
    Path home;

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
        return CliRun.against(server).env("HOME", home.toString());
    }

    private Path tokenFile() {
        return home.resolve(".coffer-token");
    }

    private String storedToken() throws IOException {
        return Files.readString(tokenFile());
    }

    @Nested
    class TokenMethod {

        @Test
        void login_tokenArgument_looksItUpStoresItAndPrintsTheTokenTable() throws IOException {
            server.on("GET /v1/auth/token/lookup-self", 200, LOOKUP_SELF);

            Result result = cli().run("login", "s.given");

            assertThat(result.exitCode()).isZero();
            assertThat(server.requestLines()).containsExactly("GET /v1/auth/token/lookup-self");
            assertThat(server.last("GET").header("X-Vault-Token")).isEqualTo("s.given");
            assertThat(storedToken()).isEqualTo("s.given");
            assertThat(result.out()).isEqualTo(SUCCESS + """
                    Key                  Value
                    ---                  -----
                    token                s.given
                    token_accessor       acc-given
                    token_duration       59m59s
                    token_renewable      true
                    token_policies       ["default" "ops"]
                    identity_policies    []
                    policies             ["default" "ops"]
                    token_meta_user      bob
                    """);
            assertThat(result.err()).isEmpty();
        }

        @Test
        void login_storedToken_isUsedByLaterCommands() {
            server.on("GET /v1/auth/token/lookup-self", 200, LOOKUP_SELF);
            assertThat(cli().run("login", "s.given").exitCode()).isZero();

            Result lookup = cli().run("token", "lookup");

            assertThat(lookup.exitCode()).isZero();
            assertThat(server.requests()).hasSize(2);
            assertThat(server.last("GET").header("X-Vault-Token")).isEqualTo("s.given");
        }

        @Test
        void login_tokenFile_isReadableByTheOwnerOnly() throws IOException {
            assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
            server.on("GET /v1/auth/token/lookup-self", 200, LOOKUP_SELF);

            cli().run("login", "s.given");

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile()))).isEqualTo("rw-------");
        }

        @Test
        void login_noArgument_promptsWithoutEcho() throws IOException {
            server.on("GET /v1/auth/token/lookup-self", 200, LOOKUP_SELF);
            FakeTerminal terminal = FakeTerminal.typing("  s.given  ");

            Result result = cli().terminal(terminal).run("login");

            assertThat(result.exitCode()).isZero();
            assertThat(terminal.prompts()).containsExactly("Token (will be hidden): ");
            assertThat(storedToken()).isEqualTo("s.given");
        }

        @Test
        void login_noArgumentAndNoTerminal_failsWithoutARequest() {
            Result result = cli().run("login");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error authenticating: An error occurred attempting to ask for a token")
                    .contains("pass \"-\" as the argument");
            assertThat(server.requests()).isEmpty();
            assertThat(tokenFile()).doesNotExist();
        }

        @Test
        void login_dash_readsTheTokenFromStdin() throws IOException {
            server.on("GET /v1/auth/token/lookup-self", 200, LOOKUP_SELF);

            Result result = cli().stdin("s.given\n").run("login", "-");

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("GET").header("X-Vault-Token")).isEqualTo("s.given");
            assertThat(storedToken()).isEqualTo("s.given");
        }

        @Test
        void login_lookupFalse_storesTheTokenUnchecked() throws IOException {
            Result result = cli().run("login", "token=s.unchecked", "lookup=false");

            assertThat(result.exitCode()).isZero();
            assertThat(server.requests()).isEmpty();
            assertThat(storedToken()).isEqualTo("s.unchecked");
            assertThat(result.out()).contains("token                s.unchecked")
                    .contains("token_accessor       n/a")
                    .contains("token_duration       \u221e");
        }

        @Test
        void login_badLookupValue_failsBeforeAnything() {
            Result result = cli().run("login", "token=s.x", "lookup=maybe");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("Error authenticating: Failed to parse \"lookup\" as boolean: invalid syntax\n");
            assertThat(server.requests()).isEmpty();
        }

        @Test
        void login_rejectedToken_exitsTwoStoresNothingAndNeverEchoesIt() {
            server.on("GET /v1/auth/token/lookup-self", 403, "{\"errors\":[\"permission denied\"]}");

            Result result = cli().run("login", "s.revoked-token");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error authenticating: error looking up token: Error making API request.")
                    .endsWith("* permission denied\n")
                    .doesNotContain("s.revoked-token");
            assertThat(result.out()).isEmpty();
            assertThat(tokenFile()).doesNotExist();
        }

        @Test
        void login_json_printsTheLoginShapedEnvelope() {
            server.on("GET /v1/auth/token/lookup-self", 200, LOOKUP_SELF);

            Result result = cli().run("login", "-format=json", "s.given");

            assertThat(result.out()).isEqualTo("""
                    {
                      "request_id": "",
                      "lease_id": "",
                      "lease_duration": 0,
                      "renewable": false,
                      "data": null,
                      "warnings": null,
                      "auth": {
                        "client_token": "s.given",
                        "accessor": "acc-given",
                        "policies": [
                          "default",
                          "ops"
                        ],
                        "token_policies": [
                          "default",
                          "ops"
                        ],
                        "identity_policies": [],
                        "metadata": {
                          "user": "bob"
                        },
                        "orphan": false,
                        "entity_id": "",
                        "lease_duration": 3599,
                        "renewable": true,
                        "mfa_requirement": null
                      }
                    }
                    """);
        }
    }

    @Nested
    class UserpassMethod {

        @Test
        void login_userpass_sendsOnlyThePasswordInTheBodyAndNoOldToken() throws IOException {
            server.on("PUT /v1/auth/userpass/login/bob", 200, USERPASS_LOGIN);

            Result result = cli().env("COFFER_TOKEN", "s.old-token")
                    .run("login", "-method=userpass", "username=bob", "password=hunter2");

            assertThat(result.exitCode()).isZero();
            RecordedRequest login = server.last("PUT /v1/auth/userpass/login/bob");
            assertThat(login.bodyText()).isEqualTo("{\"password\":\"hunter2\"}");
            assertThat(login.headers()).doesNotContainKey("X-vault-token");
            assertThat(storedToken()).isEqualTo("s.from-userpass");
            assertThat(result.out()).startsWith(SUCCESS).contains("token                  s.from-userpass")
                    .contains("token_duration         768h").contains("token_meta_username    bob");
            assertThat(result.out() + result.err()).doesNotContain("hunter2").doesNotContain("s.old-token");
        }

        @Test
        void login_environmentToken_isWarnedAboutBecauseItWins() {
            server.on("PUT /v1/auth/userpass/login/bob", 200, USERPASS_LOGIN);

            Result coffer = cli().env("COFFER_TOKEN", "s.old").run("login", "-method=userpass", "username=bob", "password=p");
            Result vault = cli().env("VAULT_TOKEN", "s.old").run("login", "-method=userpass", "username=bob", "password=p");

            assertThat(coffer.err()).startsWith("WARNING! The COFFER_TOKEN environment variable is set!");
            assertThat(vault.err()).startsWith("WARNING! The VAULT_TOKEN environment variable is set!")
                    .contains("please unset VAULT_TOKEN");
        }

        @Test
        void login_userpassWithoutPassword_promptsWithoutEcho() {
            server.on("PUT /v1/auth/userpass/login/bob", 200, USERPASS_LOGIN);
            FakeTerminal terminal = FakeTerminal.typing("typed-secret");

            Result result = cli().terminal(terminal).run("login", "-method=userpass", "username=bob");

            assertThat(result.exitCode()).isZero();
            assertThat(terminal.prompts()).containsExactly("Password (will be hidden): ");
            assertThat(server.last("PUT").bodyText()).isEqualTo("{\"password\":\"typed-secret\"}");
            assertThat(result.out() + result.err()).doesNotContain("typed-secret");
        }

        @Test
        void login_userpassPasswordFromStdin_isRead() {
            server.on("PUT /v1/auth/userpass/login/bob", 200, USERPASS_LOGIN);

            Result result = cli().stdin("piped-secret\r\n").run("login", "-method=userpass", "username=bob", "password=-");

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("PUT").bodyText()).isEqualTo("{\"password\":\"piped-secret\"}");
        }

        @Test
        void login_userpassWithoutTerminalOrPassword_explainsTheAlternatives() {
            Result result = cli().run("login", "-method=userpass", "username=bob");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error authenticating: 'password' must be specified").contains("password=-");
            assertThat(server.requests()).isEmpty();
        }

        @Test
        void login_userpassWithoutUsername_fails() {
            Result result = cli().run("login", "-method=userpass", "password=p");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("Error authenticating: 'username' must be specified\n");
        }

        @Test
        void login_pathFlagOrMountSetting_choosesTheMount() {
            server.on("PUT /v1/auth/corp/login/bob", 200, USERPASS_LOGIN).on("PUT /v1/auth/other/login/bob", 200, USERPASS_LOGIN);

            assertThat(cli().run("login", "-method=userpass", "-path=/corp/", "username=bob", "password=p").exitCode()).isZero();
            assertThat(cli().run("login", "-method=userpass", "-path=corp", "mount=other", "username=bob", "password=p").exitCode()).isZero();

            assertThat(server.requestLines()).containsExactly("PUT /v1/auth/corp/login/bob", "PUT /v1/auth/other/login/bob");
        }

        @Test
        void login_wrongPassword_exitsTwoAndStoresNothing() {
            server.on("PUT /v1/auth/userpass/login/bob", 400, "{\"errors\":[\"invalid username or password\"]}");

            Result result = cli().run("login", "-method=userpass", "username=bob", "password=wrong-secret");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error authenticating: Error making API request.")
                    .endsWith("* invalid username or password\n").doesNotContain("wrong-secret");
            assertThat(tokenFile()).doesNotExist();
        }

        @Test
        void login_json_printsTheServersEnvelope() {
            server.on("PUT /v1/auth/userpass/login/bob", 200, USERPASS_LOGIN);

            Result result = cli().run("login", "-format=json", "-method=userpass", "username=bob", "password=p");

            assertThat(result.out()).startsWith("{\n  \"request_id\": \"r-2\",").contains("\"client_token\": \"s.from-userpass\"");
        }
    }

    @Nested
    class AppRoleMethod {

        @Test
        void login_approle_sendsRoleAndSecretId() throws IOException {
            server.on("PUT /v1/auth/approle/login", 200, APPROLE_LOGIN);

            Result result = cli().stdin("secret-id-1\n").run("login", "-method=approle", "role_id=role-1", "secret_id=-");

            assertThat(result.exitCode()).isZero();
            // The line break echo or a file adds is not part of the secret ID.
            assertThat(server.last("PUT").bodyText()).isEqualTo("{\"role_id\":\"role-1\",\"secret_id\":\"secret-id-1\"}");
            assertThat(server.last("PUT").headers()).doesNotContainKey("X-vault-token");
            assertThat(storedToken()).isEqualTo("s.from-approle");
            assertThat(result.out()).containsPattern("(?m)^token_duration {2,}20m$").doesNotContain("secret-id-1");
        }

        @Test
        void login_approleWithoutSecretIdOffTerminal_sendsOnlyTheRole() {
            server.on("PUT /v1/auth/approle/login", 200, APPROLE_LOGIN);
            FakeTerminal none = FakeTerminal.none();

            Result result = cli().terminal(none).run("login", "-method=approle", "role_id=role-1");

            assertThat(result.exitCode()).isZero();
            assertThat(none.prompts()).isEmpty();
            assertThat(server.last("PUT").bodyText()).isEqualTo("{\"role_id\":\"role-1\"}");
        }

        @Test
        void login_approleWithoutSecretIdOnTerminal_promptsWithoutEcho() {
            server.on("PUT /v1/auth/approle/login", 200, APPROLE_LOGIN);
            FakeTerminal terminal = FakeTerminal.typing("typed-id");

            Result result = cli().terminal(terminal).run("login", "-method=approle", "role_id=role-1");

            assertThat(result.exitCode()).isZero();
            assertThat(terminal.prompts()).containsExactly("Secret ID (will be hidden, empty for none): ");
            assertThat(server.last("PUT").bodyText()).isEqualTo("{\"role_id\":\"role-1\",\"secret_id\":\"typed-id\"}");
        }

        @Test
        void login_approleWithoutRoleId_fails() {
            Result result = cli().run("login", "-method=approle", "secret_id=s");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("Error authenticating: 'role_id' must be specified\n");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Nested
    class Flags {

        @Test
        void login_noStore_printsButDoesNotStore() {
            server.on("PUT /v1/auth/approle/login", 200, APPROLE_LOGIN);

            Result result = cli().run("login", "-no-store", "-method=approle", "role_id=r");

            assertThat(result.exitCode()).isZero();
            assertThat(tokenFile()).doesNotExist();
            assertThat(result.err()).startsWith("The token was not stored in the token helper.");
            assertThat(result.out()).startsWith("Key ").contains("s.from-approle").doesNotContain("Success!");
        }

        @Test
        void login_tokenOnly_printsTheBareTokenAndStoresNothing() {
            server.on("PUT /v1/auth/approle/login", 200, APPROLE_LOGIN);

            Result result = cli().run("login", "-token-only", "-method=approle", "role_id=r");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEqualTo("s.from-approle");
            assertThat(result.err()).isEmpty();
            assertThat(tokenFile()).doesNotExist();
        }

        @Test
        void login_noPrint_storesAndPrintsNothing() throws IOException {
            server.on("PUT /v1/auth/approle/login", 200, APPROLE_LOGIN);

            Result result = cli().run("login", "-no-print", "-method=approle", "role_id=r");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEmpty();
            assertThat(storedToken()).isEqualTo("s.from-approle");
        }

        @Test
        void login_field_printsOneAuthField() {
            server.on("PUT /v1/auth/approle/login", 200, APPROLE_LOGIN);

            Result result = cli().run("login", "-field=token_policies", "-method=approle", "role_id=r");

            assertThat(result.out()).isEqualTo("[default app]");
        }

        @Test
        void login_noStoreWithNoPrint_isAUsageError() {
            Result result = cli().run("login", "-no-store", "-no-print", "s.x");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("-no-store and -no-print cannot be used together\n");
            assertThat(server.requests()).isEmpty();
        }

        @Test
        void login_unknownMethod_isAUsageError() {
            Result result = cli().run("login", "-method=github", "token=x");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).startsWith("Unknown auth method: github. Use \"coffer auth list\" to see the complete list");
            assertThat(server.requests()).isEmpty();
        }

        @Test
        void login_answerWithoutAuth_exitsTwo() {
            server.on("PUT /v1/auth/approle/login", 200, "{\"data\":{\"x\":1}}");

            Result result = cli().run("login", "-method=approle", "role_id=r");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Coffer returned a secret, but the secret has no authentication information");
            assertThat(tokenFile()).doesNotExist();
        }

        @Test
        void login_unwritableTokenFile_showsTheTokenOnceAndExitsTwo() {
            server.on("PUT /v1/auth/approle/login", 200, APPROLE_LOGIN);

            Result result = CliRun.against(server).env("HOME", home.resolve("missing").toString())
                    .run("login", "-method=approle", "role_id=r");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error storing token: could not write " + home.resolve("missing").resolve(".coffer-token"))
                    .contains("Authentication was successful, but the token was not persisted.")
                    .doesNotContain("s.from-approle");
            assertThat(result.out()).contains("s.from-approle").doesNotContain("Success!");
        }

        @Test
        void login_unreadableTokenFile_doesNotStopTheLoginThatReplacesIt() throws IOException {
            Files.createDirectory(tokenFile());
            server.on("PUT /v1/auth/approle/login", 200, APPROLE_LOGIN);

            Result result = cli().run("login", "-method=approle", "role_id=r");

            assertThat(server.requestLines()).containsExactly("PUT /v1/auth/approle/login");
            // Storing over a directory fails, and says so, after a login that worked.
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error storing token: could not write " + tokenFile());
        }

        @Test
        void login_withoutHome_cannotStoreTheToken() {
            server.on("PUT /v1/auth/approle/login", 200, APPROLE_LOGIN);

            Result result = CliRun.against(server).run("login", "-method=approle", "role_id=r");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).startsWith("Error initializing token helper.").contains("HOME is not set")
                    .doesNotContain("s.from-approle");
        }
    }
}
