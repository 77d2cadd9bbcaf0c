package io.coffer.core.audit;

import io.coffer.core.json.Json;
import io.coffer.core.logical.Timestamps;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hash chain that makes an audit file tamper-evident, shared by the writer and
 * {@link AuditChainVerifier}.
 *
 * <p>Every line is one JSON object whose last field, {@value #PREV_HASH_FIELD}, is the hex SHA-256
 * of the previous line's bytes (without its newline). The first line of every file is a
 * {@value #START_TYPE} record: it carries the start value of the file's chain, which is
 * {@link #GENESIS} for a device's first file and the hash of the last line of the previous file
 * after a rotation. Editing, removing or reordering any line therefore breaks the link of the line
 * after it; a missing start record shows that the beginning of a file was cut off.
 */
public final class AuditChain {

    /** The start value of a chain that continues nothing: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);
    public static final String PREV_HASH_FIELD = "prev_hash";
    /** The {@code type} of the record that opens each file. */
    public static final String START_TYPE = "chain_start";

    private static final byte[] PREV_HASH_PREFIX = (",\"" + PREV_HASH_FIELD + "\":\"").getBytes(StandardCharsets.US_ASCII);
    /** What follows the link's hex digits: the closing quote and brace (part of the line), then the newline. */
    private static final byte[] LINE_END = {'"', '}', '\n'};

    private AuditChain() {
    }

    /** A new SHA-256 digest; callers that hash many lines keep one. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Hex SHA-256 of a line's bytes, excluding the newline. */
    public static String hash(MessageDigest digest, byte[] line) {
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(line));
    }

    /**
     * Appends {@code "prev_hash":"<prevHash>"} as the last field of the JSON object {@code body}.
     * Splicing instead of re-serializing keeps formatting (and HMACs) off the single writer thread.
     */
    public static byte[] link(byte[] body, String prevHash) {
        int close = closingBrace(body);
        boolean empty = isBlankBetween(body, 1, close);
        byte[] hash = prevHash.getBytes(StandardCharsets.US_ASCII);
        int prefixSkip = empty ? 1 : 0;
        byte[] out = new byte[close + PREV_HASH_PREFIX.length - prefixSkip + hash.length + 2];
        System.arraycopy(body, 0, out, 0, close);
        int at = close;
        System.arraycopy(PREV_HASH_PREFIX, prefixSkip, out, at, PREV_HASH_PREFIX.length - prefixSkip);
        at += PREV_HASH_PREFIX.length - prefixSkip;
        System.arraycopy(hash, 0, out, at, hash.length);
        at += hash.length;
        out[at++] = '"';
        out[at] = '}';
        return out;
    }

    /**
     * Writes the line {@link #link(byte[], String) link(body, prevHash)} would return, and a
     * newline, into {@code out}, and returns the hex SHA-256 of that line (the next line's link),
     * without building the line as an array: the file writer links every record of a batch this
     * way into one buffer.
     *
     * @param prevHash the previous line's hash as 64 ASCII hex digits
     * @param digest   used and reset
     * @param out      must have room for {@link #linkedLength(byte[])} bytes
     * @return the hash of the written line, as 64 ASCII hex digits
     */
    public static byte[] linkInto(ByteBuffer out, MessageDigest digest, byte[] body, byte[] prevHash) {
        int close = closingBrace(body);
        int prefixSkip = isBlankBetween(body, 1, close) ? 1 : 0;
        digest.reset();
        out.put(body, 0, close);
        digest.update(body, 0, close);
        out.put(PREV_HASH_PREFIX, prefixSkip, PREV_HASH_PREFIX.length - prefixSkip);
        digest.update(PREV_HASH_PREFIX, prefixSkip, PREV_HASH_PREFIX.length - prefixSkip);
        out.put(prevHash);
        digest.update(prevHash);
        out.put(LINE_END, 0, 2);
        digest.update(LINE_END, 0, 2);
        out.put(LINE_END, 2, 1);
        return HexFormat.of().formatHex(digest.digest()).getBytes(StandardCharsets.US_ASCII);
    }

    /** An upper bound of the bytes {@link #linkInto} writes for {@code body}. */
    public static int linkedLength(byte[] body) {
        return body.length + PREV_HASH_PREFIX.length + 64 + 3;
    }

    /** The index of the closing brace of a JSON object record. */
    private static int closingBrace(byte[] body) {
        int close = body.length - 1;
        while (close >= 0 && body[close] != '}') {
            close--;
        }
        if (close < 1 || body[0] != '{') {
            throw new IllegalArgumentException("an audit record must be a JSON object");
        }
        return close;
    }

    /**
     * The record that opens a file, without its link (pass it through {@link #link}).
     *
     * @param previousFile the name of the file this one continues, or null
     * @param reason       {@code created}, {@code rotated} or {@code reopened}
     */
    public static byte[] startRecord(Instant time, String previousFile, String reason) {
        Map<String, Object> chain = new LinkedHashMap<>();
        chain.put("version", 1);
        chain.put("reason", reason);
        if (previousFile != null) {
            chain.put("previous_file", previousFile);
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("time", Timestamps.rfc3339Nano(time));
        record.put("type", START_TYPE);
        record.put("chain", chain);
        return Json.write(record);
    }

    private static boolean isBlankBetween(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\n' && b[i] != '\r' && b[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
