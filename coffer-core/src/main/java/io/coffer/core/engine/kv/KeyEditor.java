package io.coffer.core.engine.kv;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.engine.kv.StoredDocs.DataDoc;
import io.coffer.core.engine.kv.StoredDocs.MetadataDoc;
import io.coffer.core.engine.kv.StoredDocs.VersionDoc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One key, changed under its lock inside {@link KvStore#edit}: read its versions and values,
 * append versions with ids and labels, move labels, set the door's attributes, or remove the key.
 * Changes to the metadata are saved when the edit returns. Not thread-safe; valid only inside the
 * edit that created it.
 */
public final class KeyEditor {

    private final KvStore store;
    private final String key;
    private final KvConfig config;
    private final Instant now;
    private final List<Long> pruned = new ArrayList<>();
    private MetadataDoc meta;
    private boolean dirty;
    private boolean removed;

    KeyEditor(KvStore store, String key, MetadataDoc meta, KvConfig config, Instant now) {
        this.store = store;
        this.key = key;
        this.meta = meta;
        this.config = config;
        this.now = now;
    }

    /** The time the edit runs at (the store's clock, read once). */
    public Instant now() {
        return now;
    }

    public boolean exists() {
        return meta != null;
    }

    /** Creates the key with no version, pruned by {@code retention}; it must not exist. */
    public void create(Retention retention) {
        if (meta != null) {
            throw new IllegalStateException("the key exists");
        }
        meta = new MetadataDoc(key);
        meta.createdTime = GoTime.format(now);
        meta.updatedTime = meta.createdTime;
        meta.retention = retention == Retention.MAX_VERSIONS ? null : retention;
        removed = false;
        dirty = true;
    }

    /**
     * Whether the mount or the key requires check-and-set: a KV write must then name the version
     * it replaces, and a door that cannot must not move the current version blindly either.
     */
    public boolean checkAndSetRequired() {
        return config.casRequired() || (meta != null && meta.casRequired);
    }

    /** The key as it stands in this edit. */
    public StagedKey view() {
        return store.staged(existing());
    }

    /** The value of version {@code number} when it is live. */
    public Optional<SecretValue> value(long number) {
        VersionDoc v = existing().versions.get(number);
        if (v == null || !v.view(number).isLiveAt(now)) {
            return Optional.empty();
        }
        return store.loadValue(key, number);
    }

    /**
     * Writes {@code value} as the key's next version with id {@code versionId} and attaches
     * {@code labels} (moving them from other versions; AWSCURRENT's previous holder becomes
     * AWSPREVIOUS), then prunes by the key's retention rule.
     */
    public StagedVersion append(SecretValue value, String versionId, Collection<String> labels) {
        MetadataDoc m = existing();
        Objects.requireNonNull(versionId, "versionId");
        for (VersionDoc v : m.versions.values()) {
            if (versionId.equals(v.versionId)) {
                throw new IllegalArgumentException("version id already used");
            }
        }
        VersionDoc v = store.appendVersion(key, m, new DataDoc(now, value), versionId, new LinkedHashSet<>(labels),
                config, pruned);
        dirty = true;
        return v.staged(m.currentVersion);
    }

    /** Moves {@code label} onto version {@code number} (see {@link #append} for AWSCURRENT). */
    public void attach(String label, long number) {
        Labels.attach(existing(), label, number);
        dirty = true;
    }

    /** Removes {@code label} from whichever version carries it. */
    public void detach(String label) {
        Labels.detach(existing(), label);
        dirty = true;
    }

    /** Replaces the door's attributes of the key. */
    public void attributes(ObjectNode attributes) {
        existing().attributes = attributes.deepCopy();
        dirty = true;
    }

    /**
     * Marks the key as scheduled for deletion from now on: until {@link #cancelScheduledDeletion},
     * KV reads answer as for a deleted version and KV writes are refused, so that a secret another
     * door deleted (with a recovery window) cannot be read or revived through KV either.
     */
    public void scheduleDeletion() {
        existing().deletionScheduledTime = GoTime.format(now);
        dirty = true;
    }

    /** Lifts {@link #scheduleDeletion}: the key reads and writes through KV again. */
    public void cancelScheduledDeletion() {
        existing().deletionScheduledTime = null;
        dirty = true;
    }

    /** Removes the key, its versions and its attributes now. */
    public void remove() {
        store.removeKey(key, existing());
        meta = null;
        removed = true;
        dirty = false;
        pruned.clear();
    }

    void commit() {
        if (dirty && !removed) {
            store.saveMetadata(meta);
            store.deleteData(key, pruned);
        }
    }

    private MetadataDoc existing() {
        if (meta == null) {
            throw new IllegalStateException("the key does not exist");
        }
        return meta;
    }
}
