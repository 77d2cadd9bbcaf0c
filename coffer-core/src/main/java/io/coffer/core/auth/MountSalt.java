package io.coffer.core.auth;

import io.coffer.core.crypto.HmacSha256;
import io.coffer.core.barrier.SecureStorage;
import java.security.SecureRandom;

/**
 * A random 256-bit key of one auth mount, kept behind the barrier in the mount's own storage, and
 * the HMAC-SHA256 under it. Credentials (secret IDs, role IDs) and their accessors are stored only
 * as such HMACs, which serve as storage keys: finding a credential is a lookup, not a comparison
 * of secrets, and neither storage nor the barrier's plaintext holds a usable credential.
 *
 * <p>The key is created on first use and read once per engine instance (an engine lives from
 * unseal to seal). Thread-safe.
 */
public final class MountSalt {

    static final String KEY = "salt";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecureStorage storage;
    private volatile HmacSha256 key;

    public MountSalt(SecureStorage storage) {
        this.storage = storage;
    }

    /** The lower-case hex HMAC-SHA256 of {@code value}. */
    public String hmac(String value) {
        return key().hex(value);
    }

    private HmacSha256 key() {
        HmacSha256 k = key;
        if (k != null) {
            return k;
        }
        synchronized (this) {
            if (key == null) {
                byte[] bytes = storage.get(KEY).orElse(null);
                if (bytes == null) {
                    bytes = new byte[32];
                    RANDOM.nextBytes(bytes);
                    storage.put(KEY, bytes);
                }
                key = HmacSha256.withKey(bytes);
            }
            return key;
        }
    }
}
