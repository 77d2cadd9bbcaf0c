package io.coffer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.cli.testing.CliRun;
import io.coffer.core.storage.InMemoryStorage;
import io.coffer.server.CofferServer;
import io.coffer.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end against a real server: operator lifecycle, then every kv command. */
class CliAgainstRealServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

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
        return CliRun.withoutServer().env("COFFER_ADDR", server.url());
    }

    @Test
    void operatorAndKv_fullLifecycle() throws Exception {
        assertThat(cli().run("operator", "status").exitCode()).isEqualTo(2);

        CliRun.Result init = cli().run("operator", "init", "-key-shares=3", "-key-threshold=2");
        assertThat(init.exitCode()).isZero();
        List<String> keys = Pattern.compile("Unseal Key \\d: (\\S+)").matcher(init.out()).results().map(m -> m.group(1)).toList();
        Matcher rootMatch = Pattern.compile("Initial Root Token: (\\S+)").matcher(init.out());
        assertThat(rootMatch.find()).isTrue();
        String root = rootMatch.group(1);
        assertThat(keys).hasSize(3);

        assertThat(cli().run("operator", "unseal", keys.get(0)).out()).contains("Unseal Progress    1/2");
        assertThat(cli().run("operator", "unseal", keys.get(2)).exitCode()).isZero();
        assertThat(cli().run("operator", "status").exitCode()).isZero();

        CliRun token = cli().env("COFFER_TOKEN", root);
        assertThat(token.run("kv", "put", "secret/app", "user=svc").exitCode()).isEqualTo(2);
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.url() + "/v1/sys/mounts/secret")).header("X-Vault-Token", root)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\":\"kv-v2\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());

        Path file = dir.resolve("cert.pem");
        Files.writeString(file, "-----BEGIN CERT-----\nabc\n");
        assertThat(token.run("kv", "put", "secret/app", "user=svc", "cert=@" + file).exitCode()).isZero();
        assertThat(token.stdin("from-stdin").run("kv", "put", "secret/app", "user=svc2", "pw=-").exitCode()).isZero();

        CliRun.Result get = token.run("kv", "get", "secret/app");
        assertThat(get.exitCode()).isZero();
        assertThat(get.out()).contains("version            2").contains("user    svc2").contains("pw      from-stdin");
        assertThat(token.run("kv", "get", "-field=user", "secret/app").out().trim()).isEqualTo("svc2");
        assertThat(token.run("kv", "get", "-version=1", "-field=cert", "secret/app").out()).contains("abc");

        JsonNode json = JSON.readTree(token.run("kv", "get", "-format=json", "secret/app").out());
        assertThat(json.at("/data/data/user").asText()).isEqualTo("svc2");
        assertThat(json.at("/data/metadata/version").asInt()).isEqualTo(2);

        assertThat(token.run("kv", "patch", "secret/app", "extra=1").exitCode()).isZero();
        assertThat(token.run("kv", "get", "-field=extra", "secret/app").out().trim()).isEqualTo("1");
        assertThat(token.run("kv", "get", "-field=user", "secret/app").out().trim()).isEqualTo("svc2");

        assertThat(token.run("kv", "put", "-cas=1", "secret/app", "user=stale").exitCode()).isEqualTo(2);

        token.run("kv", "put", "secret/team/db", "pw=x");
        assertThat(token.run("kv", "list", "secret/").out()).contains("app").contains("team/");

        assertThat(token.run("kv", "delete", "secret/app").exitCode()).isZero();
        // Like the vault CLI: a soft-deleted version still shows its metadata, but no data.
        CliRun.Result deleted = token.run("kv", "get", "secret/app");
        assertThat(deleted.out()).contains("deletion_time").doesNotContain("extra");
        assertThat(token.run("kv", "undelete", "-versions=3", "secret/app").exitCode()).isZero();
        assertThat(token.run("kv", "get", "-field=extra", "secret/app").out().trim()).isEqualTo("1");
        assertThat(token.run("kv", "destroy", "-versions=1", "secret/app").exitCode()).isZero();

        assertThat(token.run("kv", "metadata", "put", "-max-versions=5", "-custom-metadata=owner=team-a", "secret/app")
                .exitCode()).isZero();
        CliRun.Result meta = token.run("kv", "metadata", "get", "secret/app");
        assertThat(meta.out()).contains("max_versions").contains("owner:team-a").contains("current_version         3");
        assertThat(token.run("kv", "metadata", "patch", "-max-versions=7", "secret/app").exitCode()).isZero();
        assertThat(JSON.readTree(token.run("kv", "metadata", "get", "-format=json", "secret/app").out())
                .at("/data/max_versions").asInt()).isEqualTo(7);
        assertThat(token.run("kv", "metadata", "delete", "secret/app").exitCode()).isZero();
        assertThat(token.run("kv", "metadata", "get", "secret/app").exitCode()).isEqualTo(2);

        CliRun.Result rotate = token.run("operator", "rotate");
        assertThat(rotate.exitCode()).isZero();
        assertThat(rotate.out()).contains("Key Term            2");

        assertThat(token.run("operator", "seal").exitCode()).isZero();
        assertThat(cli().run("operator", "status").exitCode()).isEqualTo(2);
        CliRun.Result sealedRead = token.run("kv", "get", "secret/team/db");
        assertThat(sealedRead.exitCode()).isEqualTo(2);
        assertThat(sealedRead.err()).contains("503");
    }

    @Test
    void server_refusesToStartWithoutTlsDecisionAndSaysWhatToDo() {
        CliRun.Result r = CliRun.withoutServer().run("server", "--data-dir", dir.toString(), "--listen", "127.0.0.1:0");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("--tls-cert").contains("--tls-disable");
    }

    @Test
    void server_refusesTakenAddress() {
        CliRun.Result r = CliRun.withoutServer().run("server", "--data-dir", dir.resolve("d").toString(),
                "--listen", server.address().getHostString() + ":" + server.address().getPort(), "--tls-disable");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("already in use");
    }
}
