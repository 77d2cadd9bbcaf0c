package io.coffer.core.barrier;

import java.util.List;
import java.util.Optional;

/**
 * Storage of plaintext values behind the barrier. Engines and core stores see only this; the
 * barrier encrypts on the way down. Same key rules and list semantics as
 * {@link io.coffer.core.storage.StorageBackend}. Every call fails with kind {@code SEALED} while
 * the barrier is sealed.
 */
public interface SecureStorage {

    Optional<byte[]> get(String key);

    void put(String key, byte[] value);

    void delete(String key);

    /** Direct children of {@code prefix} (empty or ending with {@code /}); folders end with {@code /}. */
    List<String> list(String prefix);

    /** A view of this storage in which every key is prefixed with {@code prefix} (ending with {@code /}). */
    default SecureStorage view(String prefix) {
        return new StorageView(this, prefix);
    }
}
