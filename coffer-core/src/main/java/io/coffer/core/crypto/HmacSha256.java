package io.coffer.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one key, for the salted hashes of tokens, credentials and audit fields, which
 * run on every request. The JCA provider is resolved once (the one {@code Mac.getInstance(String)}
 * picks: that lookup walks the provider list on every call), and the key is set up once in a
 * prototype {@link Mac} that each hash copies, skipping the provider lookup and the key schedule.
 * Thread-safe: the prototype is never used itself, only copied.
 */
public final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Provider PROVIDER = provider();

    private final Mac prototype;

    private HmacSha256(byte[] key) {
        this.prototype = newMac(new SecretKeySpec(key, ALGORITHM));
    }

    /** HMAC-SHA256 under {@code key}; the array is not kept. */
    public static HmacSha256 withKey(byte[] key) {
        return new HmacSha256(key);
    }

    /** A ready {@link Mac} under this key; not thread-safe, so one per thread or per call. */
    public Mac newMac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HMAC-SHA256 of this JDK cannot be copied", e);
        }
    }

    /** The HMAC of {@code data}. */
    public byte[] mac(byte[] data) {
        return newMac().doFinal(data);
    }

    /** Lower-case hex of the HMAC of {@code value}'s UTF-8 bytes. */
    public String hex(String value) {
        return HexFormat.of().formatHex(mac(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** The HMAC of {@code data} under a key used once (SigV4's key derivation), without a prototype. */
    public static byte[] mac(byte[] key, byte[] data) {
        return newMac(new SecretKeySpec(key, ALGORITHM)).doFinal(data);
    }

    @Override
    public String toString() {
        return "HmacSha256[key redacted]";
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM, PROVIDER);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    private static Provider provider() {
        try {
            return Mac.getInstance(ALGORITHM).getProvider();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no " + ALGORITHM, e);
        }
    }
}
