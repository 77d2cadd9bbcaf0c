package io.coffer.core.storage;

import java.util.List;
import java.util.Optional;

/**
 * Physical storage: a flat map from string keys to opaque bytes.
 *
 * <p><b>Storage is untrusted.</b> It is only ever accessed through the barrier, which encrypts
 * every value and binds it to its key; a backend never sees plaintext and needs no secrecy of its
 * own. A backend must, however, be durable: once {@link #put} or {@link #delete} returns, the
 * change survives a crash of the process.
 *
 * <p>Keys are non-empty strings of segments separated by {@code /}. A key never ends with
 * {@code /}, never starts with {@code /}, contains no empty segment, and is well-formed Unicode
 * (no unpaired surrogate, so that it has a UTF-8 form). A key may be both a value and a prefix of
 * other keys ({@code a} and {@code a/b} may coexist).
 *
 * <p>Contract, checked by {@code StorageBackendContract} for every implementation:
 * <ul>
 *   <li>{@link #get} of a missing key is empty, not an error;</li>
 *   <li>{@link #delete} of a missing key succeeds;</li>
 *   <li>{@link #put} replaces the whole value; values may be empty and hold any byte;</li>
 *   <li>{@link #list} returns one level under a prefix: direct children by name, folders with a
 *       trailing {@code /}, sorted by their UTF-8 bytes, each once;</li>
 *   <li>all methods are safe to call from many threads at once; each call is atomic.</li>
 * </ul>
 * Failures of the medium surface as {@link io.coffer.core.error.CofferException} of kind
 * {@code UNAVAILABLE}; messages name the operation, never the value.
 *
 * <p>Optional powers (transactions, HA lock, change notifications) are separate interfaces that
 * a backend may also implement.
 */
public interface StorageBackend extends AutoCloseable {

    /** The stored value, or empty when the key does not exist. The returned array is the caller's. */
    Optional<byte[]> get(String key);

    /** Stores {@code value} under {@code key}, replacing any previous value. Durable on return. */
    void put(String key, byte[] value);

    /** Removes {@code key}; succeeds when it does not exist. Durable on return. */
    void delete(String key);

    /**
     * The direct children of {@code prefix}. {@code prefix} is empty (the root) or ends with
     * {@code /}. For keys {@code a/b}, {@code a/c/d} and {@code a/c/e}, {@code list("a/")} is
     * {@code ["b", "c/"]}.
     */
    List<String> list(String prefix);

    /**
     * One page of {@link #list}: at most {@code limit} entries strictly after {@code after} in
     * list order ({@code after} empty for the first page).
     */
    default List<String> listPage(String prefix, String after, int limit) {
        return PagedLists.after(list(prefix), after, limit);
    }

    /**
     * One page of {@link #list} walked backwards: at most {@code limit} entries strictly before
     * {@code before} in list order ({@code before} empty to start from the last entry), last
     * entry first. Lets a caller page a listing in descending order from a cursor without reading
     * the entries it skips.
     */
    default List<String> listPageBefore(String prefix, String before, int limit) {
        return PagedLists.before(list(prefix), before, limit);
    }

    /** Releases files and connections. The backend is unusable afterwards. */
    @Override
    void close();
}
