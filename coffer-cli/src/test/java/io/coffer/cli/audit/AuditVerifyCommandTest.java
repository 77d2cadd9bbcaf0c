package io.coffer.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.testing.CliRun;
import io.coffer.core.audit.AuditChain;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coffer audit verify}: exit codes and the line it names, on files chained as the server writes them. */
class AuditVerifyCommandTest {

    @TempDir
    Path dir;

    @Test
    void verify_intactFiles_exits0AndCountsLines() throws Exception {
        Path rotated = dir.resolve("audit.log.20260101T000000.000000000Z");
        Path current = dir.resolve("audit.log");
        writeChain(current, writeChain(rotated, AuditChain.GENESIS, 4), 3);

        CliRun.Result result = CliRun.withoutServer().run("audit", "verify", rotated.toString(), current.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Audit chain intact: 9 line(s) in 2 file(s).");
    }

    @Test
    void verify_editedLine_exits2AndNamesTheLine() throws Exception {
        Path file = dir.resolve("audit.log");
        writeChain(file, AuditChain.GENESIS, 6);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(3, lines.get(3).replace("\"n\":3", "\"n\":33"));
        Files.write(file, lines);

        CliRun.Result result = CliRun.withoutServer().run("audit", "verify", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("line 5: prev_hash does not match line 4");
    }

    @Test
    void verify_removedOrReorderedLine_exits2() throws Exception {
        Path file = dir.resolve("audit.log");
        writeChain(file, AuditChain.GENESIS, 6);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        List<String> removed = new ArrayList<>(lines);
        removed.remove(2);
        Files.write(file, removed);
        assertThat(CliRun.withoutServer().run("audit", "verify", file.toString()).exitCode()).isEqualTo(2);

        List<String> reordered = new ArrayList<>(lines);
        Collections.swap(reordered, 2, 3);
        Files.write(file, reordered);
        CliRun.Result result = CliRun.withoutServer().run("audit", "verify", file.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("line 3");
    }

    @Test
    void verify_missingFileOrNoArguments_exits1() {
        assertThat(CliRun.withoutServer().run("audit", "verify", dir.resolve("none.log").toString()).exitCode()).isEqualTo(1);
        assertThat(CliRun.withoutServer().run("audit", "verify").exitCode()).isEqualTo(1);
    }

    /** A chain_start line and {@code records} records chained from {@code start}; returns the last line's hash. */
    private static String writeChain(Path file, String start, int records) throws Exception {
        MessageDigest digest = AuditChain.newDigest();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] line = AuditChain.link(AuditChain.startRecord(Instant.EPOCH, null, "created"), start);
        String prev = AuditChain.hash(digest, line);
        out.writeBytes(line);
        out.write('\n');
        for (int i = 1; i <= records; i++) {
            line = AuditChain.link(("{\"type\":\"request\",\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), prev);
            prev = AuditChain.hash(digest, line);
            out.writeBytes(line);
            out.write('\n');
        }
        Files.write(file, out.toByteArray());
        return prev;
    }
}
