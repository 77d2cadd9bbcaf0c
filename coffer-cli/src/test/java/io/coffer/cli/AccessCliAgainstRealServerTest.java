package io.coffer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.cli.testing.CliRun;
import io.coffer.core.mount.MountEntry;
import io.coffer.core.storage.InMemoryStorage;
import io.coffer.server.CofferServer;
import io.coffer.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access-control CLI against a real server, as far as the server implements it today: the
 * generic path commands, the token helper file, and logins with userpass and AppRole (mounted
 * through the Java API until {@code sys/auth} lands). The token, policy, auth and audit commands
 * are tested against canned Vault responses until their endpoints land.
 */
class AccessCliAgainstRealServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @TempDir
    Path home;

    private CofferServer server;

    @BeforeEach
    void start() {
        ServerConfig config = ServerConfig.builder().dataDir(dir).listen("127.0.0.1:0").tlsDisable(true).build();
        server = CofferServer.start(config, c -> new InMemoryStorage());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun cli() {
        return CliRun.withoutServer().env("COFFER_ADDR", server.url()).env("HOME", home.toString());
    }

    /** Initializes and unseals through the CLI; returns the root token. */
    private String initializeAndUnseal() {
        CliRun.Result init = cli().run("operator", "init", "-key-shares=1", "-key-threshold=1");
        assertThat(init.exitCode()).isZero();
        Matcher key = Pattern.compile("Unseal Key 1: (\\S+)").matcher(init.out());
        Matcher root = Pattern.compile("Initial Root Token: (\\S+)").matcher(init.out());
        assertThat(key.find()).isTrue();
        assertThat(root.find()).isTrue();
        assertThat(cli().run("operator", "unseal", key.group(1)).exitCode()).isZero();
        return root.group(1);
    }

    @Test
    void pathCommands_kvVersionTwoThroughTheRawApi_fullCycle() throws Exception {
        CliRun root = cli().env("COFFER_TOKEN", initializeAndUnseal());

        assertThat(root.run("write", "sys/mounts/secret", "type=kv-v2").exitCode()).isZero();
        Path body = Files.writeString(dir.resolve("body.json"), "{\"data\":{\"user\":\"svc\",\"password\":\"s3cr3t\"}}");
        CliRun.Result written = root.run("write", "secret/data/app", "@" + body);
        assertThat(written.exitCode()).isZero();
        assertThat(written.out()).containsPattern("(?m)^version {2,}1$");
        assertThat(root.stdin("{\"data\":{\"user\":\"svc2\"}}").run("write", "secret/data/team/db", "-").exitCode()).isZero();

        CliRun.Result read = root.run("read", "-format=json", "secret/data/app");
        assertThat(read.exitCode()).isZero();
        JsonNode json = JSON.readTree(read.out());
        assertThat(json.at("/data/data/password").asText()).isEqualTo("s3cr3t");
        assertThat(root.run("read", "-field=data", "secret/data/app").out()).isEqualTo("map[password:s3cr3t user:svc]");
        assertThat(root.run("read", "secret/data/app", "version=1").out()).contains("data").contains("metadata");

        CliRun.Result listed = root.run("list", "secret/metadata");
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).isEqualTo("Keys\n----\napp\nteam/\n");

        CliRun.Result deleted = root.run("delete", "secret/metadata/app");
        assertThat(deleted.exitCode()).isZero();
        assertThat(deleted.out()).isEqualTo("Success! Data deleted (if it existed) at: secret/metadata/app\n");
        CliRun.Result gone = root.run("read", "secret/data/app");
        assertThat(gone.exitCode()).isEqualTo(2);
        assertThat(gone.err()).isEqualTo("No value found at secret/data/app\n");
        assertThat(root.run("list", "secret/metadata").out()).isEqualTo("Keys\n----\nteam/\n");
    }

    @Test
    void tokenHelperFile_storedByLogin_authenticatesLaterCommands() throws Exception {
        String rootToken = initializeAndUnseal();
        assertThat(cli().run("read", "sys/mounts").exitCode()).isEqualTo(2);

        // lookup=false: the token is stored as given (the lookup endpoint is not on the server yet).
        CliRun.Result login = cli().run("login", "-no-print", "token=" + rootToken, "lookup=false");
        assertThat(login.exitCode()).isZero();
        assertThat(Files.readString(home.resolve(".coffer-token"))).isEqualTo(rootToken);

        CliRun.Result mounts = cli().run("read", "-format=json", "sys/mounts");
        assertThat(mounts.exitCode()).isZero();
        assertThat(JSON.readTree(mounts.out()).at("/data/sys~1/type").asText()).isEqualTo("system");
        assertThat(cli().run("write", "sys/mounts/kv", "type=kv-v2").exitCode()).isZero();
        assertThat(cli().run("read", "sys/mounts").out()).contains("kv/");

        // An environment token still wins over the file.
        CliRun.Result wrong = cli().env("COFFER_TOKEN", "s.not-a-real-token").run("read", "sys/mounts");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("Code: 403").doesNotContain("s.not-a-real-token").doesNotContain(rootToken);
        assertThat(List.of(wrong.out(), login.out())).allMatch(String::isEmpty);
    }

    @Test
    void login_userpassAndApprole_storeAWorkingTokenOfTheirOwn() throws Exception {
        String rootToken = initializeAndUnseal();
        server.node().handler().authMounts().mount("userpass/", "userpass", "", Map.of(), MountEntry.MountConfig.DEFAULT);
        server.node().handler().authMounts().mount("approle/", "approle", "", Map.of(), MountEntry.MountConfig.DEFAULT);
        CliRun root = cli().env("COFFER_TOKEN", rootToken);
        assertThat(root.run("write", "auth/userpass/users/alice", "password=s3cr3t-pw", "token_policies=dev",
                "token_ttl=1h").exitCode()).isZero();

        // The password comes from stdin as echo would send it, line break included.
        CliRun.Result login = cli().stdin("s3cr3t-pw\n").run("login", "-method=userpass", "username=alice", "password=-");
        assertThat(login.exitCode()).as(login.err()).isZero();
        String stored = Files.readString(home.resolve(".coffer-token"));
        assertThat(stored).startsWith("hvs.").isNotEqualTo(rootToken);
        assertThat(login.out()).startsWith("Success! You are now authenticated.")
                .containsPattern("(?m)^token {2,}" + Pattern.quote(stored) + "$")
                .containsPattern("(?m)^token_duration {2,}1h$")
                .containsPattern("(?m)^token_policies {2,}\\[\"default\" \"dev\"]$")
                .containsPattern("(?m)^token_meta_username {2,}alice$")
                .doesNotContain("s3cr3t-pw");
        // Later commands now act as alice, who may not read sys/mounts.
        CliRun.Result asAlice = cli().run("read", "sys/mounts");
        assertThat(asAlice.exitCode()).isEqualTo(2);
        assertThat(asAlice.err()).contains("Code: 403").doesNotContain(stored);

        CliRun.Result wrong = cli().run("login", "-method=userpass", "username=alice", "password=wrong-pw");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("* invalid username or password").doesNotContain("wrong-pw");
        assertThat(Files.readString(home.resolve(".coffer-token"))).isEqualTo(stored);

        assertThat(root.run("write", "auth/approle/role/app", "token_policies=app").exitCode()).isZero();
        String roleId = root.run("read", "-field=role_id", "auth/approle/role/app/role-id").out();
        CliRun.Result secretId = root.run("write", "-f", "-field=secret_id", "auth/approle/role/app/secret-id");
        assertThat(secretId.exitCode()).as(secretId.err()).isZero();

        CliRun.Result approle = cli().stdin(secretId.out()).run("login", "-method=approle", "role_id=" + roleId, "secret_id=-");
        assertThat(approle.exitCode()).as(approle.err()).isZero();
        String approleToken = Files.readString(home.resolve(".coffer-token"));
        assertThat(approleToken).startsWith("hvs.").isNotEqualTo(stored);
        assertThat(approle.out()).containsPattern("(?m)^token_meta_role_name {2,}app$")
                .containsPattern("(?m)^token_policies {2,}\\[(\"app\" \"default\"|\"default\" \"app\")]$")
                .doesNotContain(secretId.out());
    }
}
