package io.coffer.core.barrier;

import io.coffer.core.storage.StorageKeys;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link SecureStorage} confined to one prefix: a mount's engine gets a view of
 * {@code logical/<mount uuid>/} and cannot name a key outside it, because every key it passes is
 * appended to the prefix and keys may not contain empty or relative segments.
 */
final class StorageView implements SecureStorage {

    private final SecureStorage delegate;
    private final String prefix;

    StorageView(SecureStorage delegate, String prefix) {
        if (prefix.isEmpty() || !prefix.endsWith("/")) {
            throw new IllegalArgumentException("view prefix must end with '/'");
        }
        this.delegate = delegate;
        this.prefix = prefix;
    }

    @Override
    public Optional<byte[]> get(String key) {
        return delegate.get(prefix + checked(key));
    }

    @Override
    public <T> Optional<T> getDecoded(String key, DecodedCache<T> cache, Function<byte[], T> decoder) {
        return delegate.getDecoded(prefix + checked(key), cache, decoder);
    }

    @Override
    public void put(String key, byte[] value) {
        delegate.put(prefix + checked(key), value);
    }

    @Override
    public void delete(String key) {
        delegate.delete(prefix + checked(key));
    }

    @Override
    public List<String> list(String listPrefix) {
        return delegate.list(prefix + checkedFolder(listPrefix));
    }

    @Override
    public List<String> listPage(String listPrefix, String after, int limit) {
        return delegate.listPage(prefix + checkedFolder(listPrefix), after, limit);
    }

    @Override
    public List<String> listPageBefore(String listPrefix, String before, int limit) {
        return delegate.listPageBefore(prefix + checkedFolder(listPrefix), before, limit);
    }

    private static String checkedFolder(String listPrefix) {
        if (!listPrefix.isEmpty()) {
            checked(listPrefix.substring(0, listPrefix.length() - 1));
        }
        return listPrefix;
    }

    private static String checked(String key) {
        if (StorageKeys.segmentProblem(key) != StorageKeys.SegmentProblem.NONE) {
            throw new IllegalArgumentException("storage key has an empty or relative segment");
        }
        return key;
    }
}
