package io.coffer.core.storage;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Storage in a sorted concurrent map: dev mode and tests. Nothing survives the process, so the
 * durability clause of the contract holds trivially for the process's lifetime.
 */
public final class InMemoryStorage implements StorageBackend {

    private final ConcurrentSkipListMap<String, byte[]> entries = new ConcurrentSkipListMap<>(StorageKeys::compare);

    @Override
    public Optional<byte[]> get(String key) {
        byte[] value = entries.get(StorageKeys.requireValidKey(key));
        return value == null ? Optional.empty() : Optional.of(value.clone());
    }

    @Override
    public void put(String key, byte[] value) {
        entries.put(StorageKeys.requireValidKey(key), value.clone());
    }

    @Override
    public void delete(String key) {
        entries.remove(StorageKeys.requireValidKey(key));
    }

    @Override
    public List<String> list(String prefix) {
        StorageKeys.requireValidPrefix(prefix);
        // Many keys collapse into one folder entry; a sorted set deduplicates them in list order.
        TreeSet<String> children = new TreeSet<>(StorageKeys::compare);
        for (String key : entries.tailMap(prefix, true).keySet()) {
            if (!key.startsWith(prefix)) {
                break;
            }
            children.add(StorageKeys.childOf(prefix, key));
        }
        return List.copyOf(children);
    }

    @Override
    public void close() {
        entries.clear();
    }
}
