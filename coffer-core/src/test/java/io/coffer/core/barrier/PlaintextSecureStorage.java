package io.coffer.core.barrier;

import io.coffer.core.storage.StorageBackend;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link SecureStorage} for tests that stores plaintext straight in a {@link StorageBackend},
 * without a barrier, so tests can look at what an engine stored.
 */
public final class PlaintextSecureStorage implements SecureStorage {

    private final StorageBackend backend;

    public PlaintextSecureStorage(StorageBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    @Override
    public Optional<byte[]> get(String key) {
        return backend.get(key);
    }

    @Override
    public void put(String key, byte[] value) {
        backend.put(key, value);
    }

    @Override
    public void delete(String key) {
        backend.delete(key);
    }

    @Override
    public List<String> list(String prefix) {
        return backend.list(prefix);
    }
}
