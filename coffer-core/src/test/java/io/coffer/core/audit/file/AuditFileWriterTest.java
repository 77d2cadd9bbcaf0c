package io.coffer.core.audit.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.core.audit.AuditChain;
import io.coffer.core.audit.AuditChainVerifier;
import io.coffer.core.audit.ChainHead;
import io.coffer.core.audit.MemoryChainStore;
import io.coffer.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditFileWriterTest {

    @TempDir
    Path dir;

    private final MemoryChainStore chain = new MemoryChainStore();

    private AuditFileWriter writer(Path file, long maxFileSize) {
        return new AuditFileWriter(file, maxFileSize, null, Clock.systemUTC(), chain);
    }

    private AuditChainVerifier.Result verify(List<Path> files) throws Exception {
        return AuditChainVerifier.verify(files, chain.key(), chain.storedHead());
    }

    private static byte[] record(String id) {
        return ("{\"type\":\"request\",\"request\":{\"id\":\"" + id + "\"}}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void append_manyConcurrentCallers_everyRecordDurableInCallerOrderWithFarFewerSyncs() throws Exception {
        Path file = dir.resolve("audit.log");
        int threads = 64;
        int perThread = 40;
        try (AuditFileWriter w = writer(file, 0)) {
            List<Thread> callers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                callers.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < perThread; i++) {
                        // Each caller waits for durability before its next record, as the pipeline does.
                        w.append(record(thread + "-" + i)).join();
                    }
                }));
            }
            for (Thread c : callers) {
                c.join();
            }
            assertThat(w.syncs()).isLessThan((long) threads * perThread);
        }

        List<JsonNode> records = records(file);
        assertThat(records).hasSize(threads * perThread + 1);
        Map<String, Integer> nextPerThread = new HashMap<>();
        for (JsonNode r : records.subList(1, records.size())) {
            String[] id = r.path("request").path("id").asText().split("-");
            int expected = nextPerThread.getOrDefault(id[0], 0);
            assertThat(Integer.parseInt(id[1])).as("order of caller %s", id[0]).isEqualTo(expected);
            nextPerThread.put(id[0], expected + 1);
        }
        assertThat(nextPerThread).hasSize(threads).allSatisfy((k, v) -> assertThat(v).isEqualTo(perThread));
        assertThat(verify(List.of(file)).intact()).isTrue();
    }

    @Test
    void append_recordsLargerThanTheBatchBuffer_areWrittenWholeAndChained() throws Exception {
        Path file = dir.resolve("audit.log");
        // One record of 5 MiB (beyond the writer's initial and kept buffer sizes), then small ones again.
        String big = "x".repeat(5 * 1024 * 1024);
        try (AuditFileWriter w = writer(file, 0)) {
            w.append(record("small-1")).get(10, TimeUnit.SECONDS);
            w.append(record(big)).get(10, TimeUnit.SECONDS);
            w.append(List.of(record("small-2"), record("small-3"))).get(10, TimeUnit.SECONDS);
        }

        List<JsonNode> records = records(file);
        assertThat(records).hasSize(5);
        assertThat(records.subList(1, 5)).extracting(r -> r.path("request").path("id").asText())
                .containsExactly("small-1", big, "small-2", "small-3");
        assertThat(verify(List.of(file)).intact()).isTrue();
    }

    @Test
    void append_acknowledgedOnWrite_lineIsInTheFileAtOnceAndBatchesAreSyncedInTheBackground() throws Exception {
        Path file = dir.resolve("audit.log");
        int threads = 32;
        int perThread = 30;
        try (AuditFileWriter w = new AuditFileWriter(file, 0, null, Clock.systemUTC(), AuditFileWriter.Durability.WRITE, chain)) {
            List<Thread> callers = new ArrayList<>();
            List<String> missing = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < threads; t++) {
                int thread = t;
                callers.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String id = thread + "-" + i;
                        w.append(record(id)).join();
                        // What was acknowledged is in the file (the page cache), where kill -9 cannot take it.
                        if (i % 10 == 0 && !fileContains(file, "\"" + id + "\"")) {
                            missing.add(id);
                        }
                    }
                }));
            }
            for (Thread c : callers) {
                c.join();
            }
            assertThat(missing).isEmpty();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (w.syncs() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(w.syncs()).isBetween(1L, (long) threads * perThread);
        }
        assertThat(records(file)).hasSize(threads * perThread + 1);
        assertThat(verify(List.of(file)).intact()).isTrue();
    }

    private static boolean fileContains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void rotate_whileAppendingWithBackgroundSync_losesNoRecord() throws Exception {
        Path file = dir.resolve("audit.log");
        List<CompletableFuture<Void>> acknowledged = new ArrayList<>();
        try (AuditFileWriter w = new AuditFileWriter(file, 2_000, null, Clock.systemUTC(), AuditFileWriter.Durability.WRITE, chain)) {
            for (int i = 0; i < 200; i++) {
                acknowledged.add(w.append(record("r" + i)));
                if (i % 20 == 19) {
                    // Separate batches, so that size rotation (checked between batches) runs a few times.
                    CompletableFuture.allOf(acknowledged.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
                }
            }
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.sorted((a, b) -> a.equals(file) ? 1 : b.equals(file) ? -1 : a.compareTo(b)).toList();
        }
        assertThat(files.size()).isGreaterThan(1);
        assertThat(verify(files).intact()).isTrue();
        long recordsWritten = 0;
        for (Path f : files) {
            recordsWritten += Files.readAllLines(f).stream().filter(l -> l.contains("\"type\":\"request\"")).count();
        }
        assertThat(recordsWritten).isEqualTo(200);
    }

    @Test
    void backgroundSync_startsFsyncsAtLeastTheMinimumIntervalApart() throws Exception {
        Path file = dir.resolve("audit.log");
        long started = System.nanoTime();
        long syncs;
        try (AuditFileWriter w = new AuditFileWriter(file, 0, null, Clock.systemUTC(), AuditFileWriter.Durability.WRITE, chain)) {
            // One record per batch: without pacing every batch would get its own fsync.
            for (int i = 0; i < 400; i++) {
                w.append(record("paced-" + i)).join();
            }
            syncs = w.syncs();
        }
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(syncs).isLessThanOrEqualTo(elapsedMs / BackgroundSync.MIN_INTERVAL.toMillis() + 1);
        assertThat(records(file)).hasSize(401);
    }

    @Test
    void append_pairsFromConcurrentCallers_landOnAdjacentLines() throws Exception {
        Path file = dir.resolve("audit.log");
        try (AuditFileWriter w = new AuditFileWriter(file, 0, null, Clock.systemUTC(), AuditFileWriter.Durability.WRITE, chain)) {
            List<Thread> callers = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                callers.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < 25; i++) {
                        String id = thread + "-" + i;
                        w.append(List.of(record(id + "-req"), record(id + "-resp"))).join();
                    }
                }));
            }
            for (Thread c : callers) {
                c.join();
            }
        }
        List<JsonNode> records = records(file);
        assertThat(records).hasSize(16 * 25 * 2 + 1);
        for (int i = 1; i < records.size(); i += 2) {
            String request = records.get(i).path("request").path("id").asText();
            String response = records.get(i + 1).path("request").path("id").asText();
            assertThat(request).endsWith("-req");
            assertThat(response).isEqualTo(request.replace("-req", "-resp"));
        }
        assertThat(verify(List.of(file)).intact()).isTrue();
    }

    @Test
    void rotate_whileAppending_losesNoRecordAndLinksTheFiles() throws Exception {
        Path file = dir.resolve("audit.log");
        List<CompletableFuture<Void>> acknowledged = new ArrayList<>();
        try (AuditFileWriter w = writer(file, 0)) {
            for (int i = 0; i < 300; i++) {
                acknowledged.add(w.append(record("r" + i)));
                if (i % 100 == 50) {
                    w.rotate().get(10, TimeUnit.SECONDS);
                }
            }
            CompletableFuture.allOf(acknowledged.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        }

        List<Path> files = chronological(file);
        assertThat(files).hasSize(4);
        assertThat(verify(files).intact()).isTrue();
        List<String> ids = new ArrayList<>();
        for (Path f : files) {
            records(f).stream().filter(r -> r.path("type").asText().equals("request"))
                    .forEach(r -> ids.add(r.path("request").path("id").asText()));
        }
        assertThat(ids).hasSize(300).startsWith("r0", "r1").endsWith("r299").doesNotHaveDuplicates();
        JsonNode start = records(files.get(1)).get(0);
        assertThat(start.path("type").asText()).isEqualTo(AuditChain.START_TYPE);
        assertThat(start.path("chain").path("previous_file").asText()).isEqualTo(files.get(0).getFileName().toString());
    }

    @Test
    void maxFileSize_rotatesBySizeWithoutLoss() throws Exception {
        Path file = dir.resolve("audit.log");
        try (AuditFileWriter w = writer(file, 2_000)) {
            for (int i = 0; i < 100; i++) {
                w.append(record("r" + i)).get(10, TimeUnit.SECONDS);
            }
        }

        List<Path> files = chronological(file);
        assertThat(files.size()).isGreaterThan(3);
        assertThat(verify(files).intact()).isTrue();
        long requests = 0;
        for (Path f : files) {
            requests += records(f).stream().filter(r -> r.path("type").asText().equals("request")).count();
        }
        assertThat(requests).isEqualTo(100);
    }

    @Test
    void open_refusesAFileThatIsNotAnAuditLogAndLeavesItUntouched() throws Exception {
        Path file = dir.resolve("coffer.db");
        byte[] content = "SQLite format 3\u0000 binary pages without a final newline".getBytes(StandardCharsets.UTF_8);
        Files.write(file, content);
        try (AuditFileWriter w = writer(file, 0)) {
            assertThat(w.openFailure()).hasValueSatisfying(e -> assertThat(e).hasMessageContaining("not a Coffer audit log"));
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }

    @Test
    void reopen_continuesTheChainOfTheExistingFile() throws Exception {
        Path file = dir.resolve("audit.log");
        try (AuditFileWriter w = writer(file, 0)) {
            w.append(record("before")).get(10, TimeUnit.SECONDS);
        }
        try (AuditFileWriter w = writer(file, 0)) {
            w.append(record("after")).get(10, TimeUnit.SECONDS);
        }

        List<JsonNode> records = records(file);
        assertThat(records).extracting(r -> r.path("type").asText()).containsExactly(AuditChain.START_TYPE, "request", "request");
        assertThat(verify(List.of(file)).intact()).isTrue();
    }

    @Test
    void reopen_removesAnIncompleteLastLineThatWasNeverAcknowledged() throws Exception {
        Path file = dir.resolve("audit.log");
        try (AuditFileWriter w = writer(file, 0)) {
            w.append(record("acknowledged")).get(10, TimeUnit.SECONDS);
        }
        Files.writeString(file, "{\"type\":\"request\",\"req", StandardOpenOption.APPEND);

        try (AuditFileWriter w = writer(file, 0)) {
            w.append(record("next")).get(10, TimeUnit.SECONDS);
        }

        assertThat(records(file)).extracting(r -> r.path("request").path("id").asText()).containsExactly("", "acknowledged", "next");
        assertThat(verify(List.of(file)).intact()).isTrue();
    }

    @Test
    void reopen_ofADeletedFileAfterRotation_startsANewSegment_andVerificationShowsTheMissingFile() throws Exception {
        Path file = dir.resolve("audit.log");
        try (AuditFileWriter w = writer(file, 0)) {
            w.append(record("one")).get(10, TimeUnit.SECONDS);
            w.rotate().get(10, TimeUnit.SECONDS);
            w.append(record("in-the-deleted-file")).get(10, TimeUnit.SECONDS);
        }
        Files.delete(file);

        try (AuditFileWriter w = writer(file, 0)) {
            w.append(record("two")).get(10, TimeUnit.SECONDS);
        }

        assertThat(chain.breaks()).isZero();
        AuditChainVerifier.Result result = verify(chronological(file));
        assertThat(result.failure()).get().extracting(AuditChainVerifier.Failure::reason).asString()
                .contains("files are missing");
    }

    @Test
    void reopen_afterAnExternalRotation_continuesTheMovedFileAsARotatedSegment() throws Exception {
        Path file = dir.resolve("audit.log");
        try (AuditFileWriter w = writer(file, 0)) {
            w.append(record("one")).get(10, TimeUnit.SECONDS);
        }
        Path moved = dir.resolve("audit.log.1");
        Files.move(file, moved);

        try (AuditFileWriter w = writer(file, 0)) {
            w.append(record("two")).get(10, TimeUnit.SECONDS);
        }

        assertThat(chain.breaks()).isZero();
        JsonNode start = records(file).get(0);
        assertThat(start.path("chain").path("reason").asText()).isEqualTo(AuditChain.ROTATED);
        assertThat(start.path("chain").path("previous_file").asText()).isEqualTo("audit.log.1");
        assertThat(verify(List.of(moved, file)).intact()).isTrue();
    }

    @Test
    void rotate_afterLogrotateMovedTheFile_namesTheMovedFileAsARotatedSegment() throws Exception {
        Path file = dir.resolve("audit.log");
        Path moved = dir.resolve("audit.log-20261208");
        try (AuditFileWriter w = writer(file, 0)) {
            w.append(record("before")).get(10, TimeUnit.SECONDS);
            Files.move(file, moved);
            Files.createFile(file); // logrotate's "create"
            w.append(record("still-in-the-moved-file")).get(10, TimeUnit.SECONDS);
            w.rotate().get(10, TimeUnit.SECONDS); // its postrotate SIGHUP
            w.append(record("after")).get(10, TimeUnit.SECONDS);
        }

        assertThat(chain.breaks()).isZero();
        JsonNode start = records(file).get(0);
        assertThat(start.path("chain").path("reason").asText()).isEqualTo(AuditChain.ROTATED);
        assertThat(start.path("chain").path("previous_file").asText()).isEqualTo("audit.log-20261208");
        assertThat(verify(List.of(moved, file)).intact()).isTrue();
    }

    @Test
    void reopen_afterTheTailWasCut_startsABreakSegmentAndKeepsTheFile() throws Exception {
        Path file = dir.resolve("audit.log");
        try (AuditFileWriter w = writer(file, 0)) {
            for (int i = 0; i < 10; i++) {
                w.append(record("r" + i)).get(10, TimeUnit.SECONDS);
            }
        }
        ChainHead before = chain.storedHead().orElseThrow();
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, lines.size() - 3));

        try (AuditFileWriter w = writer(file, 0)) {
            w.append(record("after")).get(10, TimeUnit.SECONDS);
        }

        assertThat(chain.breaks()).isEqualTo(1);
        List<Path> files = chronological(file);
        assertThat(files).hasSize(2);
        assertThat(Files.readAllLines(files.get(0))).hasSize(lines.size() - 3);
        JsonNode start = records(file).get(0);
        assertThat(start.path("chain").path("reason").asText()).isEqualTo(AuditChain.BREAK);
        assertThat(start.path("chain").path("expected").path("records").asLong()).isEqualTo(before.records());
        assertThat(start.path("chain").path("found").path("problem").asText()).contains("cut from its end");
        assertThat(start.path("prev_hash").asText()).as("continues from the stored head").isEqualTo(before.last());
        assertThat(verify(List.of(file)).failure()).get().extracting(AuditChainVerifier.Failure::reason).asString()
                .contains("did not match its stored chain head");
    }

    @Test
    void reopen_linesWrittenAfterTheStoredHead_areFollowedAndContinued() throws Exception {
        Path file = dir.resolve("audit.log");
        writeFiveStoringOnlyTheFirstHead(file);

        try (AuditFileWriter w = writer(file, 0)) {
            w.append(record("r5")).get(10, TimeUnit.SECONDS);
        }

        assertThat(chain.breaks()).isZero();
        assertThat(chronological(file)).hasSize(1);
        assertThat(verify(List.of(file)).intact()).isTrue();
    }

    @Test
    void reopen_editedLineAfterTheStoredHead_isABreak() throws Exception {
        Path file = dir.resolve("audit.log");
        writeFiveStoringOnlyTheFirstHead(file);
        List<String> lines = Files.readAllLines(file);
        lines.set(3, lines.get(3).replace("\"r2\"", "\"r9\""));
        Files.write(file, lines);

        try (AuditFileWriter w = writer(file, 0)) {
            w.append(record("r5")).get(10, TimeUnit.SECONDS);
        }

        assertThat(chain.breaks()).isEqualTo(1);
    }

    @Test
    void reopen_whenTheStoredHeadIsMissing_isABreak() throws Exception {
        Path file = dir.resolve("audit.log");
        try (AuditFileWriter w = writer(file, 0)) {
            w.append(record("r0")).get(10, TimeUnit.SECONDS);
        }
        chain.deleteHead();

        try (AuditFileWriter w = writer(file, 0)) {
            w.append(record("r1")).get(10, TimeUnit.SECONDS);
        }

        assertThat(chain.breaks()).isEqualTo(1);
        assertThat(records(file).get(0).path("chain").path("reason").asText()).isEqualTo(AuditChain.BREAK);
    }

    @Test
    void open_ofAnUnkeyedFileOfAnOlderVersion_movesItAsideWithoutABreak() throws Exception {
        Path file = dir.resolve("audit.log");
        io.coffer.core.audit.ChainFiles.writeUnkeyed(file, AuditChain.GENESIS, 3);

        try (AuditFileWriter w = writer(file, 0)) {
            w.append(record("keyed")).get(10, TimeUnit.SECONDS);
        }

        assertThat(chain.breaks()).isZero();
        List<Path> files = chronological(file);
        assertThat(files).hasSize(2);
        assertThat(AuditChainVerifier.verify(List.of(files.get(0))).intact()).as("left as it was").isTrue();
        JsonNode start = records(file).get(0);
        assertThat(start.path("chain").path("reason").asText()).isEqualTo(AuditChain.CREATED);
        assertThat(start.path("prev_hash").asText()).isEqualTo(AuditChain.GENESIS);
        assertThat(verify(List.of(file)).intact()).isTrue();
    }

    @Test
    void append_whenThePathCannotBeOpenedEvenByRoot_failsAndReportsWhy() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        try (AuditFileWriter w = writer(notADirectory.resolve("audit.log"), 0)) {
            assertThat(w.openFailure()).isPresent();
            assertThatThrownBy(() -> w.append(record("r")).get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void append_onAFullDevice_failsEveryRecord() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs /dev/full");
        try (AuditFileWriter w = writer(full, 0)) {
            assertThat(w.openFailure()).isEmpty();
            assertThatThrownBy(() -> w.append(record("r")).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
            assertThatThrownBy(() -> w.append(record("again")).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void append_afterClose_fails() throws Exception {
        AuditFileWriter w = writer(dir.resolve("audit.log"), 0);
        w.close();

        assertThatThrownBy(() -> w.append(record("late")).get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    }

    /** Rotated files oldest first, then the current file. */
    /** Records r0..r4, then stores r0's head, as after a crash before the recorder stored the later heads. */
    private void writeFiveStoringOnlyTheFirstHead(Path file) throws Exception {
        ChainHead early;
        try (AuditFileWriter w = writer(file, 0)) {
            w.append(record("r0")).get(10, TimeUnit.SECONDS);
            early = w.writtenHead().orElseThrow();
            for (int i = 1; i < 5; i++) {
                w.append(record("r" + i)).get(10, TimeUnit.SECONDS);
            }
        }
        chain.storeHead(early);
    }

    private static List<Path> chronological(Path file) throws Exception {
        try (Stream<Path> s = Files.list(file.getParent())) {
            List<Path> rotated = s.filter(p -> p.getFileName().toString().startsWith(file.getFileName() + ".")).sorted().toList();
            List<Path> all = new ArrayList<>(rotated);
            all.add(file);
            return all;
        }
    }

    private static List<JsonNode> records(Path file) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            out.add(Json.MAPPER.readTree(line));
        }
        return out;
    }
}
