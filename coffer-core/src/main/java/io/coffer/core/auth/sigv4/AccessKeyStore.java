package io.coffer.core.auth.sigv4;

import io.coffer.core.barrier.DecodedCache;
import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.json.Json;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The access keys of the {@code sigv4} mount, one storage entry per key id, in the mount's
 * storage view (so encrypted by the barrier with the entry's path as associated data).
 *
 * <p>Generated ids are {@code AKIA} followed by 16 characters of the RFC 4648 base32 alphabet
 * ({@code A-Z}, {@code 2-7}): 80 random bits, the shape AWS's long-term key ids have. Secrets are
 * 40 characters of the base64 alphabet: 240 random bits.
 */
public final class AccessKeyStore {

    static final String KEY_PREFIX = "key/";
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Access keys kept decoded at most; past this the cache starts over. */
    private static final int MAX_CACHED_KEYS = 10_000;

    private final SecureStorage storage;
    /** Null for a store that keeps nothing decoded. */
    private final DecodedCache<AccessKey> decoded;

    /** A store that decrypts and parses a key on every lookup. */
    public AccessKeyStore(SecureStorage storage) {
        this.storage = storage;
        this.decoded = null;
    }

    /**
     * A store whose lookups decode each stored key once per ciphertext (every signed AWS request
     * looks its key up): a write or delete by any node is seen at once, since the stored bytes
     * change. The cache holds secret access keys: its owner must {@link DecodedCache#clear() clear}
     * it before the barrier seals.
     */
    public AccessKeyStore(SecureStorage storage, DecodedCache<AccessKey> decoded) {
        this.storage = storage;
        this.decoded = Objects.requireNonNull(decoded, "decoded");
    }

    /** A cache for {@link #AccessKeyStore(SecureStorage, DecodedCache)}, shared by the stores of one node. */
    public static DecodedCache<AccessKey> newCache() {
        return new DecodedCache<>(MAX_CACHED_KEYS);
    }

    public Optional<AccessKey> find(String id) {
        if (!isStorableId(id)) {
            return Optional.empty();
        }
        if (decoded == null) {
            return storage.get(KEY_PREFIX + id).map(AccessKeyStore::decode);
        }
        return storage.getDecoded(KEY_PREFIX + id, decoded, AccessKeyStore::decode);
    }

    private static AccessKey decode(byte[] stored) {
        return Json.read(stored, AccessKey.class);
    }

    /** Stores a key, replacing one with the same id. */
    public void put(AccessKey key) {
        if (!isStorableId(key.id())) {
            throw new IllegalArgumentException("access key id has a character that cannot be stored");
        }
        storage.put(KEY_PREFIX + key.id(), Json.write(key));
    }

    public List<String> ids() {
        return storage.list(KEY_PREFIX).stream().filter(n -> !n.endsWith("/")).sorted().toList();
    }

    public void delete(String id) {
        if (isStorableId(id)) {
            storage.delete(KEY_PREFIX + id);
        }
    }

    static String newId() {
        return "AKIA" + random(ID_ALPHABET, 16);
    }

    static String newSecret() {
        return random(SECRET_ALPHABET, 40);
    }

    /**
     * Whether {@code id} can name a key: 1 to 128 printable ASCII characters without {@code /}
     * (it is a storage path segment and the first part of a SigV4 credential scope).
     */
    public static boolean isStorableId(String id) {
        return id != null && !id.isEmpty() && id.length() <= 128 && id.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '/')
                && !id.equals(".") && !id.equals("..");
    }

    private static String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
