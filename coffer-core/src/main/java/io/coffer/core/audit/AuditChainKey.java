package io.coffer.core.audit;

import io.coffer.core.crypto.HmacSha256;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;

/**
 * The key of one audit device's chain: each line's {@code prev_hash} is the HMAC-SHA256 of the
 * previous line under it ({@link AuditChain}), so that nobody without the key can relink a file
 * after removing, editing or reordering lines. Like the salt it lives only behind the barrier,
 * never in the file or a log; an operator may export it (root only, {@code sys/audit-chain-key})
 * to verify copies of the files offline.
 */
public final class AuditChainKey {

    static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Copied per writer or verifier (see {@link HmacSha256}): a {@link Mac} is not thread-safe. */
    private final HmacSha256 key;

    private AuditChainKey(byte[] key) {
        this.key = HmacSha256.withKey(key);
    }

    public static AuditChainKey of(byte[] key) {
        if (key.length < BYTES) {
            throw new IllegalArgumentException("an audit chain key has " + BYTES + " bytes");
        }
        return new AuditChainKey(key);
    }

    /** Parses an exported key: 64 hex digits. */
    public static AuditChainKey ofHex(String hex) {
        String trimmed = hex.strip();
        if (trimmed.length() != 2 * BYTES || !trimmed.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("an audit chain key is " + 2 * BYTES + " hex digits");
        }
        return of(HexFormat.of().parseHex(trimmed));
    }

    static byte[] newKey() {
        byte[] key = new byte[BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** A ready {@link Mac} under this key for one thread; the writer keeps one for its life. */
    public Mac newMac() {
        return key.newMac();
    }

    @Override
    public String toString() {
        return "AuditChainKey[redacted]";
    }
}
