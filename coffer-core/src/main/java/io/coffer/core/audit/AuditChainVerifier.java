package io.coffer.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.core.json.Json;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;

/**
 * Checks the chain of audit files ({@link AuditChain}): each file must open with a
 * {@code chain_start} record, every line must be a JSON object whose {@code prev_hash} is the
 * link of the line before it, segment numbers must follow each other, and each file given after
 * another must start from the link of that file's last line. Reports the first line where the
 * chain breaks.
 *
 * <p>With the device's {@link AuditChainKey} the links are HMACs nobody else can compute, so a
 * removed, edited or reordered line cannot be hidden by relinking the rest; with the stored
 * {@link ChainHead} as well, files that end before the head (a truncated tail) fail too. Without
 * the key only version 1 (unkeyed, SHA-256) files can be checked, and that proves nothing against
 * someone who could write them. A {@code chain_start} record of reason {@code break} is the
 * server's own statement that the file it found did not match its stored head: it fails
 * verification.
 *
 * <p>What it cannot see: files that were not given, and (without a head, or after the head) lines
 * cut from the end of the newest file. Give rotated files oldest first, then the current file.
 */
public final class AuditChainVerifier {

    /**
     * Where and why the chain broke. {@code line} counts from 1 within {@code file} (from the first
     * line read, for a part of a file). {@code needsKey}: nothing is known to be broken, but the
     * file is keyed and no key was given.
     */
    public record Failure(Path file, long line, String reason, boolean needsKey) {
        public Failure(Path file, long line, String reason) {
            this(file, line, reason, false);
        }

        @Override
        public String toString() {
            return file + " line " + line + ": " + reason;
        }
    }

    /**
     * The outcome.
     *
     * @param files            how many files were read
     * @param lines            how many lines were checked (all of them when intact)
     * @param continuesEarlier true when the first file continues a file that was not given, so
     *                         its first link could not be checked
     * @param failure          the first break, if any
     * @param keyed            true when the links were checked with the chain key
     * @param end              the position reached: the last line checked
     * @param headChecked      true when the stored head lay within the files and matched
     */
    public record Result(int files, long lines, boolean continuesEarlier, Optional<Failure> failure, boolean keyed,
            ChainHead end, boolean headChecked) {
        public boolean intact() {
            return failure.isEmpty();
        }
    }

    /** A file to read, from byte {@code from} up to byte {@code limit} (exclusive; {@code Long.MAX_VALUE} for its end). */
    public record Source(Path file, long from, long limit) {
        public static Source whole(Path file) {
            return new Source(file, 0, Long.MAX_VALUE);
        }
    }

    /** Where the chain stands after following a file from a known position ({@link #follow}). */
    public record Tail(Optional<String> problem, ChainHead end) {
    }

    private AuditChainVerifier() {
    }

    /** Without the key: version 1 (unkeyed) files only; a keyed file fails, naming what is missing. */
    public static Result verify(List<Path> files) throws IOException {
        return run(files.stream().map(Source::whole).toList(), null, Optional.empty());
    }

    /** With the device's chain key, and its stored head when known. */
    public static Result verify(List<Path> files, AuditChainKey key, Optional<ChainHead> head) throws IOException {
        return verifySources(files.stream().map(Source::whole).toList(), key, head);
    }

    /** With the key and head, over parts of files (a live device's current file up to its last written line). */
    public static Result verifySources(List<Source> sources, AuditChainKey key, Optional<ChainHead> head) throws IOException {
        return run(sources, key.newMac(), head);
    }

    private static Result run(List<Source> sources, Mac mac, Optional<ChainHead> head) throws IOException {
        Walk walk = new Walk(mac, head);
        for (Source source : sources) {
            Optional<Failure> failure = walk.file(source, true);
            if (failure.isPresent()) {
                return walk.result(failure);
            }
        }
        Optional<Failure> failure = Optional.empty();
        if (head.isPresent() && !walk.headChecked && walk.end().segment() >= 0 && !walk.end().isAfter(head.get())
                && !sources.isEmpty()) {
            ChainHead h = head.get();
            failure = Optional.of(new Failure(sources.getLast().file(), walk.lineInFile + 1,
                    "the files end at segment " + walk.segment + " line " + walk.records + ", before the stored chain head"
                            + " (segment " + h.segment() + " line " + h.records() + "): lines were cut from the end"
                            + " (a truncated tail), or the newest file is missing"));
        }
        return walk.result(failure);
    }

    /**
     * Follows {@code file} from a known position to byte {@code limit}: when {@code headInFile}, the
     * line ending at {@code from.offset()} must have the link {@code from.last()}, and the lines
     * after it continue the chain; otherwise the file must begin with the next segment's
     * {@code chain_start}, linked to {@code from.last()}. Used by a device on start to check that
     * its files still hold the stored head.
     */
    public static Tail follow(Path file, long limit, ChainHead from, boolean headInFile, Mac mac) throws IOException {
        long start = 0;
        if (headInFile) {
            if (limit < from.offset()) {
                return problem(from, "the file has " + limit + " bytes of complete lines, fewer than the " + from.offset()
                        + " the stored head ends at: lines were cut from its end");
            }
            Optional<String> atHead = checkLineEndingAt(file, from, mac);
            if (atHead.isPresent()) {
                return problem(from, atHead.get());
            }
            start = from.offset();
        }
        Walk walk = new Walk(mac, Optional.empty());
        walk.segment = from.segment();
        walk.records = from.records();
        walk.link = from.last();
        walk.started = true;
        Optional<Failure> failure = walk.file(new Source(file, start, limit), !headInFile);
        if (failure.isPresent()) {
            return problem(from, (headInFile ? "line " + failure.get().line() + " after the stored head: "
                    : "line " + failure.get().line() + ": ") + failure.get().reason());
        }
        return new Tail(Optional.empty(), new ChainHead(walk.segment, walk.records, walk.link,
                file.getFileName().toString(), from.fileId(), start + walk.bytes));
    }

    private static Tail problem(ChainHead from, String problem) {
        return new Tail(Optional.of(problem), from);
    }

    /** Checks that a line ends at {@code head.offset()} and its link is {@code head.last()}. */
    private static Optional<String> checkLineEndingAt(Path file, ChainHead head, Mac mac) throws IOException {
        long end = head.offset() - 1;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            if (end < 0 || ch.read(one, end) != 1 || one.get(0) != '\n') {
                return Optional.of("no line ends where the stored head does (byte " + head.offset()
                        + "): lines before it were removed, edited or inserted");
            }
            long start = ChainFileBytes.lastIndexOfNewline(ch, end) + 1;
            long length = end - start;
            if (length > Integer.MAX_VALUE - 8) {
                return Optional.of("the line at the stored head is too long");
            }
            ByteBuffer line = ByteBuffer.allocate((int) length);
            ChainFileBytes.readFully(ch, line, start);
            String link = AuditChain.link(mac, line.array(), 0, line.capacity());
            if (!MessageDigest.isEqual(ascii(link), ascii(head.last()))) {
                return Optional.of("the line ending at the stored head (byte " + head.offset()
                        + ") is not the one the device wrote: lines before it were removed, edited or inserted");
            }
            return Optional.empty();
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** The state carried from line to line and from file to file. */
    private static final class Walk {
        /** Null for version 1 (unkeyed) files, checked with {@link #digest}. */
        private final Mac mac;
        private final MessageDigest digest = AuditChain.newDigest();
        private final Optional<ChainHead> head;
        /** The link of the last line read; null before the first. */
        private String link;
        private long segment = -1;
        private long records;
        private boolean started;
        private boolean continuesEarlier;
        private boolean headChecked;
        private boolean needsKey;
        private int files;
        private long lines;
        private long lineInFile;
        /** Bytes of complete lines read from the current source. */
        private long bytes;

        Walk(Mac mac, Optional<ChainHead> head) {
            this.mac = mac;
            this.head = head;
        }

        ChainHead end() {
            return new ChainHead(segment, records, link == null ? AuditChain.GENESIS : link, null, null, 0);
        }

        Result result(Optional<Failure> failure) {
            return new Result(files, lines, continuesEarlier, failure, mac != null, end(), headChecked);
        }

        /**
         * Reads one source. {@code startsFile}: its first line opens the file, so it must be a
         * chain_start record.
         */
        Optional<Failure> file(Source source, boolean startsFile) throws IOException {
            files++;
            lineInFile = 0;
            bytes = 0;
            try (FileChannel ch = FileChannel.open(source.file(), StandardOpenOption.READ)) {
                ch.position(source.from());
                long budget = source.limit() == Long.MAX_VALUE ? Long.MAX_VALUE : source.limit() - source.from();
                InputStream in = new BufferedInputStream(Channels.newInputStream(ch), 1 << 16);
                ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
                for (;;) {
                    long room = budget - bytes;
                    if (room <= 0) {
                        break;
                    }
                    boolean complete = readLine(in, buffer, room);
                    if (!complete && buffer.size() == 0) {
                        break;
                    }
                    lineInFile++;
                    lines++;
                    byte[] line = buffer.toByteArray();
                    buffer.reset();
                    Optional<String> problem = complete ? check(line, startsFile && lineInFile == 1)
                            : Optional.of("the line is incomplete (no newline): the file was cut, or is being written right now");
                    if (problem.isPresent()) {
                        return Optional.of(new Failure(source.file(), lineInFile, problem.get(), needsKey));
                    }
                    bytes += line.length + 1;
                    link = mac == null ? AuditChain.hash(digest, line) : AuditChain.link(mac, line, 0, line.length);
                    if (head.isPresent() && segment == head.get().segment() && records == head.get().records()) {
                        if (!MessageDigest.isEqual(ascii(link), ascii(head.get().last()))) {
                            return Optional.of(new Failure(source.file(), lineInFile, "this line is not the one the"
                                    + " stored chain head names (segment " + segment + " line " + records
                                    + "): lines of this segment were removed, inserted or edited"));
                        }
                        headChecked = true;
                    }
                }
            }
            return Optional.empty();
        }

        /** What is wrong with a line, given the state after the line before it. */
        private Optional<String> check(byte[] line, boolean opensFile) {
            JsonNode record;
            try {
                record = Json.MAPPER.readTree(line);
            } catch (IOException e) {
                record = null;
            }
            if (record == null || !record.isObject()) {
                return Optional.of("the line is not a JSON object");
            }
            JsonNode prev = record.get(AuditChain.PREV_HASH_FIELD);
            if (prev == null || !prev.isTextual()) {
                return Optional.of("the line has no " + AuditChain.PREV_HASH_FIELD);
            }
            boolean isStart = AuditChain.START_TYPE.equals(record.path("type").asText());
            if (opensFile && !isStart) {
                return Optional.of("the file does not begin with a " + AuditChain.START_TYPE
                        + " record: its beginning was removed, or it is not a Coffer audit file");
            }
            if (!isStart) {
                records++;
                return linked(prev.asText()) ? Optional.empty()
                        : Optional.of("prev_hash does not match the line before: that line was edited, or lines were"
                                + " removed or reordered here");
            }
            return checkStart(record.path("chain"), prev.asText());
        }

        private Optional<String> checkStart(JsonNode chain, String prev) {
            int version = chain.path("version").asInt(1);
            if (mac != null && version < AuditChain.VERSION) {
                return Optional.of("an unkeyed (version " + version + ") segment: written before the chain was keyed,"
                        + " or forged by someone who could write the file");
            }
            if (mac == null && version >= AuditChain.VERSION) {
                needsKey = true;
                return Optional.of("the chain is keyed (version " + version + "): verify it with the device's chain key"
                        + " (-key-file) or through the server (-address)");
            }
            long number = chain.path("segment").asLong(segment + 1);
            if (!started) {
                started = true;
                if (!AuditChain.GENESIS.equals(prev)) {
                    continuesEarlier = true;
                }
            } else {
                if (!linked(prev)) {
                    return Optional.of("this segment does not continue the line before it: files are missing or out of"
                            + " order, or lines were removed from the end of the previous file");
                }
                if (mac != null && number != segment + 1) {
                    return Optional.of("segment " + number + " follows segment " + segment + ": segments are missing");
                }
            }
            segment = number;
            records = 1;
            if (AuditChain.BREAK.equals(chain.path("reason").asText())) {
                // The record's own fields are file content: named, never quoted.
                return Optional.of("the server found this device's file did not match its stored chain head and started"
                        + " a new segment here (this record's chain.expected and chain.found say what it found)");
            }
            return Optional.empty();
        }

        private boolean linked(String prev) {
            return link != null && MessageDigest.isEqual(ascii(link), ascii(prev));
        }
    }

    /** Reads up to and excluding the next newline, at most {@code max} bytes; false when no newline came. */
    private static boolean readLine(InputStream in, ByteArrayOutputStream line, long max) throws IOException {
        long read = 0;
        for (int b; read < max && (b = in.read()) != -1; read++) {
            if (b == '\n') {
                return true;
            }
            line.write(b);
        }
        return false;
    }
}
