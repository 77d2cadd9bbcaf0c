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
        MessageDigest digest = AuditChain.newDigest();
        String expectedStart = null;
        boolean continuesEarlier = false;
        long total = 0;
        int read = 0;
        for (Path file : files) {
            read++;
            String previousHash = null;
            long lineNumber = 0;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
                for (;;) {
                    boolean complete = readLine(in, line);
                    if (!complete && line.size() == 0) {
                        break;
                    }
                    lineNumber++;
                    total++;
                    byte[] bytes = line.toByteArray();
                    line.reset();
                    if (!complete) {
                        return broken(read, total, continuesEarlier, file, lineNumber,
                                "the line is incomplete (no newline): the file was cut, or is being written right now");
                    }
                    JsonNode record;
                    try {
                        record = Json.MAPPER.readTree(bytes);
                    } catch (IOException e) {
                        record = null;
                    }
                    if (record == null || !record.isObject()) {
                        return broken(read, total, continuesEarlier, file, lineNumber, "the line is not a JSON object");
                    }
                    JsonNode prev = record.get(AuditChain.PREV_HASH_FIELD);
                    if (prev == null || !prev.isTextual()) {
                        return broken(read, total, continuesEarlier, file, lineNumber, "the line has no prev_hash");
                    }
                    if (lineNumber == 1) {
                        if (!AuditChain.START_TYPE.equals(record.path("type").asText())) {
                            return broken(read, total, continuesEarlier, file, 1, "the file does not begin with a "
                                    + AuditChain.START_TYPE + " record: its beginning was removed, or it is not a Coffer audit file");
                        }
                        if (expectedStart != null && !expectedStart.equals(prev.asText())) {
                            return broken(read, total, continuesEarlier, file, 1, "the file does not continue the file given before"
                                    + " it: files are missing or out of order, or lines were removed from the end of the previous file");
                        }
                        if (expectedStart == null && !AuditChain.GENESIS.equals(prev.asText())) {
                            continuesEarlier = true;
                        }
                    } else if (!prev.asText().equals(previousHash)) {
                        return broken(read, total, continuesEarlier, file, lineNumber, "prev_hash does not match line "
                                + (lineNumber - 1) + ": line " + (lineNumber - 1) + " was edited, or lines were removed or reordered here");
                    }
                    previousHash = AuditChain.hash(digest, bytes);
                }
            }
            if (previousHash != null) {
                expectedStart = previousHash;
            }
        }
        return new Result(read, total, continuesEarlier, Optional.empty());
    }

    private static Result broken(int files, long lines, boolean continuesEarlier, Path file, long line, String reason) {
        return new Result(files, lines, continuesEarlier, Optional.of(new Failure(file, line, reason)));
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
