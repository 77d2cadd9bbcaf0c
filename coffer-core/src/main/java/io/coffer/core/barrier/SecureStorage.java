package io.coffer.core.barrier;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Storage of plaintext values behind the barrier. Engines and core stores see only this; the
 * barrier encrypts on the way down. Same key rules and list semantics as
 * {@link io.coffer.core.storage.StorageBackend}. Every call fails with kind {@code SEALED} while
 * the barrier is sealed.
 */
public interface SecureStorage {

    Optional<byte[]> get(String key);

    /**
     * Like {@code get(key).map(decoder)}, but an unchanged record is decoded once: the value comes
     * from {@code cache} while the stored ciphertext is the one it was decoded from. The decoded
     * value is shared: never change it.
     */
    default <T> Optional<T> getDecoded(String key, DecodedCache<T> cache, Function<byte[], T> decoder) {
        return get(key).map(decoder);
    }

    void put(String key, byte[] value);

    void delete(String key);

    /** Direct children of {@code prefix} (empty or ending with {@code /}); folders end with {@code /}. */
    List<String> list(String prefix);

    /** One page of {@link #list} after {@code after}, as {@link io.coffer.core.storage.StorageBackend#listPage}. */
    default List<String> listPage(String prefix, String after, int limit) {
        return io.coffer.core.storage.PagedLists.after(list(prefix), after, limit);
    }

    /** One page of {@link #list} backwards, as {@link io.coffer.core.storage.StorageBackend#listPageBefore}. */
    default List<String> listPageBefore(String prefix, String before, int limit) {
        return io.coffer.core.storage.PagedLists.before(list(prefix), before, limit);
    }

    /** A view of this storage in which every key is prefixed with {@code prefix} (ending with {@code /}). */
    default SecureStorage view(String prefix) {
        return new StorageView(this, prefix);
    }
}
