package io.coffer.core.audit;

import io.coffer.core.crypto.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;

/**
 * One audit device's HMAC key. Values written to the device are replaced by
 * {@code hmac-sha256:<hex>} of the value under this key, Vault's format, so that an operator who
 * knows a value can find it in the log (with {@code sys/audit-hash}) while the log alone reveals
 * nothing. The key lives only behind the barrier.
 */
public final class AuditSalt {

    public static final String PREFIX = "hmac-sha256:";
    static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Copied per record (see {@link HmacSha256}), so concurrent records never share a Mac. */
    private final HmacSha256 key;

    private AuditSalt(byte[] key) {
        this.key = HmacSha256.withKey(key);
    }

    public static AuditSalt of(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("an audit salt needs at least 16 bytes");
        }
        return new AuditSalt(key);
    }

    static byte[] newKey() {
        byte[] key = new byte[BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** {@code hmac-sha256:<hex>} of {@code value}. */
    public String hash(String value) {
        return hasher().apply(value);
    }

    /**
     * A hashing function for one thread that reuses one {@link Mac}, for records with many
     * strings. Not thread-safe.
     */
    public UnaryOperator<String> hasher() {
        Mac mac = this.key.newMac();
        return value -> PREFIX + HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh {@link Mac} under this key, for hashing a stream of bytes; not thread-safe. */
    Mac newMac() {
        return key.newMac();
    }

    /** {@code hmac-sha256:<hex>} of what {@code mac} was fed; resets it. */
    static String finish(Mac mac) {
        return PREFIX + HexFormat.of().formatHex(mac.doFinal());
    }

    @Override
    public String toString() {
        return "AuditSalt[redacted]";
    }
}
