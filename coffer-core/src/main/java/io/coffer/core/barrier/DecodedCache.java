package io.coffer.core.barrier;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Decoded records of one kind, each kept with the exact ciphertext it was decoded from, so that
 * reading an unchanged record skips decryption and parsing (see {@link SecureStorage#getDecoded}).
 * A record counts as unchanged only while storage returns byte-for-byte the same ciphertext: every
 * write encrypts under a fresh nonce, so a write by this node or any other node sharing the storage
 * invalidates the entry without any signal. Bounded: past {@code maxEntries} it starts over.
 *
 * <p>Decoded values are shared between readers: callers must treat them as immutable. Only cache
 * what is not secret (metadata, not secret values), because entries live until they are replaced,
 * unless the owner {@link #clear() clears} the cache before the barrier seals (as the access key
 * cache of the {@code sigv4} auth method does).
 *
 * @param <T> the decoded type
 */
public final class DecodedCache<T> {

    private record Entry<T>(byte[] ciphertext, T value) {
    }

    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry<T>> entries = new ConcurrentHashMap<>();

    public DecodedCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    /** The value decoded from {@code ciphertext} at {@code key}, decrypting and decoding only on a miss. */
    T decode(String key, byte[] ciphertext, Function<byte[], byte[]> decrypt, Function<byte[], T> decoder) {
        Entry<T> cached = entries.get(key);
        if (cached != null && Arrays.equals(cached.ciphertext(), ciphertext)) {
            return cached.value();
        }
        T value = decoder.apply(decrypt.apply(ciphertext));
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(ciphertext, value));
        return value;
    }

    /** Drops every entry; a cache of secret material must be cleared before the barrier seals. */
    public void clear() {
        entries.clear();
    }

    /** How many records are cached; for tests. */
    int size() {
        return entries.size();
    }
}
