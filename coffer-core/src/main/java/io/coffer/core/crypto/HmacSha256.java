package io.coffer.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 for the salted hashes of tokens, credentials and audit fields. The JCA provider is
 * resolved once (the one {@code Mac.getInstance(String)} picks): that lookup walks the provider
 * list on every call, and these hashes run on every request.
 */
public final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Provider PROVIDER = provider();

    private HmacSha256() {
    }

    /** A key for {@link #newMac}. */
    public static SecretKeySpec key(byte[] bytes) {
        return new SecretKeySpec(bytes, ALGORITHM);
    }

    /** A fresh, initialized {@link Mac}; not thread-safe, so one per thread or per call. */
    public static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM, PROVIDER);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /**
     * An initialized {@link Mac} to {@link #copy} from: copying skips the provider lookup and the
     * key schedule, which cost more than hashing a short string. Never use the prototype itself.
     */
    public static Mac prototype(SecretKeySpec key) {
        return newMac(key);
    }

    /** A fresh copy of {@code prototype}, ready to use; not thread-safe, so one per thread or per call. */
    public static Mac copy(Mac prototype) {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HMAC-SHA256 of this JDK cannot be copied", e);
        }
    }

    /** Lower-case hex of the HMAC of {@code value}'s UTF-8 bytes. */
    public static String hex(SecretKeySpec key, String value) {
        return HexFormat.of().formatHex(newMac(key).doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static Provider provider() {
        try {
            return Mac.getInstance(ALGORITHM).getProvider();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no " + ALGORITHM, e);
        }
    }
}
