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
import java.util.Map;
import javax.crypto.Mac;

/** Writes and edits chained files by hand, independently of the writer, for verifier tests. */
public final class ChainFiles {

    private ChainFiles() {
    }

    /**
     * Writes a keyed file: a chain_start record (segment {@code segment}) and {@code records}
     * records {@code {"type":"request","n":i}}, chained from {@code start}; returns the link of its
     * last line.
     */
    public static String write(Path file, AuditChainKey key, long segment, String start, int records) throws IOException {
        Mac mac = key.newMac();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String prev = start;
        byte[] first = AuditChain.link(AuditChain.startRecord(Instant.EPOCH, segment,
                start.equals(AuditChain.GENESIS) ? AuditChain.CREATED : AuditChain.ROTATED, null, Map.of()), prev);
        out.writeBytes(first);
        out.write('\n');
        prev = AuditChain.link(mac, first, 0, first.length);
        for (int i = 1; i <= records; i++) {
            byte[] line = AuditChain.link(("{\"type\":\"request\",\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), prev);
            out.writeBytes(line);
            out.write('\n');
            prev = AuditChain.link(mac, line, 0, line.length);
        }
        Files.write(file, out.toByteArray());
        return prev;
    }

    /** Writes a version 1 (unkeyed, SHA-256) file as older versions did; returns the hash of its last line. */
    public static String writeUnkeyed(Path file, String start, int records) throws IOException {
        MessageDigest digest = AuditChain.newDigest();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] first = AuditChain.link(("{\"time\":\"1970-01-01T00:00:00Z\",\"type\":\"chain_start\","
                + "\"chain\":{\"version\":1,\"reason\":\"created\"}}").getBytes(StandardCharsets.UTF_8), start);
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

    /**
     * Relinks every line of a file with plain SHA-256, as an attacker without the key would after
     * editing it (and as today's unkeyed chain allowed): each {@code prev_hash} becomes the SHA-256
     * of the line before, the first keeps its own.
     */
    public static void relinkWithSha256(Path file) throws IOException {
        List<String> lines = lines(file);
        MessageDigest digest = AuditChain.newDigest();
        List<String> out = new ArrayList<>();
        String prev = null;
        for (String line : lines) {
            String relinked = line;
            if (prev != null) {
                int at = line.lastIndexOf(",\"" + AuditChain.PREV_HASH_FIELD + "\":\"");
                relinked = line.substring(0, at) + ",\"" + AuditChain.PREV_HASH_FIELD + "\":\"" + prev + "\"}";
            }
            out.add(relinked);
            prev = AuditChain.hash(digest, relinked.getBytes(StandardCharsets.UTF_8));
        }
        rewrite(file, out);
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
