package io.coffer.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.cli.testing.CliRun;
import io.coffer.core.audit.ChainFiles;
import io.coffer.server.CofferServer;
import io.coffer.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coffer audit verify} on copies of an audit file a real server wrote for real requests,
 * tampered with as someone with write access to the file would: with the key exported from the
 * server ({@code -key-file}) or read from it ({@code -device}), every tampering fails, including
 * a cut tail, which only the stored head can show.
 */
class AuditVerifyAgainstServerTest {

    private static final String ROOT = "coffer-cli-audit-root";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CofferServer server;
    private Path file;
    private Path keyFile;

    @BeforeEach
    void start() throws Exception {
        ServerConfig config = ServerConfig.builder().dev(true).devRootToken(ROOT).listen("127.0.0.1:0").build();
        server = CofferServer.start(config, c -> {
            throw new IllegalStateException("dev mode uses memory");
        });
        file = dir.resolve("audit.log");
        assertThat(cli().run("audit", "enable", "file", "file_path=" + file).exitCode()).isZero();
        for (int i = 0; i < 6; i++) {
            assertThat(cli().run("kv", "put", "secret/app/" + i, "v=value-" + i).exitCode()).isZero();
            assertThat(cli().run("kv", "get", "secret/app/" + i).exitCode()).isZero();
        }
        awaitStoredHead();
        CliRun.Result exported = cli().run("read", "-format=json", "sys/audit-chain-key/file");
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        keyFile = Files.writeString(dir.resolve("chain-key.json"), exported.out());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun cli() {
        return CliRun.withoutServer().env("COFFER_ADDR", server.url()).env("COFFER_TOKEN", ROOT);
    }

    private CliRun.Result verifyWithKeyFile(Path copy) {
        return cli().run("audit", "verify", "-key-file", keyFile.toString(), copy.toString());
    }

    private CliRun.Result verifyThroughServer(Path copy) {
        return cli().run("audit", "verify", "-device", "file", copy.toString());
    }

    @Test
    void untamperedCopy_isIntactAndReachesTheStoredHead() throws Exception {
        Path copy = copy(lines());

        for (CliRun.Result result : List.of(verifyWithKeyFile(copy), verifyThroughServer(copy))) {
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("reach the device's stored chain head");
        }
    }

    @Test
    void removedRecordRelinkedWithSha256_isNotReportedIntact() throws Exception {
        List<String> lines = lines();
        lines.remove(lines.size() / 2);
        Path copy = copy(lines);
        ChainFiles.relinkWithSha256(copy);

        assertThat(cli().run("audit", "verify", copy.toString()).exitCode()).as("without the key: cannot tell, never intact")
                .isEqualTo(1);
        assertThat(verifyWithKeyFile(copy).exitCode()).isEqualTo(2);
        assertThat(verifyThroughServer(copy).exitCode()).isEqualTo(2);
    }

    @Test
    void editedRecord_exits2() throws Exception {
        List<String> lines = lines();
        int at = lines.size() / 2;
        lines.set(at, lines.get(at).replace("\"operation\":\"", "\"operation\":\"x"));
        Path copy = copy(lines);

        assertThat(verifyWithKeyFile(copy).exitCode()).isEqualTo(2);
        assertThat(verifyThroughServer(copy).exitCode()).isEqualTo(2);
    }

    @Test
    void swappedRecords_exit2() throws Exception {
        List<String> lines = lines();
        Collections.swap(lines, lines.size() / 2, lines.size() / 2 + 1);
        Path copy = copy(lines);

        assertThat(verifyWithKeyFile(copy).exitCode()).isEqualTo(2);
        assertThat(verifyThroughServer(copy).exitCode()).isEqualTo(2);
    }

    @Test
    void truncatedTail_exits2AgainstTheStoredHead() throws Exception {
        List<String> lines = lines();
        Path copy = copy(lines.subList(0, lines.size() - 6));

        for (CliRun.Result result : List.of(verifyWithKeyFile(copy), verifyThroughServer(copy))) {
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("before the stored chain head");
        }
    }

    private List<String> lines() throws Exception {
        return new ArrayList<>(Files.readAllLines(file));
    }

    private Path copy(List<String> lines) throws Exception {
        Path copy = dir.resolve("copy-" + System.nanoTime() + ".log");
        ChainFiles.rewrite(copy, lines);
        return copy;
    }

    /** Waits until the server stored the head of everything written (within a fraction of a second). */
    private void awaitStoredHead() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(300);
            CliRun.Result r = cli().run("read", "-format=json", "sys/audit-verify/file");
            JsonNode data = JSON.readTree(r.out()).path("data");
            if (!data.path("stored_head").isMissingNode() && data.path("stored_head").equals(data.path("written_head"))) {
                return;
            }
        }
        throw new AssertionError("the chain head was not stored within 20s");
    }
}
