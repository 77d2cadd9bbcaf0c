package io.coffer.core.token;

import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the token store keeps its records behind the barrier, all keyed by salted HMACs (never by
 * a token or an accessor):
 * <pre>
 * sys/token/id/&lt;hash&gt;                     the entry
 * sys/token/accessor/&lt;accessor hash&gt;      the token's hash
 * sys/token/parent/&lt;parent hash&gt;/&lt;hash&gt;   one per child, for revoking subtrees
 * sys/token/mount/&lt;mount uuid&gt;/&lt;hash&gt;    tokens an auth mount's logins issued
 * sys/token/expiry/&lt;minute&gt;/&lt;hash&gt;       tokens whose lease ends in that minute
 * </pre>
 * Index entries are written before the entry and removed after it, so a crash in between leaves at
 * worst an index entry pointing at nothing, which readers skip and clean up. Entries are cached
 * (they hold no secret); callers hold the token's lock around every change so the cache never
 * resurrects a deleted entry.
 */
final class TokenRecords {

    static final String ID_PREFIX = "sys/token/id/";
    static final String ACCESSOR_PREFIX = "sys/token/accessor/";
    static final String PARENT_PREFIX = "sys/token/parent/";
    static final String MOUNT_PREFIX = "sys/token/mount/";
    static final String EXPIRY_PREFIX = "sys/token/expiry/";

    private static final byte[] MARKER = new byte[0];

    private final SecureStorage storage;
    private final Map<String, TokenEntry> cache = new ConcurrentHashMap<>();

    TokenRecords(SecureStorage storage) {
        this.storage = storage;
    }

    /** The cached entry, without touching storage. */
    Optional<TokenEntry> cached(String hash) {
        return Optional.ofNullable(cache.get(hash));
    }

    /** Reads the entry from storage into the cache; call with the token's lock held. */
    Optional<TokenEntry> load(String hash) {
        TokenEntry cached = cache.get(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<TokenEntry> stored = storage.get(ID_PREFIX + hash).map(b -> Json.read(b, TokenEntry.class));
        stored.ifPresent(e -> cache.put(hash, e));
        return stored;
    }

    boolean exists(String hash) {
        return cache.containsKey(hash) || storage.get(ID_PREFIX + hash).isPresent();
    }

    /** Writes a new entry and its indexes; {@code byMount} adds it to its issuing mount's index. */
    void create(String hash, String accessorHash, TokenEntry entry, boolean byMount) {
        storage.put(ACCESSOR_PREFIX + accessorHash, hash.getBytes(StandardCharsets.UTF_8));
        if (!entry.isOrphan()) {
            storage.put(PARENT_PREFIX + entry.parentHash() + "/" + hash, MARKER);
        }
        if (byMount && !entry.issuingMountUuid().isEmpty()) {
            storage.put(MOUNT_PREFIX + entry.issuingMountUuid() + "/" + hash, MARKER);
        }
        if (entry.expireTime() != 0) {
            storage.put(expiryKey(entry.expireTime(), hash), MARKER);
        }
        storage.put(ID_PREFIX + hash, Json.write(entry));
        cache.put(hash, entry);
    }

    /** Replaces an entry, moving its expiry and parent index entries when those changed. */
    void update(String hash, TokenEntry before, TokenEntry after) {
        if (after.expireTime() != before.expireTime() && after.expireTime() != 0) {
            storage.put(expiryKey(after.expireTime(), hash), MARKER);
        }
        storage.put(ID_PREFIX + hash, Json.write(after));
        cache.put(hash, after);
        if (before.expireTime() != after.expireTime() && before.expireTime() != 0
                && !bucketOf(before.expireTime()).equals(after.expireTime() == 0 ? "" : bucketOf(after.expireTime()))) {
            storage.delete(expiryKey(before.expireTime(), hash));
        }
        if (!before.parentHash().equals(after.parentHash()) && !before.isOrphan()) {
            storage.delete(PARENT_PREFIX + before.parentHash() + "/" + hash);
        }
    }

    /** Deletes an entry (first, so the token stops working at once) and then its indexes. */
    void delete(String hash, String accessorHash, TokenEntry entry) {
        storage.delete(ID_PREFIX + hash);
        cache.remove(hash);
        storage.delete(ACCESSOR_PREFIX + accessorHash);
        if (!entry.isOrphan()) {
            storage.delete(PARENT_PREFIX + entry.parentHash() + "/" + hash);
        }
        if (!entry.issuingMountUuid().isEmpty()) {
            storage.delete(MOUNT_PREFIX + entry.issuingMountUuid() + "/" + hash);
        }
        if (entry.expireTime() != 0) {
            storage.delete(expiryKey(entry.expireTime(), hash));
        }
    }

    Optional<String> hashOfAccessor(String accessorHash) {
        return storage.get(ACCESSOR_PREFIX + accessorHash).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    void deleteAccessorIndex(String accessorHash) {
        storage.delete(ACCESSOR_PREFIX + accessorHash);
    }

    List<String> children(String parentHash) {
        return storage.list(PARENT_PREFIX + parentHash + "/");
    }

    void deleteChildIndex(String parentHash, String childHash) {
        storage.delete(PARENT_PREFIX + parentHash + "/" + childHash);
    }

    List<String> issuedBy(String mountUuid) {
        return storage.list(MOUNT_PREFIX + mountUuid + "/");
    }

    void deleteMountIndex(String mountUuid, String hash) {
        storage.delete(MOUNT_PREFIX + mountUuid + "/" + hash);
    }

    List<String> allHashes() {
        return storage.list(ID_PREFIX);
    }

    /** Expiry buckets, oldest first (names sort as numbers: they are zero-padded). */
    List<String> expiryBuckets() {
        return storage.list(EXPIRY_PREFIX).stream().filter(b -> b.endsWith("/")).map(b -> b.substring(0, b.length() - 1))
                .toList();
    }

    List<String> expiringIn(String bucket) {
        return storage.list(EXPIRY_PREFIX + bucket + "/");
    }

    void deleteExpiryIndex(String bucket, String hash) {
        storage.delete(EXPIRY_PREFIX + bucket + "/" + hash);
    }

    void clearCache() {
        cache.clear();
    }

    /** The minute an expiry time falls in, zero-padded so that names sort by time. */
    static String bucketOf(long epochSecond) {
        return String.format("%012d", Math.floorDiv(epochSecond, 60));
    }

    /** The first second of a bucket. */
    static long bucketStart(String bucket) {
        return Long.parseLong(bucket) * 60;
    }

    private static String expiryKey(long epochSecond, String hash) {
        return EXPIRY_PREFIX + bucketOf(epochSecond) + "/" + hash;
    }
}
