package io.coffer.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.testing.CliRun;
import io.coffer.core.audit.AuditChain;
import io.coffer.core.audit.ChainFiles;
import io.coffer.core.audit.MemoryChainStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coffer audit verify}: exit codes and the line it names, on files chained as the server writes them. */
class AuditVerifyCommandTest {

    @TempDir
    Path dir;

    private final MemoryChainStore chain = new MemoryChainStore();
    private Path keyFile;

    @BeforeEach
    void writeKeyFile() throws Exception {
        keyFile = Files.writeString(dir.resolve("chain.key"), chain.keyHex() + "\n");
    }

    private CliRun.Result verify(Path... files) {
        List<String> args = new ArrayList<>(List.of("audit", "verify", "-key-file", keyFile.toString()));
        for (Path f : files) {
            args.add(f.toString());
        }
        return CliRun.withoutServer().run(args.toArray(String[]::new));
    }

    @Test
    void verify_intactFiles_exits0AndCountsLines() throws Exception {
        Path rotated = dir.resolve("audit.log.20260101T000000.000000000Z");
        Path current = dir.resolve("audit.log");
        ChainFiles.write(current, chain.key(), 2, ChainFiles.write(rotated, chain.key(), 1, AuditChain.GENESIS, 4), 3);

        CliRun.Result result = verify(rotated, current);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Audit chain intact: 9 line(s) in 2 file(s).")
                .contains("Not checked: lines cut from the end");
    }

    @Test
    void verify_editedLine_exits2AndNamesTheLine() throws Exception {
        Path file = dir.resolve("audit.log");
        ChainFiles.write(file, chain.key(), 1, AuditChain.GENESIS, 6);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(3, lines.get(3).replace("\"n\":3", "\"n\":33"));
        Files.write(file, lines);

        CliRun.Result result = verify(file);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("line 5: prev_hash does not match");
    }

    @Test
    void verify_removedLineRelinkedWithSha256_orReorderedLines_exits2() throws Exception {
        Path file = dir.resolve("audit.log");
        ChainFiles.write(file, chain.key(), 1, AuditChain.GENESIS, 6);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        List<String> removed = new ArrayList<>(lines);
        removed.remove(2);
        ChainFiles.rewrite(file, removed);
        ChainFiles.relinkWithSha256(file);
        assertThat(verify(file).exitCode()).isEqualTo(2);

        List<String> reordered = new ArrayList<>(lines);
        Collections.swap(reordered, 2, 3);
        Files.write(file, reordered);
        CliRun.Result result = verify(file);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("line 3");
    }

    @Test
    void verify_keyedFileWithoutAKey_exits1AndSaysWhatIsMissing() throws Exception {
        Path file = dir.resolve("audit.log");
        ChainFiles.write(file, chain.key(), 1, AuditChain.GENESIS, 2);

        CliRun.Result result = CliRun.withoutServer().run("audit", "verify", file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("keyed").contains("-key-file");
    }

    @Test
    void verify_unkeyedFileOfAnOlderVersion_withoutAKey_isCheckedButWarns() throws Exception {
        Path file = dir.resolve("audit.log");
        ChainFiles.writeUnkeyed(file, AuditChain.GENESIS, 3);

        CliRun.Result result = CliRun.withoutServer().run("audit", "verify", file.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("unkeyed").contains("proves nothing");
        assertThat(verify(file).exitCode()).as("with the key an unkeyed file is not accepted").isEqualTo(2);
    }

    @Test
    void verify_keyFileWithTheStoredHead_detectsACutTail() throws Exception {
        Path file = dir.resolve("audit.log");
        String last = ChainFiles.write(file, chain.key(), 1, AuditChain.GENESIS, 6);
        Path exported = Files.writeString(dir.resolve("export.json"), "{\"request_id\":\"x\",\"data\":{\"key\":\""
                + chain.keyHex() + "\",\"algorithm\":\"hmac-sha256\",\"stored_head\":{\"segment\":1,\"records\":7,"
                + "\"last\":\"" + last + "\",\"offset\":" + Files.size(file) + "}}}");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));

        CliRun.Result intact = CliRun.withoutServer().run("audit", "verify", "-key-file", exported.toString(), file.toString());
        assertThat(intact.exitCode()).isZero();
        assertThat(intact.out()).contains("reach the device's stored chain head");

        Files.write(file, lines.subList(0, lines.size() - 2));
        CliRun.Result cut = CliRun.withoutServer().run("audit", "verify", "-key-file", exported.toString(), file.toString());
        assertThat(cut.exitCode()).isEqualTo(2);
        assertThat(cut.err()).contains("before the stored chain head");
    }

    @Test
    void verify_unusableKeyFile_exits1WithoutQuotingIt() throws Exception {
        Path file = dir.resolve("audit.log");
        ChainFiles.write(file, chain.key(), 1, AuditChain.GENESIS, 1);
        Path bad = Files.writeString(dir.resolve("bad.key"), "not-a-key-but-maybe-a-secret");

        CliRun.Result result = CliRun.withoutServer().run("audit", "verify", "-key-file", bad.toString(), file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).doesNotContain("not-a-key-but-maybe-a-secret");
        assertThat(CliRun.withoutServer().run("audit", "verify", "-key-file", keyFile.toString(), "-device", "file",
                file.toString()).exitCode()).isEqualTo(1);
    }

    @Test
    void verify_missingFileOrNoArguments_exits1() {
        assertThat(verify(dir.resolve("none.log")).exitCode()).isEqualTo(1);
        assertThat(CliRun.withoutServer().run("audit", "verify").exitCode()).isEqualTo(1);
    }
}
