package io.coffer.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditChainVerifierTest {

    @TempDir
    Path dir;

    @Test
    void verify_intactChain_reportsEveryLineChecked() throws Exception {
        Path file = dir.resolve("audit.log");
        ChainFiles.write(file, AuditChain.GENESIS, 10);

        AuditChainVerifier.Result result = AuditChainVerifier.verify(List.of(file));

        assertThat(result.intact()).isTrue();
        assertThat(result.lines()).isEqualTo(11);
        assertThat(result.continuesEarlier()).isFalse();
    }

    @Test
    void verify_editedLine_failsAtTheLineAfterIt() throws Exception {
        Path file = dir.resolve("audit.log");
        ChainFiles.write(file, AuditChain.GENESIS, 10);
        List<String> lines = ChainFiles.lines(file);
        lines.set(4, lines.get(4).replace("\"n\":4", "\"n\":40"));
        ChainFiles.rewrite(file, lines);

        AuditChainVerifier.Result result = AuditChainVerifier.verify(List.of(file));

        assertThat(result.intact()).isFalse();
        assertThat(result.failure().get().line()).isEqualTo(6);
        assertThat(result.failure().get().reason()).contains("line 5 was edited");
    }

    @Test
    void verify_removedLine_fails() throws Exception {
        Path file = dir.resolve("audit.log");
        ChainFiles.write(file, AuditChain.GENESIS, 10);
        List<String> lines = ChainFiles.lines(file);
        lines.remove(3);
        ChainFiles.rewrite(file, lines);

        AuditChainVerifier.Result result = AuditChainVerifier.verify(List.of(file));

        assertThat(result.failure()).get().extracting(AuditChainVerifier.Failure::line).isEqualTo(4L);
    }

    @Test
    void verify_reorderedLines_fails() throws Exception {
        Path file = dir.resolve("audit.log");
        ChainFiles.write(file, AuditChain.GENESIS, 10);
        List<String> lines = ChainFiles.lines(file);
        Collections.swap(lines, 6, 7);
        ChainFiles.rewrite(file, lines);

        AuditChainVerifier.Result result = AuditChainVerifier.verify(List.of(file));

        assertThat(result.failure()).get().extracting(AuditChainVerifier.Failure::line).isEqualTo(7L);
    }

    @Test
    void verify_removedBeginning_failsAtLineOne() throws Exception {
        Path file = dir.resolve("audit.log");
        ChainFiles.write(file, AuditChain.GENESIS, 5);
        List<String> lines = ChainFiles.lines(file);
        ChainFiles.rewrite(file, lines.subList(2, lines.size()));

        AuditChainVerifier.Result result = AuditChainVerifier.verify(List.of(file));

        assertThat(result.failure()).get().extracting(AuditChainVerifier.Failure::line).isEqualTo(1L);
        assertThat(result.failure().get().reason()).contains("chain_start");
    }

    @Test
    void verify_rotatedFilesInOrder_intact_andOutOfOrder_fails() throws Exception {
        Path first = dir.resolve("audit.log.1");
        Path second = dir.resolve("audit.log");
        String last = ChainFiles.write(first, AuditChain.GENESIS, 3);
        ChainFiles.write(second, last, 3);

        assertThat(AuditChainVerifier.verify(List.of(first, second)).intact()).isTrue();
        AuditChainVerifier.Result swapped = AuditChainVerifier.verify(List.of(second, first));
        assertThat(swapped.failure()).get().extracting(AuditChainVerifier.Failure::file).isEqualTo(first);
    }

    @Test
    void verify_fileContinuingOneNotGiven_isIntactButSaysSo() throws Exception {
        Path file = dir.resolve("audit.log");
        ChainFiles.write(file, "ab".repeat(32), 2);

        AuditChainVerifier.Result result = AuditChainVerifier.verify(List.of(file));

        assertThat(result.intact()).isTrue();
        assertThat(result.continuesEarlier()).isTrue();
    }

    @Test
    void verify_cutFromTheEndOfAnOlderFile_failsAtTheNextFile() throws Exception {
        Path first = dir.resolve("audit.log.1");
        Path second = dir.resolve("audit.log");
        ChainFiles.write(second, ChainFiles.write(first, AuditChain.GENESIS, 4), 2);
        List<String> lines = ChainFiles.lines(first);
        ChainFiles.rewrite(first, lines.subList(0, lines.size() - 1));

        AuditChainVerifier.Result result = AuditChainVerifier.verify(List.of(first, second));

        assertThat(result.failure()).get().extracting(AuditChainVerifier.Failure::file, AuditChainVerifier.Failure::line)
                .containsExactly(second, 1L);
    }

    @Test
    void verify_incompleteOrMalformedLine_fails() throws Exception {
        Path file = dir.resolve("audit.log");
        ChainFiles.write(file, AuditChain.GENESIS, 2);
        Files.writeString(file, "{\"type\":\"requ", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(AuditChainVerifier.verify(List.of(file)).failure()).get()
                .extracting(AuditChainVerifier.Failure::line).isEqualTo(4L);

        ChainFiles.write(file, AuditChain.GENESIS, 2);
        List<String> lines = ChainFiles.lines(file);
        lines.set(2, "not json");
        ChainFiles.rewrite(file, lines);
        assertThat(AuditChainVerifier.verify(List.of(file)).failure().get().reason()).contains("not a JSON object");
    }
}
