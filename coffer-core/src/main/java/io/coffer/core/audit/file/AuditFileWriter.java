package io.coffer.core.audit.file;

import io.coffer.core.audit.AuditChain;
import io.coffer.core.audit.AuditChainStore;
import io.coffer.core.audit.AuditChainVerifier;
import io.coffer.core.audit.ChainFileBytes;
import io.coffer.core.audit.ChainHead;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.Mac;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends chained lines to one audit file with group commit: callers queue records and wait;
 * one writer thread takes everything queued, links each record to the previous line with the
 * device's chain key ({@link AuditChain}) and writes the batch with one write. One {@code fsync}
 * ({@link FileChannel#force}) then covers the batch; nobody pays a syscall per record under load.
 *
 * <p>When callers are released depends on {@link Durability}: with {@link Durability#WRITE} as
 * soon as the batch is in the operating system (which is what survives {@code kill -9} of the
 * server), the fsync running on a second thread while the writer takes the next batch; with
 * {@link Durability#FSYNC} only after the fsync (which also survives power loss). A failed
 * background fsync stops the writer: every later record fails, so the device fails closed rather
 * than acknowledging records it cannot make durable.
 *
 * <p>Order is the queue's order, nothing is dropped: the queue is bounded (callers wait for room,
 * then fail), and a batch that cannot be written fails every record in it and is cut off the file
 * again so that the chain stays intact. Rotation (on request, or before the first batch after the
 * file reached {@code maxFileSize}) runs on the writer thread between batches: the file is renamed to
 * {@code FILE.<UTC timestamp>} and a new file starts with a {@code chain_start} record linked to
 * the old file's last line.
 *
 * <p><b>Chain head.</b> The head of every durable batch (segment, line count, link, file identity
 * and offset) goes to a {@link HeadRecorder} that stores it behind the barrier at most every
 * {@link HeadRecorder#INTERVAL}; the start of a segment is stored at once. On open the file must
 * still hold the last known head (the stored one on start, the last written one on a reopen):
 * the line ending at the head's offset must carry the head's link and the lines after it must
 * continue the chain. Then the file is continued (a trailing incomplete line, a batch cut by a
 * crash before it was acknowledged, is removed). A file moved away by an external rotation (found
 * again next to the file by its identity) is followed to its end and a new file continues it as a
 * rotated segment. Anything else is a <em>break</em>: the file is renamed aside as it is, and a new
 * file starts with a {@code chain_start} record of reason {@code break} saying what was expected
 * and what was found, linked to the stored head; the break is logged and counted
 * ({@link AuditChainStore#breakFound()}). A non-empty file the device never wrote (enabled on an
 * existing file, or a file of an unkeyed older version) is renamed aside likewise, without a break.
 */
final class AuditFileWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditFileWriter.class);

    static final int QUEUE_CAPACITY = 8192;
    static final int MAX_BATCH = 1024;
    private static final int INITIAL_BUFFER = 256 * 1024;
    private static final int MAX_KEPT_BUFFER = 4 * 1024 * 1024;
    static final Duration ENQUEUE_TIMEOUT = Duration.ofSeconds(10);
    private static final DateTimeFormatter ROTATED_SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private sealed interface Task permits Append, Rotate, Close {
    }

    /** Records written together: one line each, in order, acknowledged together. */
    private record Append(List<byte[]> bodies, CompletableFuture<Void> done) implements Task {
    }

    private record Rotate(CompletableFuture<Void> done) implements Task {
    }

    private record Close(CompletableFuture<Void> done) implements Task {
    }

    /** When a record counts as recorded. */
    enum Durability {
        /** Once written to the operating system; fsync'd right after, in the background. */
        WRITE,
        /** Once fsync'd. */
        FSYNC
    }

    private final Path path;
    private final String fileName;
    private final long maxFileSize;
    private final Set<PosixFilePermission> mode;
    private final Clock clock;
    private final Durability durability;
    private final BackgroundSync backgroundSync;
    private final AuditChainStore chain;
    private final HeadRecorder heads;
    private final BlockingQueue<Task> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread thread;
    private volatile boolean accepting = true;
    private volatile IOException openFailure;
    private volatile long syncs;
    /** The head of the last line written (not necessarily durable yet); null before the file is open. */
    private volatile ChainHead written;

    // Writer-thread state (and the constructor's, before the thread starts).
    /** Under the chain key; one for the life of the writer, as {@code HmacSha256} does for request hashes. */
    private final Mac mac;
    private FileChannel channel;
    private Object fileKey;
    /** {@link #fileKey} as the head records it, made once per open rather than per batch. */
    private String fileIdText;
    private long size;
    /** The link of the last line written, as 64 ASCII hex digits. */
    private byte[] lastHash = hexBytes(AuditChain.GENESIS);
    private long segment;
    /** Lines of the current segment, its chain_start included. */
    private long records;
    /**
     * Where the file must stand when it is (re)opened: the stored head on start, the last written
     * head afterwards; null when the stored head is missing.
     */
    private ChainHead expected;
    /** Where a batch's lines are linked; direct, so writing it needs no copy into a temporary buffer. */
    private ByteBuffer batchBuffer = ByteBuffer.allocateDirect(INITIAL_BUFFER);
    /** Non-null while a chain_start record is due (it is written as soon as the file is opened). */
    private StartRecord startDue;

    /** The record that opens the next segment, and the link it carries. */
    private record StartRecord(String previousFile, String reason, byte[] prev, Map<String, Object> details) {
    }

    /**
     * Opens (or creates) {@code path} and starts the writer thread. An open failure is kept, not
     * thrown ({@link #openFailure()}); every batch retries the open, failing its records meanwhile.
     *
     * @param maxFileSize rotate once the file reaches this many bytes; 0 for never
     * @param mode        permissions of a file this writer creates; null to leave the default
     */
    AuditFileWriter(Path path, long maxFileSize, Set<PosixFilePermission> mode, Clock clock, AuditChainStore chain) {
        this(path, maxFileSize, mode, clock, Durability.FSYNC, chain);
    }

    AuditFileWriter(Path path, long maxFileSize, Set<PosixFilePermission> mode, Clock clock, Durability durability,
            AuditChainStore chain) {
        this.path = path.toAbsolutePath().normalize();
        this.fileName = this.path.getFileName().toString();
        this.maxFileSize = maxFileSize;
        this.mode = mode;
        this.clock = clock;
        this.durability = durability;
        this.chain = chain;
        this.mac = chain.key().newMac();
        this.expected = chain.storedHead().orElse(null);
        this.heads = new HeadRecorder(chain, this.path);
        this.backgroundSync = durability == Durability.WRITE ? new BackgroundSync(this.path, heads::offer) : null;
        try {
            open(null);
        } catch (IOException e) {
            openFailure = e;
            LOG.error("cannot open audit file {}: {}; requests are refused until it can be written", this.path, e.toString());
        }
        this.thread = Thread.ofPlatform().daemon().name("coffer-audit-" + this.path.getFileName()).start(this::run);
    }

    Path path() {
        return path;
    }

    /** Why the file could not be opened the last time it was tried; empty while it is open. */
    Optional<IOException> openFailure() {
        return Optional.ofNullable(openFailure);
    }

    /** The head of the last line written, for a live verification; empty before the file was opened. */
    Optional<ChainHead> writtenHead() {
        return Optional.ofNullable(written);
    }

    /** How many fsyncs of record batches ran (with {@link Durability#WRITE}, one may cover several batches). */
    long syncs() {
        return backgroundSync == null ? syncs : backgroundSync.syncs();
    }

    /**
     * Queues one record: a JSON object without the chain link. The future completes when the
     * record's line is durable.
     */
    CompletableFuture<Void> append(byte[] body) {
        return append(List.of(body));
    }

    /** Queues records that go into the file next to each other, in order; the future covers all of them. */
    CompletableFuture<Void> append(List<byte[]> bodies) {
        return submit(new Append(bodies, new CompletableFuture<>()));
    }

    /** Starts a new file after everything queued before; completes when the new file is durable. */
    CompletableFuture<Void> rotate() {
        return submit(new Rotate(new CompletableFuture<>()));
    }

    private CompletableFuture<Void> submit(Task task) {
        CompletableFuture<Void> done = doneOf(task);
        if (!accepting) {
            return CompletableFuture.failedFuture(new IOException("audit file " + path + " is closed"));
        }
        IOException syncFailure = backgroundSync == null ? null : backgroundSync.failure();
        if (syncFailure != null) {
            return CompletableFuture.failedFuture(syncFailure);
        }
        try {
            if (!queue.offer(task, ENQUEUE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                return CompletableFuture.failedFuture(new IOException("audit queue of " + path + " stayed full for "
                        + ENQUEUE_TIMEOUT.toSeconds() + "s"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        return done;
    }

    /** Writes everything queued, closes the file and stops the thread; later appends fail. */
    @Override
    public void close() {
        if (!accepting) {
            return;
        }
        accepting = false;
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            queue.put(new Close(done));
            done.get(30, TimeUnit.SECONDS);
            thread.join(Duration.ofSeconds(5));
            if (backgroundSync != null) {
                backgroundSync.stop();
            }
            heads.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("audit file {} did not close cleanly: {}", path, e.toString());
        }
    }

    // ---------------------------------------------------------------- writer thread

    private void run() {
        List<Task> batch = new ArrayList<>(MAX_BATCH);
        boolean running = true;
        while (running) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            running = process(batch);
            batch.clear();
        }
        // Anything queued after close raced with it: fail it rather than leave a caller waiting.
        IOException closed = new IOException("audit file " + path + " is closed");
        for (Task t; (t = queue.poll()) != null;) {
            doneOf(t).completeExceptionally(closed);
        }
    }

    /** Handles one batch in order; false after a close. */
    private boolean process(List<Task> batch) {
        List<Append> appends = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Task task = batch.get(i);
            switch (task) {
                case Append a -> appends.add(a);
                case Rotate r -> {
                    commit(appends);
                    appends.clear();
                    rotateNow(r.done());
                }
                case Close c -> {
                    commit(appends);
                    if (forceQuietly() && written != null) {
                        heads.offer(written);
                    }
                    closeChannel();
                    IOException closed = new IOException("audit file " + path + " is closed");
                    for (Task rest : batch.subList(i + 1, batch.size())) {
                        doneOf(rest).completeExceptionally(closed);
                    }
                    c.done().complete(null);
                    return false;
                }
            }
        }
        commit(appends);
        return true;
    }

    /** Writes and fsyncs the batch (and a pending chain_start record), then acknowledges it. */
    private void commit(List<Append> appends) {
        if (appends.isEmpty()) {
            return;
        }
        // Size rotation happens before a batch rather than after one, so that nothing changes on
        // disk once the last record is acknowledged (readers and verify see a quiet file).
        if (maxFileSize > 0 && channel != null && size >= maxFileSize) {
            rotateNow(null);
        }
        try {
            ensureOpen();
        } catch (IOException e) {
            appends.forEach(a -> a.done().completeExceptionally(e));
            return;
        }
        IOException syncFailure = backgroundSync == null ? null : backgroundSync.failure();
        if (syncFailure != null) {
            appends.forEach(a -> a.done().completeExceptionally(syncFailure));
            return;
        }
        Linked linked = link(appends.stream().flatMap(a -> a.bodies().stream()).toList());
        try {
            write(linked.bytes());
            if (durability == Durability.FSYNC) {
                channel.force(false);
                syncs++;
            }
            accept(linked);
        } catch (IOException e) {
            appends.forEach(a -> a.done().completeExceptionally(e));
            rollBack();
            return;
        }
        if (backgroundSync != null) {
            backgroundSync.request(channel, written);
        } else {
            heads.offer(written);
        }
        appends.forEach(a -> a.done().complete(null));
    }

    /** A batch's lines, ready to write (a view of {@link #batchBuffer}), and where the chain stands after them. */
    private record Linked(ByteBuffer bytes, byte[] lastHash, long segment, long records) {
    }

    /**
     * The lines of {@code bodies}, each linked to the one before, preceded by a due chain_start
     * record, written straight into the reused batch buffer (no array per line). Valid until the
     * next call.
     */
    private Linked link(List<byte[]> bodies) {
        long nextSegment = segment;
        long nextRecords = records;
        byte[] start = null;
        byte[] prev = lastHash;
        if (startDue != null) {
            nextSegment++;
            nextRecords = 0;
            start = AuditChain.startRecord(clock.instant(), nextSegment, startDue.reason(), startDue.previousFile(),
                    startDue.details());
            prev = startDue.prev();
        }
        long needed = start == null ? 0 : AuditChain.linkedLength(start);
        for (byte[] body : bodies) {
            needed += AuditChain.linkedLength(body);
        }
        ByteBuffer out = batchBuffer(needed);
        if (start != null) {
            prev = AuditChain.linkInto(out, mac, start, prev);
            nextRecords++;
        }
        for (byte[] body : bodies) {
            prev = AuditChain.linkInto(out, mac, body, prev);
        }
        return new Linked(out.flip(), prev, nextSegment, nextRecords + bodies.size());
    }

    /** The batch buffer, cleared, with room for {@code needed} bytes. */
    private ByteBuffer batchBuffer(long needed) {
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("an audit batch of " + needed + " bytes is too large");
        }
        if (batchBuffer.capacity() < needed) {
            batchBuffer = ByteBuffer.allocateDirect((int) Math.max(needed, 2L * batchBuffer.capacity()));
        } else if (batchBuffer.capacity() > MAX_KEPT_BUFFER && needed <= MAX_KEPT_BUFFER) {
            // A burst of large records must not pin a large buffer for the life of the device.
            batchBuffer = ByteBuffer.allocateDirect(MAX_KEPT_BUFFER);
        }
        return batchBuffer.clear();
    }

    private void accept(Linked linked) {
        size += linked.bytes().limit();
        lastHash = linked.lastHash();
        segment = linked.segment();
        records = linked.records();
        startDue = null;
        // One small object per batch, never per record.
        written = new ChainHead(segment, records, new String(lastHash, StandardCharsets.US_ASCII), fileName, fileIdText,
                size);
        expected = written;
    }

    /** Writes the buffer's remaining bytes at the end of the file; leaves the buffer's position where it was. */
    private void write(ByteBuffer bytes) throws IOException {
        ByteBuffer buffer = bytes.duplicate();
        long at = size;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    private void writeDurably(ByteBuffer bytes) throws IOException {
        write(bytes);
        channel.force(false);
    }

    /** Before a close: what the background sync has not reached yet is made durable now; false if it could not. */
    private boolean forceQuietly() {
        if (channel == null) {
            return false;
        }
        try {
            channel.force(false);
            return true;
        } catch (IOException e) {
            LOG.error("audit file {}: final fsync failed: {}", path, e.toString());
            return false;
        }
    }

    /** Cuts a failed batch off the file; when even that fails, reopens (and re-reads the tail) next time. */
    private void rollBack() {
        try {
            if (channel.size() > size) {
                channel.truncate(size);
                channel.force(false);
            }
        } catch (IOException e) {
            closeChannel();
        }
    }

    private void rotateNow(CompletableFuture<Void> done) {
        try {
            ensureOpen();
            channel.force(true);
            String rotatedName = null;
            if (isStillOurFile()) {
                Path rotated = rotatedName();
                moveAtomically(path, rotated);
                rotatedName = rotated.getFileName().toString();
            } else {
                // Moved away by someone else (logrotate before its SIGHUP): name it if it is still next to us.
                rotatedName = siblingWithId(fileId(fileKey)).map(p -> p.getFileName().toString()).orElse(null);
            }
            closeChannel();
            open(new StartRecord(rotatedName, AuditChain.ROTATED, lastHash, Map.of()));
            LOG.info("rotated audit file {} to {}", path, rotatedName);
            if (done != null) {
                done.complete(null);
            }
        } catch (IOException e) {
            LOG.error("cannot rotate audit file {}: {}", path, e.toString());
            closeChannel();
            if (done != null) {
                done.completeExceptionally(e);
            }
        }
    }

    /** False when someone moved or replaced the file under us (then there is nothing of ours to rename). */
    private boolean isStillOurFile() {
        try {
            Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            return key == null || key.equals(fileKey);
        } catch (IOException e) {
            return false;
        }
    }

    private Path rotatedName() {
        String base = path.getFileName() + "." + ROTATED_SUFFIX.format(clock.instant());
        Path candidate = path.resolveSibling(base);
        for (int n = 1; Files.exists(candidate); n++) {
            candidate = path.resolveSibling(base + "-" + n);
        }
        return candidate;
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private void ensureOpen() throws IOException {
        if (channel == null) {
            open(null);
        }
    }

    /**
     * Opens the file, creating it if needed, where {@link #plan} says the chain continues.
     *
     * @param start the segment to start (a rotation), or null to continue the last known head
     */
    private void open(StartRecord start) throws IOException {
        Plan plan = start != null ? new Plan(null, nonEmpty(path), start, segment, null) : plan();
        String aside = null;
        if (plan.moveAside()) {
            Path moved = rotatedName();
            moveAtomically(path, moved);
            aside = moved.getFileName().toString();
        }
        if (plan.breakProblem() != null) {
            chain.breakFound();
            LOG.warn("audit file {} does not match the chain head stored for this device: {}. {}A new chain segment"
                    + " starting with a break record continues from the stored head; verification of these files"
                    + " reports the break", path, plan.breakProblem(),
                    aside == null ? "" : "The file is kept unchanged as " + aside + ". ");
        } else if (aside != null) {
            LOG.info("audit file {} holds lines this device did not write (an existing file, or an unkeyed file of an"
                    + " older version); kept as {}, and a new file starts this device's chain", path, aside);
        }
        boolean created = !Files.exists(path);
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            if (created) {
                applyMode();
                syncDirectory();
            }
            fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            fileIdText = fileId(fileKey);
            long length = ch.size();
            ChainHead at = plan.continueAt();
            long keep = at == null ? 0 : at.offset();
            if (keep < length) {
                // Only an incomplete line can be here: plan() moves complete lines it cannot continue aside.
                LOG.warn("audit file {} ended with an incomplete line (a batch cut off before it was acknowledged); "
                        + "removed its {} bytes", path, length - keep);
                ch.truncate(keep);
                ch.force(false);
            }
            size = keep;
            if (at != null) {
                lastHash = hexBytes(at.last());
                segment = at.segment();
                records = at.records();
                startDue = null;
                written = new ChainHead(segment, records, at.last(), fileName, fileIdText, size);
                expected = written;
            } else {
                segment = plan.segmentBefore();
                StartRecord due = plan.start();
                startDue = aside == null ? due : new StartRecord(aside, due.reason(), due.prev(), due.details());
            }
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        channel = ch;
        openFailure = null;
        // A rotation or a break is on disk, and its head stored, before anything follows; a new chain's
        // first line waits for its first record, so that a device that never records leaves an empty file.
        if (startDue != null && !AuditChain.CREATED.equals(startDue.reason())) {
            Linked linked = link(List.of());
            try {
                writeDurably(linked.bytes());
            } catch (IOException e) {
                rollBack();
                closeChannel();
                throw e;
            }
            accept(linked);
            heads.storeNow(written);
        }
    }

    /**
     * How the chain continues when the file is opened.
     *
     * @param continueAt    the head to continue the file at (the end of its complete lines), or null
     * @param moveAside     rename the file aside, unchanged, before starting a new one
     * @param start         the segment to start when not continuing
     * @param segmentBefore the segment number the new segment follows
     * @param breakProblem  what did not match the expected head, for a break; null otherwise
     */
    private record Plan(ChainHead continueAt, boolean moveAside, StartRecord start, long segmentBefore,
            String breakProblem) {
    }

    /** Checks the file (and a moved-away file holding the head) against the last known head. */
    private Plan plan() throws IOException {
        boolean exists = Files.exists(path);
        long length = 0;
        long complete = 0;
        String id = null;
        if (exists) {
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                length = ch.size();
                requireAuditLog(ch, length);
                complete = ChainFileBytes.completeLength(ch, length);
            }
            id = fileIdOf(path);
        }
        ChainHead head = expected;
        if (head == null && complete > 0) {
            return breakPlan(null, "the chain head stored for this file is missing", true);
        }
        if (head == null || head.isEmpty()) {
            return new Plan(null, complete > 0, new StartRecord(null, AuditChain.CREATED, hexBytes(AuditChain.GENESIS),
                    Map.of()), 0, null);
        }
        Path holder = exists && Objects.equals(id, head.fileId()) ? path : siblingWithId(head.fileId()).orElse(null);
        ChainHead end = head;
        if (holder != null) {
            long holderComplete = holder.equals(path) ? complete : completeLength(holder);
            AuditChainVerifier.Tail tail = AuditChainVerifier.follow(holder, holderComplete, head, true, mac);
            if (tail.problem().isPresent()) {
                String where = holder.equals(path) ? "" : " (in " + holder.getFileName() + ", where the file was moved)";
                // Whatever is in the file is kept as evidence, even a lone incomplete line.
                return breakPlan(head, tail.problem().get() + where, length > 0);
            }
            if (holder.equals(path)) {
                return new Plan(tail.end(), false, null, 0, null);
            }
            end = tail.end();
        }
        if (complete == 0) {
            // The file holding the head was moved away (logrotate without copytruncate): a rotation.
            if (holder == null) {
                LOG.warn("audit file {} was moved away and is not next to it; a new file continues the chain from the"
                        + " stored head", path);
            }
            return new Plan(null, false, new StartRecord(holder == null ? null : holder.getFileName().toString(),
                    AuditChain.ROTATED, hexBytes(end.last()), Map.of()), end.segment(), null);
        }
        // Another file stands at the path: it must begin the segment after the head's (a rotation whose new head
        // was not stored yet).
        AuditChainVerifier.Tail next = AuditChainVerifier.follow(path, complete, end, false, mac);
        if (next.problem().isEmpty()) {
            return new Plan(next.end(), false, null, 0, null);
        }
        return breakPlan(end, "the file is not the one holding the stored head and does not continue it ("
                + next.problem().get() + ")", true);
    }

    /** A new segment that records why the file did not match {@code head} (null when the head is missing). */
    private Plan breakPlan(ChainHead head, String problem, boolean moveAside) {
        Map<String, Object> found = new LinkedHashMap<>();
        found.put("problem", problem);
        found.put("file", path.getFileName().toString());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("expected", head == null ? "a stored chain head" : head.render());
        details.put("found", found);
        String prev = head == null ? AuditChain.GENESIS : head.last();
        return new Plan(null, moveAside, new StartRecord(null, AuditChain.BREAK, hexBytes(prev), details),
                head == null ? 0 : head.segment(), problem);
    }

    /** The file next to ours (moved there by an external rotation) with identity {@code id}. */
    private Optional<Path> siblingWithId(String id) throws IOException {
        if (id == null || path.getParent() == null) {
            return Optional.empty();
        }
        try (Stream<Path> siblings = Files.list(path.getParent())) {
            return siblings.filter(p -> !p.equals(path) && Files.isRegularFile(p) && id.equals(fileIdOf(p))).findFirst();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static String fileIdOf(Path file) {
        try {
            return fileId(Files.readAttributes(file, BasicFileAttributes.class).fileKey());
        } catch (IOException e) {
            return null;
        }
    }

    private static String fileId(Object fileKey) {
        return fileKey == null ? null : fileKey.toString();
    }

    private static boolean nonEmpty(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static long completeLength(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return ChainFileBytes.completeLength(ch, ch.size());
        }
    }

    private void applyMode() {
        if (mode == null) {
            return;
        }
        try {
            Files.setPosixFilePermissions(path, mode);
        } catch (UnsupportedOperationException | IOException e) {
            LOG.warn("cannot set the permissions of audit file {}: {}", path, e.toString());
        }
    }

    /** Makes a new directory entry durable; a no-op where directories cannot be opened. */
    private void syncDirectory() {
        Path dir = path.getParent();
        if (dir == null) {
            return;
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot fsync directory {}: {}", dir, e.toString());
        }
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing audit file {}: {}", path, e.toString());
            }
            channel = null;
        }
    }

    /**
     * Refuses to continue a non-empty file that is not an audit log: continuing means cutting an
     * incomplete last line, and file_path could name any file the server can write, its own
     * database included.
     */
    private void requireAuditLog(FileChannel ch, long length) throws IOException {
        if (length == 0) {
            return;
        }
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(length, 64 * 1024));
        ch.read(head, 0);
        String text = new String(head.array(), 0, head.position(), java.nio.charset.StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String first = newline < 0 ? text : text.substring(0, newline);
        boolean looksLikeRecord = first.startsWith("{")
                && (newline < 0 || first.contains(",\"" + AuditChain.PREV_HASH_FIELD + "\":\""));
        if (!looksLikeRecord) {
            throw new IOException("the file exists and is not a Coffer audit log; refusing to write to it");
        }
    }

    private static byte[] hexBytes(String hash) {
        return hash.getBytes(StandardCharsets.US_ASCII);
    }

    private static CompletableFuture<Void> doneOf(Task task) {
        return switch (task) {
            case Append a -> a.done();
            case Rotate r -> r.done();
            case Close c -> c.done();
        };
    }
}
