package io.coffer.core.storage;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * In-memory storage that calls a hook with the key before every read: for tests that make reads
 * slow (a slow server) or race them with a concurrent change. The hook may be swapped at any time.
 */
public final class ReadHookStorage implements StorageBackend {

    private final InMemoryStorage memory = new InMemoryStorage();
    private volatile Consumer<String> beforeGet = key -> { };

    /** Runs {@code hook} with the key before each later read. */
    public void beforeGet(Consumer<String> hook) {
        this.beforeGet = hook;
    }

    @Override
    public Optional<byte[]> get(String key) {
        beforeGet.accept(key);
        return memory.get(key);
    }

    @Override
    public void put(String key, byte[] value) {
        memory.put(key, value);
    }

    @Override
    public void delete(String key) {
        memory.delete(key);
    }

    @Override
    public List<String> list(String prefix) {
        return memory.list(prefix);
    }

    @Override
    public void close() {
        memory.close();
    }
}
