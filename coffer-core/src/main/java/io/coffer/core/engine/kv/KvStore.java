package io.coffer.core.engine.kv;

import io.coffer.core.barrier.DecodedCache;
import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.storage.StorageKeys;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.engine.kv.StoredDocs.ConfigDoc;
import io.coffer.core.engine.kv.StoredDocs.DataDoc;
import io.coffer.core.engine.kv.StoredDocs.MetadataDoc;
import io.coffer.core.engine.kv.StoredDocs.VersionDoc;
import io.coffer.core.error.CofferException;
import io.coffer.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Versioned key/value secrets over a storage view: the domain of the KV version 2 engine, with
 * Vault's rules, for any front door to call.
 *
 * <p>Keys are paths of non-empty segments separated by {@code /} ({@code app/db}); a segment may not
 * be {@code .} or {@code ..}. A key may be both a secret and a folder of other keys.
 *
 * <p>Thread-safe. Every change to one key happens under that key's lock (striped by hash), so
 * check-and-set is linearizable; the mount configuration has a lock of its own. Reads take no lock:
 * they read the key's metadata and then the version's data, retrying when a concurrent change
 * removed the data in between, and after two such races reading under the key's lock.
 *
 * <p>Failures are {@link CofferException}s whose messages never contain secret data:
 * {@code INVALID_REQUEST} for a bad key or a rule broken (check-and-set failures are
 * {@link CasException}s), {@code INTERNAL} for corrupt storage.
 */
public final class KvStore {

    static final String CONFIG_KEY = "config";
    static final String METADATA_PREFIX = "metadata/";
    static final String VERSIONS_PREFIX = "versions/";

    private static final int LOCK_STRIPES = 256;
    private static final int READ_ATTEMPTS = 3;

    private final SecureStorage storage;
    private final Clock clock;
    /** Key metadata holds no secret value, so keeping it decoded is safe; bounded to this many keys. */
    private final DecodedCache<MetadataDoc> metadataCache = new DecodedCache<>(10_000);
    /** Never used itself, only copied (see {@link #versionsPrefix}). */
    private static final MessageDigest SHA256_PROTOTYPE = sha256Prototype();
    private final ReentrantLock[] keyLocks = new ReentrantLock[LOCK_STRIPES];
    private final ReentrantLock configLock = new ReentrantLock();

    public KvStore(SecureStorage storage) {
        this(storage, Clock.systemUTC());
    }

    /** A store whose timestamps come from {@code clock}. */
    public KvStore(SecureStorage storage, Clock clock) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (int i = 0; i < LOCK_STRIPES; i++) {
            keyLocks[i] = new ReentrantLock();
        }
    }

    // ---------------------------------------------------------------- configuration

    /** The mount configuration; {@link KvConfig#DEFAULT} until one is written. */
    public KvConfig config() {
        return loadConfig().view();
    }

    /** Applies {@code update} and returns the result. An empty update changes (and writes) nothing. */
    public KvConfig updateConfig(ConfigUpdate update) {
        if (update.maxVersions() != null && update.maxVersions() < 0) {
            throw CofferException.invalid("max_versions must not be negative");
        }
        if (update.isEmpty()) {
            return config();
        }
        configLock.lock();
        try {
            ConfigDoc doc = loadConfig();
            if (update.maxVersions() != null) {
                doc.maxVersions = update.maxVersions();
            }
            if (update.casRequired() != null) {
                doc.casRequired = update.casRequired();
            }
            if (update.deleteVersionAfterSeconds() != null) {
                long dva = update.deleteVersionAfterSeconds();
                doc.deleteVersionAfterSeconds = dva < 0 ? KvConfig.DELETE_VERSION_AFTER_DISABLED : dva;
            }
            storage.put(CONFIG_KEY, Json.write(doc));
            return doc.view();
        } finally {
            configLock.unlock();
        }
    }

    // ---------------------------------------------------------------- reads

    /** The key's metadata; empty when the key does not exist. */
    public Optional<KeyMetadata> readMetadata(String key) {
        MetadataDoc doc = loadMetadataShared(checkedKey(key));
        return doc == null ? Optional.empty() : Optional.of(doc.view());
    }

    /**
     * Version {@code version} of the key, or its current version when {@code version} is 0 or less.
     * Empty when the key or that version does not exist (never written, or pruned); a deleted or
     * destroyed version, and any version of a key scheduled for deletion
     * ({@link KeyEditor#scheduleDeletion}), is returned with {@code data == null}.
     */
    public Optional<VersionRead> readVersion(String key, long version) {
        String k = checkedKey(key);
        return readLive(k, version, (vm, custom, data) -> new VersionRead(vm, custom, data));
    }

    /**
     * The structure of a version's data with the values removed ({@link JsonValues#subkeys}), down to
     * {@code depth} levels (0: all). Version selection and absence as in {@link #readVersion}.
     */
    public Optional<SubkeysRead> subkeys(String key, long version, long depth) {
        String k = checkedKey(key);
        return readLive(k, version, (vm, custom, data) ->
                new SubkeysRead(vm, custom, data == null ? null : JsonValues.subkeys(data, depth)));
    }

    /**
     * The direct children of {@code folder} ({@code ""} for the root, otherwise ending with {@code /}):
     * key names, and folder names ending with {@code /}, in storage list order. With
     * {@code excludeDeleted}, keys whose current version carries a deletion time, and keys scheduled
     * for deletion, are left out.
     */
    public List<String> listKeys(String folder, boolean excludeDeleted) {
        if (!folder.isEmpty()) {
            if (!folder.endsWith("/")) {
                throw CofferException.invalid("a folder to list must end with '/'");
            }
            checkedKey(folder.substring(0, folder.length() - 1));
        }
        List<String> names = storage.list(METADATA_PREFIX + folder);
        if (!excludeDeleted) {
            return names;
        }
        List<String> kept = new ArrayList<>(names.size());
        for (String name : names) {
            if (!name.endsWith("/")) {
                MetadataDoc doc = loadMetadata(folder + name);
                if (doc != null && doc.deletionScheduledTime != null) {
                    continue;
                }
                if (doc != null) {
                    VersionDoc current = doc.versions.get(Labels.readableCurrent(doc));
                    if (current != null && current.deletionTime != null) {
                        continue;
                    }
                }
            }
            kept.add(name);
        }
        return List.copyOf(kept);
    }

    /**
     * Every key in name order (the byte order of the whole UTF-8 name, which is
     * {@link String#compareTo} order for ASCII names), strictly after {@code cursor} (strictly
     * before it when {@code descending}), or from the first (last) key when {@code cursor} is
     * empty. Reads names only, a folder page at a time: resuming from a cursor costs nothing for
     * the keys before it, and the caller decodes only the keys it takes ({@link KeyOrderWalk}).
     */
    public Iterator<String> keysInOrder(Optional<String> cursor, boolean descending) {
        cursor.ifPresent(KvStore::checkedKey);
        return new KeyOrderWalk(storage, METADATA_PREFIX, cursor.orElse(""), descending);
    }

    // ---------------------------------------------------------------- writes of data

    /**
     * Writes {@code data} as a new version. With {@code cas}, the write happens only if the key's
     * current version is {@code cas} (0: only if the key has no version); without it, only if
     * neither the mount nor the key requires check-and-set. Prunes the oldest versions beyond
     * max_versions. The data is stored with its object keys sorted, as Vault returns them.
     * Refused ({@code INVALID_REQUEST}) while the key is scheduled for deletion.
     *
     * @throws CasException when check-and-set refuses the write
     */
    public WriteResult write(String key, Map<String, Object> data, OptionalLong cas) {
        String k = checkedKey(key);
        Map<String, Object> canonical = canonicalData(data);
        KvConfig config = config();
        return withKeyLock(k, () -> {
            MetadataDoc meta = loadMetadata(k);
            if (meta == null) {
                meta = new MetadataDoc(k);
            }
            refuseIfDeletionScheduled(meta);
            checkCas(cas, config, meta);
            return appendAndSave(k, meta, new DataDoc(clock.instant(), canonical), config);
        });
    }

    /**
     * Applies {@code mergePatch} (RFC 7396: {@code null} removes a member) to the data of the key's
     * current version and writes the result as a new version, with check-and-set as in
     * {@link #write}. Nothing is written unless the current version is live.
     *
     * @throws CasException when check-and-set refuses the write
     */
    public PatchResult patch(String key, Map<String, Object> mergePatch, OptionalLong cas) {
        String k = checkedKey(key);
        Objects.requireNonNull(mergePatch, "mergePatch");
        KvConfig config = config();
        return withKeyLock(k, () -> {
            MetadataDoc meta = loadMetadata(k);
            if (meta == null) {
                return new PatchResult.NoKey();
            }
            refuseIfDeletionScheduled(meta);
            checkCas(cas, config, meta);
            long currentNumber = Labels.readableCurrent(meta);
            VersionDoc current = meta.versions.get(currentNumber);
            if (current == null) {
                return new PatchResult.NoKey();
            }
            VersionMetadata vm = current.view(currentNumber);
            if (!vm.isLiveAt(clock.instant())) {
                return new PatchResult.NotLive(vm, meta.custom());
            }
            Map<String, Object> existing = loadData(k, currentNumber)
                    .orElseThrow(() -> CofferException.internal("data of the current version is missing", null));
            @SuppressWarnings("unchecked")
            Map<String, Object> merged = (Map<String, Object>) JsonValues.mergePatch(existing, mergePatch);
            return new PatchResult.Written(appendAndSave(k, meta, new DataDoc(clock.instant(), merged), config));
        });
    }

    /**
     * Soft-deletes the key's current version, unless it is already deleted or destroyed.
     *
     * @return whether a version was deleted
     */
    public boolean deleteLatest(String key) {
        String k = checkedKey(key);
        return withKeyLock(k, () -> {
            MetadataDoc meta = loadMetadata(k);
            if (meta == null) {
                return false;
            }
            long currentNumber = Labels.readableCurrent(meta);
            VersionDoc current = meta.versions.get(currentNumber);
            Instant now = clock.instant();
            if (current == null || current.destroyed || current.view(currentNumber).isDeletedAt(now)) {
                return false;
            }
            current.deletionTime = GoTime.format(now);
            saveMetadata(meta);
            return true;
        });
    }

    /**
     * Soft-deletes the given versions; versions that do not exist, are destroyed or already deleted
     * are skipped. A pending deletion time (delete_version_after) is brought forward to now.
     */
    public void softDelete(String key, Collection<Long> versions) {
        String k = checkedKey(key);
        withKeyLock(k, () -> {
            MetadataDoc meta = loadMetadata(k);
            if (meta == null) {
                return null;
            }
            Instant now = clock.instant();
            boolean changed = false;
            for (long n : versions) {
                VersionDoc v = meta.versions.get(n);
                if (v == null || v.destroyed || v.view(n).isDeletedAt(now)) {
                    continue;
                }
                v.deletionTime = GoTime.format(now);
                changed = true;
            }
            if (changed) {
                saveMetadata(meta);
            }
            return null;
        });
    }

    /**
     * Restores the given soft-deleted versions; destroyed or missing versions are skipped. As in
     * Vault, each restored version gets a fresh deletion time when delete_version_after applies.
     */
    public void undelete(String key, Collection<Long> versions) {
        String k = checkedKey(key);
        KvConfig config = config();
        withKeyLock(k, () -> {
            MetadataDoc meta = loadMetadata(k);
            if (meta == null) {
                return null;
            }
            boolean changed = false;
            for (long n : versions) {
                VersionDoc v = meta.versions.get(n);
                if (v == null || v.destroyed) {
                    continue;
                }
                Instant deletion = deletionTime(clock.instant(), config, meta);
                v.deletionTime = deletion == null ? null : GoTime.format(deletion);
                changed = true;
            }
            if (changed) {
                saveMetadata(meta);
            }
            return null;
        });
    }

    /**
     * Destroys the given versions: marks them destroyed and removes their data for good. Missing or
     * already destroyed versions are skipped.
     */
    public void destroy(String key, Collection<Long> versions) {
        String k = checkedKey(key);
        withKeyLock(k, () -> {
            MetadataDoc meta = loadMetadata(k);
            if (meta == null) {
                return null;
            }
            List<Long> erase = new ArrayList<>();
            for (long n : new TreeSet<>(versions)) {
                VersionDoc v = meta.versions.get(n);
                if (v == null) {
                    continue;
                }
                v.destroyed = true;
                erase.add(n);
            }
            if (erase.isEmpty()) {
                return null;
            }
            // Metadata first: a reader that still sees the version live retries when the data is gone.
            saveMetadata(meta);
            String prefix = versionsPrefix(k);
            for (long n : erase) {
                storage.delete(prefix + n);
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- key metadata

    /**
     * Writes the key's settings, creating the key (with no version) when it does not exist. An
     * empty update does nothing at all, as in Vault.
     */
    public void writeMetadata(String key, MetadataUpdate update) {
        String k = checkedKey(key);
        if (update.isEmpty()) {
            return;
        }
        checkSettings(update.maxVersions(), update.deleteVersionAfterSeconds());
        TreeMap<String, String> custom = null;
        if (update.customMetadata() != null) {
            CustomMetadata.validate(update.customMetadata());
            custom = CustomMetadata.newMap();
            custom.putAll(update.customMetadata());
        }
        TreeMap<String, String> newCustom = custom;
        withKeyLock(k, () -> {
            MetadataDoc meta = loadMetadata(k);
            if (meta == null) {
                meta = new MetadataDoc(k);
                String now = GoTime.format(clock.instant());
                meta.createdTime = now;
                meta.updatedTime = now;
            }
            if (update.maxVersions() != null) {
                meta.maxVersions = update.maxVersions();
            }
            if (update.casRequired() != null) {
                meta.casRequired = update.casRequired();
            }
            if (update.deleteVersionAfterSeconds() != null) {
                meta.deleteVersionAfterSeconds = update.deleteVersionAfterSeconds();
            }
            if (newCustom != null) {
                meta.customMetadata = newCustom.isEmpty() ? null : newCustom;
            }
            saveMetadata(meta);
            return null;
        });
    }

    /**
     * Changes some of the key's settings.
     *
     * @return false when the key does not exist (nothing is created)
     */
    public boolean patchMetadata(String key, MetadataPatch patch) {
        String k = checkedKey(key);
        checkSettings(patch.maxVersions(), patch.deleteVersionAfterSeconds());
        if (patch.customMetadataChanges() != null) {
            Map<String, String> given = new TreeMap<>(JsonValues.KEY_ORDER);
            patch.customMetadataChanges().forEach((name, value) -> {
                if (value != null) {
                    given.put(name, value);
                }
            });
            CustomMetadata.validate(given);
        }
        return withKeyLock(k, () -> {
            MetadataDoc meta = loadMetadata(k);
            if (meta == null) {
                return false;
            }
            if (patch.maxVersions() != null) {
                meta.maxVersions = patch.maxVersions();
            }
            if (patch.casRequired() != null) {
                meta.casRequired = patch.casRequired();
            }
            if (patch.deleteVersionAfterSeconds() != null) {
                meta.deleteVersionAfterSeconds = patch.deleteVersionAfterSeconds();
            }
            if (patch.clearCustomMetadata() || patch.customMetadataChanges() != null) {
                TreeMap<String, String> custom = patch.clearCustomMetadata() ? CustomMetadata.newMap() : meta.custom();
                if (patch.customMetadataChanges() != null) {
                    patch.customMetadataChanges().forEach((name, value) -> {
                        if (value == null) {
                            custom.remove(name);
                        } else {
                            custom.put(name, value);
                        }
                    });
                }
                // The merged result must still be one that a full write would accept (64 keys at most).
                CustomMetadata.validate(custom);
                meta.customMetadata = custom.isEmpty() ? null : custom;
            }
            saveMetadata(meta);
            return true;
        });
    }

    /** Removes the key: every version's data, then its metadata. A missing key is no error. */
    public void deleteMetadataAndAllVersions(String key) {
        String k = checkedKey(key);
        withKeyLock(k, () -> {
            removeKey(k, loadMetadata(k));
            return null;
        });
    }

    // ---------------------------------------------------------------- staged versions (other doors)

    /**
     * The key with version ids, staging labels and door attributes; empty when it does not exist.
     * Takes no lock. The same instance is returned until the key's stored metadata changes (so a
     * door may cache what it derives from it by identity); its attributes are shared and must not
     * be modified.
     */
    public Optional<StagedKey> readStaged(String key) {
        MetadataDoc doc = loadMetadataShared(checkedKey(key));
        if (doc == null) {
            return Optional.empty();
        }
        StagedKey staged = doc.sharedStaged;
        if (staged == null) {
            staged = staged(doc);
            doc.sharedStaged = staged;
        }
        return Optional.of(staged);
    }

    /**
     * The value of version {@code number}; empty when that version does not exist, is deleted or
     * destroyed, or vanished (pruned, destroyed) since the caller read the key's metadata.
     */
    public Optional<SecretValue> readValue(String key, long number) {
        String k = checkedKey(key);
        MetadataDoc meta = loadMetadataShared(k);
        if (meta == null) {
            return Optional.empty();
        }
        VersionDoc v = meta.versions.get(number);
        if (v == null || !v.view(number).isLiveAt(clock.instant())) {
            return Optional.empty();
        }
        return loadValue(k, number);
    }

    /**
     * Runs {@code action} on the key under the key's lock and saves what it changed when it
     * returns normally, so that a door's checks and changes (idempotency, label moves, attributes)
     * are one atomic step. When {@code action} throws, nothing it changed in the key's metadata is
     * saved (a version's data written before the throw stays unreferenced until the key is removed).
     */
    public <T> T edit(String key, Function<KeyEditor, T> action) {
        String k = checkedKey(key);
        KvConfig config = config();
        return withKeyLock(k, () -> {
            KeyEditor editor = new KeyEditor(this, k, loadMetadata(k), config, clock.instant());
            T result = action.apply(editor);
            editor.commit();
            return result;
        });
    }

    StagedKey staged(MetadataDoc doc) {
        List<StagedVersion> versions = new ArrayList<>(doc.versions.size());
        doc.versions.forEach((n, v) -> versions.add(v.staged(n)));
        ObjectNode attributes = doc.attributes == null ? Json.MAPPER.createObjectNode() : doc.attributes.deepCopy();
        return new StagedKey(doc.view(), versions, doc.retention == null ? Retention.MAX_VERSIONS : doc.retention,
                attributes);
    }

    Optional<SecretValue> loadValue(String k, long n) {
        return storage.get(versionsPrefix(k) + n).map(b -> Json.read(b, DataDoc.class).value());
    }

    void removeKey(String k, MetadataDoc meta) {
        String prefix = versionsPrefix(k);
        // Whatever is stored under the key's version folder goes, including leftovers of a write
        // that failed before its metadata was saved.
        TreeSet<Long> numbers = new TreeSet<>();
        if (meta != null) {
            numbers.addAll(meta.versions.keySet());
        }
        for (String name : storage.list(prefix)) {
            if (!name.endsWith("/")) {
                storage.delete(prefix + name);
            }
        }
        for (long n : numbers) {
            storage.delete(prefix + n);
        }
        if (meta != null) {
            storage.delete(METADATA_PREFIX + k);
        }
    }

    // ---------------------------------------------------------------- internals

    @FunctionalInterface
    private interface ReadMapper<T> {
        T map(VersionMetadata version, Map<String, String> customMetadata, Map<String, Object> data);
    }

    private <T> Optional<T> readLive(String k, long version, ReadMapper<T> mapper) {
        for (int attempt = 1; attempt < READ_ATTEMPTS; attempt++) {
            Optional<T> read = readLiveOnce(k, version, mapper);
            if (read != null) {
                return read;
            }
        }
        // Changes kept removing the data between the two reads (a busy writer that prunes or
        // destroys, and a reader that keeps losing its CPU in between): read once more under the
        // key's lock, where no change can come between them, rather than fail a valid read.
        return withKeyLock(k, () -> {
            Optional<T> read = readLiveOnce(k, version, mapper);
            if (read == null) {
                throw CofferException.internal("data of a live version is missing", null);
            }
            return read;
        });
    }

    /** One lock-free read; null when the version's data went away after its metadata was read. */
    private <T> Optional<T> readLiveOnce(String k, long version, ReadMapper<T> mapper) {
        MetadataDoc meta = loadMetadataShared(k);
        if (meta == null) {
            return Optional.empty();
        }
        long n = version > 0 ? version : Labels.readableCurrent(meta);
        VersionDoc v = meta.versions.get(n);
        if (v == null) {
            return Optional.empty();
        }
        VersionMetadata vm = v.view(n);
        if (meta.deletionScheduledTime != null) {
            return Optional.of(mapper.map(asDeletedBySchedule(vm, meta), meta.custom(), null));
        }
        if (!vm.isLiveAt(clock.instant())) {
            return Optional.of(mapper.map(vm, meta.custom(), null));
        }
        Optional<Map<String, Object>> data = loadData(k, n);
        return data.isPresent() ? Optional.of(mapper.map(vm, meta.custom(), data.get())) : null;
    }

    private WriteResult appendAndSave(String k, MetadataDoc meta, DataDoc data, KvConfig config) {
        List<Long> pruned = new ArrayList<>();
        VersionDoc v = appendVersion(k, meta, data, UUID.randomUUID().toString(), Set.of(StagingLabels.CURRENT),
                config, pruned);
        saveMetadata(meta);
        deleteData(k, pruned);
        return new WriteResult(v.view(meta.currentVersion), meta.custom());
    }

    /**
     * Stores {@code data} as the key's next version, attaches {@code labels} to it, and prunes by
     * the key's retention rule. Changes {@code meta} without saving it; the numbers of pruned
     * versions, whose data the caller deletes after saving {@code meta}, are added to {@code pruned}.
     */
    VersionDoc appendVersion(String k, MetadataDoc meta, DataDoc data, String versionId, Set<String> labels,
                             KvConfig config, List<Long> pruned) {
        Instant now = GoTime.parse(data.createdTime);
        long number = meta.currentVersion + 1;
        Instant deletion = deletionTime(now, config, meta);
        storage.put(versionsPrefix(k) + number, Json.write(data));

        VersionDoc v = new VersionDoc(now, deletion);
        v.versionId = versionId;
        meta.currentVersion = number;
        meta.versions.put(number, v);
        meta.updatedTime = v.createdTime;
        if (meta.createdTime == null) {
            meta.createdTime = v.createdTime;
        }
        for (String label : labels) {
            Labels.attach(meta, label, number);
        }
        if (meta.retention == Retention.STAGED) {
            pruneStaged(meta, now, pruned);
        } else {
            pruneWindow(meta, config, pruned);
        }
        return v;
    }

    /** Vault's sliding window: oldest_version stays 0 until the first version is pruned. */
    private static void pruneWindow(MetadataDoc meta, KvConfig config, List<Long> pruned) {
        long max = config.effectiveMaxVersions(meta.maxVersions);
        if (meta.currentVersion - meta.oldestVersion >= max) {
            long newestToPrune = meta.currentVersion - max;
            for (long n = meta.oldestVersion; n <= newestToPrune; n++) {
                meta.versions.remove(n);
                if (n > 0) {
                    pruned.add(n);
                }
            }
            meta.oldestVersion = newestToPrune + 1;
        }
    }

    /** AWS's rule: over the limit, drop the oldest unlabelled versions older than a day. */
    private static void pruneStaged(MetadataDoc meta, Instant now, List<Long> pruned) {
        Instant dayAgo = now.minusSeconds(24 * 3600);
        List<Long> candidates = new ArrayList<>();
        meta.versions.forEach((n, v) -> {
            if (v.labels.isEmpty() && GoTime.parse(v.createdTime).isBefore(dayAgo)) {
                candidates.add(n);
            }
        });
        int excess = meta.versions.size() - Retention.STAGED_LIMIT;
        for (int i = 0; i < excess && i < candidates.size(); i++) {
            meta.versions.remove(candidates.get(i));
            pruned.add(candidates.get(i));
        }
        if (!pruned.isEmpty() && !meta.versions.isEmpty()) {
            meta.oldestVersion = meta.versions.firstKey();
        }
    }

    void deleteData(String k, List<Long> numbers) {
        String prefix = versionsPrefix(k);
        for (long n : numbers) {
            storage.delete(prefix + n);
        }
    }

    /** When a version created at {@code created} is to be deleted, or null: Vault's rule. */
    static Instant deletionTime(Instant created, KvConfig config, MetadataDoc meta) {
        if (config.deleteVersionAfterDisabled()) {
            return null;
        }
        long mount = config.deleteVersionAfterSeconds();
        long key = meta.deleteVersionAfterSeconds;
        if (mount == 0 && key == 0) {
            return null;
        }
        long min = key;
        if ((mount != 0 && mount < min) || min == 0) {
            min = mount;
        }
        return created.plusSeconds(min);
    }

    /**
     * A version of a key scheduled for deletion, as KV readers see it: deleted since the deletion
     * was scheduled (unless it was deleted earlier), like a version Vault soft-deleted.
     */
    private static VersionMetadata asDeletedBySchedule(VersionMetadata vm, MetadataDoc meta) {
        Instant scheduled = GoTime.parse(meta.deletionScheduledTime);
        if (vm.destroyed() || vm.isDeletedAt(scheduled)) {
            return vm;
        }
        return new VersionMetadata(vm.version(), vm.createdTime(), scheduled, false);
    }

    private static void refuseIfDeletionScheduled(MetadataDoc meta) {
        if (meta.deletionScheduledTime != null) {
            throw CofferException.invalid("the secret is scheduled for deletion (AWS DeleteSecret); "
                    + "restore it with RestoreSecret before writing to it");
        }
    }

    private static void checkCas(OptionalLong cas, KvConfig config, MetadataDoc meta) {
        if (cas.isPresent()) {
            if (cas.getAsLong() != meta.currentVersion) {
                throw CasException.mismatch();
            }
        } else if (config.casRequired() || meta.casRequired) {
            throw CasException.required();
        }
    }

    private static void checkSettings(Integer maxVersions, Long deleteVersionAfterSeconds) {
        if (maxVersions != null && maxVersions < 0) {
            throw CofferException.invalid("max_versions must not be negative");
        }
        if (deleteVersionAfterSeconds != null && deleteVersionAfterSeconds < 0) {
            throw CofferException.invalid("delete_version_after must not be negative");
        }
    }

    private static Map<String, Object> canonicalData(Map<String, Object> data) {
        Objects.requireNonNull(data, "data");
        try {
            return JsonValues.canonicalObject(data);
        } catch (IllegalArgumentException e) {
            throw CofferException.invalid(e.getMessage());
        }
    }

    private <T> T withKeyLock(String k, Supplier<T> action) {
        ReentrantLock lock = keyLocks[stripe(k)];
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private static int stripe(String k) {
        int h = k.hashCode();
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h & (LOCK_STRIPES - 1);
    }

    private ConfigDoc loadConfig() {
        return storage.get(CONFIG_KEY).map(b -> Json.read(b, ConfigDoc.class)).orElseGet(ConfigDoc::new);
    }

    /** The key's metadata as a private copy, for writers that change and save it. */
    private MetadataDoc loadMetadata(String k) {
        return storage.get(METADATA_PREFIX + k).map(b -> Json.read(b, MetadataDoc.class)).orElse(null);
    }

    /**
     * The key's metadata for readers, decoded once per stored ciphertext ({@link DecodedCache}): a
     * read of a key then decrypts and parses only its version record. Shared between readers:
     * never change it.
     */
    private MetadataDoc loadMetadataShared(String k) {
        return storage.getDecoded(METADATA_PREFIX + k, metadataCache, b -> Json.read(b, MetadataDoc.class)).orElse(null);
    }

    void saveMetadata(MetadataDoc meta) {
        storage.put(METADATA_PREFIX + meta.key, Json.write(meta));
    }

    private Optional<Map<String, Object>> loadData(String k, long n) {
        return storage.get(versionsPrefix(k) + n).map(b -> {
            DataDoc doc = Json.read(b, DataDoc.class);
            if (doc.data == null) {
                throw CofferException.internal("stored version has no data", null);
            }
            return doc.data;
        });
    }

    /** {@code versions/<sha256 hex of key>/}: hashing keeps any key name out of the version layout. */
    private static String versionsPrefix(String k) {
        try {
            // A copy of a prototype skips the provider lookup of getInstance, on every read.
            MessageDigest sha256 = (MessageDigest) SHA256_PROTOTYPE.clone();
            byte[] digest = sha256.digest(k.getBytes(StandardCharsets.UTF_8));
            return VERSIONS_PREFIX + HexFormat.of().formatHex(digest) + "/";
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 of this JVM cannot be copied", e);
        }
    }

    private static MessageDigest sha256Prototype() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Checks the key rules; messages say what is wrong without echoing the key. */
    static String checkedKey(String key) {
        if (key == null || key.isEmpty()) {
            throw CofferException.invalid("missing path");
        }
        switch (StorageKeys.segmentProblem(key)) {
            case EMPTY -> throw CofferException.invalid("invalid path: it has an empty segment (a leading, trailing or double '/')");
            case RELATIVE -> throw CofferException.invalid("invalid path: segments '.' and '..' are not allowed");
            case NONE -> {
                return key;
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
