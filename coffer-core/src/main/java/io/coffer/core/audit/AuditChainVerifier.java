package io.coffer.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.core.json.Json;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Checks the hash chain of audit files ({@link AuditChain}): each file must open with a
 * {@code chain_start} record, every line must be a JSON object whose {@code prev_hash} is the
 * SHA-256 of the line before it, and each file given after another must start from the hash of
 * that file's last line. Reports the first line where the chain breaks.
 *
 * <p>What it cannot see, by construction: lines cut from the end of the newest file (nothing
 * links to them yet), an edit of the very last line, and files that were not given. Give rotated
 * files oldest first, followed by the current file.
 */
public final class AuditChainVerifier {

    /** Where and why the chain broke. {@code line} counts from 1 within {@code file}. */
    public record Failure(Path file, long line, String reason) {
        @Override
        public String toString() {
            return file + " line " + line + ": " + reason;
        }
    }

    /**
     * The outcome.
     *
     * @param files             how many files were read
     * @param lines             how many lines were checked (all of them when intact)
     * @param continuesEarlier  true when the first file continues a file that was not given, so
     *                          its first link could not be checked
     * @param failure           the first break, if any
     */
    public record Result(int files, long lines, boolean continuesEarlier, Optional<Failure> failure) {
        public boolean intact() {
            return failure.isEmpty();
        }
    }

    private AuditChainVerifier() {
    }

    public static Result verify(List<Path> files) throws IOException {
        Walk walk = new Walk();
        for (Path file : files) {
            Optional<Failure> failure = walk.file(file);
            if (failure.isPresent()) {
                return new Result(walk.files, walk.lines, walk.continuesEarlier, failure);
            }
        }
        return new Result(walk.files, walk.lines, walk.continuesEarlier, Optional.empty());
    }

    /** The state carried from line to line and from file to file. */
    private static final class Walk {
        private final MessageDigest digest = AuditChain.newDigest();
        /** The hash of the last line of the previous file, which the next file must start from. */
        private String previousFileEnd;
        private boolean continuesEarlier;
        private int files;
        private long lines;

        Optional<Failure> file(Path file) throws IOException {
            files++;
            String previousLine = null;
            long number = 0;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
                for (;;) {
                    boolean complete = readLine(in, buffer);
                    if (!complete && buffer.size() == 0) {
                        break;
                    }
                    number++;
                    lines++;
                    byte[] line = buffer.toByteArray();
                    buffer.reset();
                    Optional<String> problem = complete ? check(line, number, previousLine)
                            : Optional.of("the line is incomplete (no newline): the file was cut, or is being written right now");
                    if (problem.isPresent()) {
                        return Optional.of(new Failure(file, number, problem.get()));
                    }
                    previousLine = AuditChain.hash(digest, line);
                }
            }
            if (previousLine != null) {
                previousFileEnd = previousLine;
            }
            return Optional.empty();
        }

        /** What is wrong with line {@code number}, given the hash of the line before it (null for the first). */
        private Optional<String> check(byte[] line, long number, String previousLine) {
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
            if (number > 1) {
                return prev.asText().equals(previousLine) ? Optional.empty()
                        : Optional.of("prev_hash does not match line " + (number - 1) + ": line " + (number - 1)
                                + " was edited, or lines were removed or reordered here");
            }
            if (!AuditChain.START_TYPE.equals(record.path("type").asText())) {
                return Optional.of("the file does not begin with a " + AuditChain.START_TYPE
                        + " record: its beginning was removed, or it is not a Coffer audit file");
            }
            if (previousFileEnd != null && !previousFileEnd.equals(prev.asText())) {
                return Optional.of("the file does not continue the file given before it: files are missing or out of"
                        + " order, or lines were removed from the end of the previous file");
            }
            if (previousFileEnd == null && !AuditChain.GENESIS.equals(prev.asText())) {
                continuesEarlier = true;
            }
            return Optional.empty();
        }
    }

    /** Reads up to and excluding the next newline; false when the stream ended before one. */
    private static boolean readLine(InputStream in, ByteArrayOutputStream line) throws IOException {
        for (int b; (b = in.read()) != -1;) {
            if (b == '\n') {
                return true;
            }
            line.write(b);
        }
        return false;
    }
}
