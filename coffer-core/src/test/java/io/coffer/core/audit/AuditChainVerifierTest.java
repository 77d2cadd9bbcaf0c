package io.coffer.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditChainVerifierTest {

    @TempDir
    Path dir;

    private final AuditChainKey key = AuditChainKey.of(AuditChainKey.newKey());

    private AuditChainVerifier.Result verify(List<Path> files) throws Exception {
        return AuditChainVerifier.verify(files, key, Optional.empty());
    }

    @Test
    void verify_intactChain_reportsEveryLineChecked() throws Exception {
        Path file = dir.resolve("audit.log");
        ChainFiles.write(file, key, 1, AuditChain.GENESIS, 10);

        AuditChainVerifier.Result result = verify(List.of(file));

        assertThat(result.intact()).isTrue();
        assertThat(result.keyed()).isTrue();
        assertThat(result.lines()).isEqualTo(11);
        assertThat(result.continuesEarlier()).isFalse();
        assertThat(result.end().segment()).isEqualTo(1);
        assertThat(result.end().records()).isEqualTo(11);
    }

    @Test
    void verify_editedLine_failsAtTheLineAfterIt() throws Exception {
        Path file = dir.resolve("audit.log");
        ChainFiles.write(file, key, 1, AuditChain.GENESIS, 10);
        List<String> lines = ChainFiles.lines(file);
        lines.set(4, lines.get(4).replace("\"n\":4", "\"n\":40"));
        ChainFiles.rewrite(file, lines);

        AuditChainVerifier.Result result = verify(List.of(file));

        assertThat(result.intact()).isFalse();
        assertThat(result.failure().get().line()).isEqualTo(6);
        assertThat(result.failure().get().reason()).contains("prev_hash does not match");
    }

    @Test
    void verify_removedLineRelinkedWithSha256_failsWithTheKey() throws Exception {
        Path file = dir.resolve("audit.log");
        ChainFiles.write(file, key, 1, AuditChain.GENESIS, 10);
        List<String> lines = ChainFiles.lines(file);
        lines.remove(3);
        ChainFiles.rewrite(file, lines);
        ChainFiles.relinkWithSha256(file);

        assertThat(verify(List.of(file)).failure()).get().extracting(AuditChainVerifier.Failure::line).isEqualTo(2L);
    }

    @Test
    void verify_reorderedLines_fails() throws Exception {
        Path file = dir.resolve("audit.log");
        ChainFiles.write(file, key, 1, AuditChain.GENESIS, 10);
        List<String> lines = ChainFiles.lines(file);
        Collections.swap(lines, 6, 7);
        ChainFiles.rewrite(file, lines);

        assertThat(verify(List.of(file)).failure()).get().extracting(AuditChainVerifier.Failure::line).isEqualTo(7L);
    }

    @Test
    void verify_removedBeginning_failsAtLineOne() throws Exception {
        Path file = dir.resolve("audit.log");
        ChainFiles.write(file, key, 1, AuditChain.GENESIS, 5);
        List<String> lines = ChainFiles.lines(file);
        ChainFiles.rewrite(file, lines.subList(2, lines.size()));

        AuditChainVerifier.Result result = verify(List.of(file));

        assertThat(result.failure()).get().extracting(AuditChainVerifier.Failure::line).isEqualTo(1L);
        assertThat(result.failure().get().reason()).contains("chain_start");
    }

    @Test
    void verify_rotatedFilesInOrder_intact_andOutOfOrder_fails() throws Exception {
        Path first = dir.resolve("audit.log.1");
        Path second = dir.resolve("audit.log");
        String last = ChainFiles.write(first, key, 1, AuditChain.GENESIS, 3);
        ChainFiles.write(second, key, 2, last, 3);

        assertThat(verify(List.of(first, second)).intact()).isTrue();
        AuditChainVerifier.Result swapped = verify(List.of(second, first));
        assertThat(swapped.failure()).get().extracting(AuditChainVerifier.Failure::file).isEqualTo(first);
    }

    @Test
    void verify_fileContinuingOneNotGiven_isIntactButSaysSo() throws Exception {
        Path file = dir.resolve("audit.log");
        ChainFiles.write(file, key, 4, "ab".repeat(32), 2);

        AuditChainVerifier.Result result = verify(List.of(file));

        assertThat(result.intact()).isTrue();
        assertThat(result.continuesEarlier()).isTrue();
    }

    @Test
    void verify_cutFromTheEndOfAnOlderFile_failsAtTheNextFile() throws Exception {
        Path first = dir.resolve("audit.log.1");
        Path second = dir.resolve("audit.log");
        ChainFiles.write(second, key, 2, ChainFiles.write(first, key, 1, AuditChain.GENESIS, 4), 2);
        List<String> lines = ChainFiles.lines(first);
        ChainFiles.rewrite(first, lines.subList(0, lines.size() - 1));

        AuditChainVerifier.Result result = verify(List.of(first, second));

        assertThat(result.failure()).get().extracting(AuditChainVerifier.Failure::file, AuditChainVerifier.Failure::line)
                .containsExactly(second, 1L);
    }

    @Test
    void verify_truncatedTail_failsAgainstTheStoredHead_andPassesWithoutIt() throws Exception {
        Path file = dir.resolve("audit.log");
        String last = ChainFiles.write(file, key, 1, AuditChain.GENESIS, 10);
        ChainHead head = new ChainHead(1, 11, last, "audit.log", null, Files.size(file));
        List<String> lines = ChainFiles.lines(file);
        ChainFiles.rewrite(file, lines.subList(0, lines.size() - 3));

        assertThat(verify(List.of(file)).intact()).as("the file alone cannot show it").isTrue();
        AuditChainVerifier.Result result = AuditChainVerifier.verify(List.of(file), key, Optional.of(head));
        assertThat(result.failure()).get().extracting(AuditChainVerifier.Failure::reason).asString()
                .contains("before the stored chain head");
    }

    @Test
    void verify_withTheStoredHead_intactFilesReachIt() throws Exception {
        Path file = dir.resolve("audit.log");
        ChainFiles.write(file, key, 1, AuditChain.GENESIS, 10);
        List<String> lines = ChainFiles.lines(file);
        byte[] fifth = lines.get(4).getBytes(StandardCharsets.UTF_8);
        ChainHead head = new ChainHead(1, 5, AuditChain.link(key.newMac(), fifth, 0, fifth.length), null, null, 0);

        AuditChainVerifier.Result result = AuditChainVerifier.verify(List.of(file), key, Optional.of(head));

        assertThat(result.intact()).isTrue();
        assertThat(result.headChecked()).isTrue();
    }

    @Test
    void verify_withAnotherKey_fails() throws Exception {
        Path file = dir.resolve("audit.log");
        ChainFiles.write(file, AuditChainKey.of(AuditChainKey.newKey()), 1, AuditChain.GENESIS, 3);

        assertThat(verify(List.of(file)).failure()).get().extracting(AuditChainVerifier.Failure::line).isEqualTo(2L);
    }

    @Test
    void verify_unkeyedFile_withoutAKeyIsCheckedAsBefore_withAKeyFails() throws Exception {
        Path file = dir.resolve("audit.log");
        ChainFiles.writeUnkeyed(file, AuditChain.GENESIS, 3);

        AuditChainVerifier.Result legacy = AuditChainVerifier.verify(List.of(file));
        assertThat(legacy.intact()).isTrue();
        assertThat(legacy.keyed()).isFalse();
        assertThat(verify(List.of(file)).failure()).get().extracting(AuditChainVerifier.Failure::reason).asString()
                .contains("unkeyed");
    }

    @Test
    void verify_keyedFileWithoutAKey_saysTheKeyIsNeeded() throws Exception {
        Path file = dir.resolve("audit.log");
        ChainFiles.write(file, key, 1, AuditChain.GENESIS, 3);

        AuditChainVerifier.Result result = AuditChainVerifier.verify(List.of(file));

        assertThat(result.failure()).get().extracting(AuditChainVerifier.Failure::needsKey).isEqualTo(true);
    }

    @Test
    void verify_incompleteOrMalformedLine_fails() throws Exception {
        Path file = dir.resolve("audit.log");
        ChainFiles.write(file, key, 1, AuditChain.GENESIS, 2);
        Files.writeString(file, "{\"type\":\"requ", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(verify(List.of(file)).failure()).get()
                .extracting(AuditChainVerifier.Failure::line).isEqualTo(4L);

        ChainFiles.write(file, key, 1, AuditChain.GENESIS, 2);
        List<String> lines = ChainFiles.lines(file);
        lines.set(2, "not json");
        ChainFiles.rewrite(file, lines);
        assertThat(verify(List.of(file)).failure().get().reason()).contains("not a JSON object");
    }
}
