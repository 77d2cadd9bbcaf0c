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
import javax.crypto.Mac;

/**
 * The keyed chain that makes an audit file tamper-evident, shared by the writer and
 * {@link AuditChainVerifier}.
 *
 * <p>Every line is one JSON object whose last field, {@value #PREV_HASH_FIELD}, is the link of the
 * previous line: the hex HMAC-SHA256 of its bytes (without its newline) under the device's
 * {@link AuditChainKey}. The first line of every file is a {@value #START_TYPE} record (version
 * {@value #VERSION}) that opens a numbered segment; its link is {@link #GENESIS} for a device's
 * first segment and the link of the last line before it otherwise (the previous file's last line
 * after a rotation, the last line of the stored head after a break). Editing, removing or
 * reordering any line therefore breaks the link of the line after it, and without the key nobody
 * can compute new links; a missing start record shows that the beginning of a file was cut off.
 *
 * <p>Version 1 files (before the chain was keyed) linked lines with plain SHA-256, which anyone who
 * can write the file can recompute; {@link AuditChainVerifier} still reads them, flagged as such.
 */
public final class AuditChain {

    /** The start value of a chain that continues nothing: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);
    public static final String PREV_HASH_FIELD = "prev_hash";
    /** The {@code type} of the record that opens each file. */
    public static final String START_TYPE = "chain_start";
    /** The version of {@code chain_start} records this code writes: 2, HMAC-SHA256 links. */
    public static final int VERSION = 2;
    /** {@code chain_start} reasons. */
    public static final String CREATED = "created";
    public static final String ROTATED = "rotated";
    public static final String BREAK = "break";

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

    /** Hex SHA-256 of a line's bytes, excluding the newline: the link of version 1 files. */
    public static String hash(MessageDigest digest, byte[] line) {
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(line));
    }

    /** The link of a line: hex HMAC-SHA256 of its bytes (without the newline) under {@code mac}'s key. */
    public static String link(Mac mac, byte[] line, int from, int length) {
        mac.reset();
        mac.update(line, from, length);
        return HexFormat.of().formatHex(mac.doFinal());
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
     * newline, into {@code out}, and returns the link of that line (what the next line carries),
     * without building the line as an array: the file writer links every record of a batch this
     * way into one buffer.
     *
     * @param prevHash the previous line's link as 64 ASCII hex digits
     * @param mac      under the chain key ({@link AuditChainKey#newMac()}); used and reset
     * @param out      must have room for {@link #linkedLength(byte[])} bytes
     * @return the link of the written line, as 64 ASCII hex digits
     */
    public static byte[] linkInto(ByteBuffer out, Mac mac, byte[] body, byte[] prevHash) {
        int close = closingBrace(body);
        int prefixSkip = isBlankBetween(body, 1, close) ? 1 : 0;
        mac.reset();
        out.put(body, 0, close);
        mac.update(body, 0, close);
        out.put(PREV_HASH_PREFIX, prefixSkip, PREV_HASH_PREFIX.length - prefixSkip);
        mac.update(PREV_HASH_PREFIX, prefixSkip, PREV_HASH_PREFIX.length - prefixSkip);
        out.put(prevHash);
        mac.update(prevHash);
        out.put(LINE_END, 0, 2);
        mac.update(LINE_END, 0, 2);
        out.put(LINE_END, 2, 1);
        return HexFormat.of().formatHex(mac.doFinal()).getBytes(StandardCharsets.US_ASCII);
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
     * The record that opens a segment, without its link (pass it through {@link #link}).
     *
     * @param segment      the segment's number, from 1
     * @param reason       {@link #CREATED}, {@link #ROTATED} or {@link #BREAK}
     * @param previousFile the name of the file this one continues, or null
     * @param details      more fields of the {@code chain} object (a break's expected and found
     *                     heads), never secret; may be empty
     */
    public static byte[] startRecord(Instant time, long segment, String reason, String previousFile,
            Map<String, Object> details) {
        Map<String, Object> chain = new LinkedHashMap<>();
        chain.put("version", VERSION);
        chain.put("link", "hmac-sha256");
        chain.put("segment", segment);
        chain.put("reason", reason);
        if (previousFile != null) {
            chain.put("previous_file", previousFile);
        }
        chain.putAll(details);
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
