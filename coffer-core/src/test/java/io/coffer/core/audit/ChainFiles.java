package io.coffer.core.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Writes and edits hash-chained files by hand, independently of the writer, for verifier tests. */
public final class ChainFiles {

    private ChainFiles() {
    }

    /**
     * Writes a file of a chain_start record and {@code records} records {@code {"type":"request","n":i}},
     * chained from {@code start}; returns the hash of its last line.
     */
    public static String write(Path file, String start, int records) throws IOException {
        MessageDigest digest = AuditChain.newDigest();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] first = AuditChain.link(AuditChain.startRecord(Instant.EPOCH, null, "created"), start);
        out.writeBytes(first);
        out.write('\n');
        String prev = AuditChain.hash(digest, first);
        for (int i = 1; i <= records; i++) {
            byte[] line = AuditChain.link(("{\"type\":\"request\",\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), prev);
            out.writeBytes(line);
            out.write('\n');
            prev = AuditChain.hash(digest, line);
        }
        Files.write(file, out.toByteArray());
        return prev;
    }

    /** The file's lines, without newlines. */
    public static List<String> lines(Path file) throws IOException {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** Replaces the file's content by {@code lines}, each followed by a newline. */
    public static void rewrite(Path file, List<String> lines) throws IOException {
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(l).append('\n'));
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }
}
