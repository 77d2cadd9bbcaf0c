package io.coffer.core.mount;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.engine.SecretsEngine;
import io.coffer.core.engine.SecretsEngineFactory;
import io.coffer.core.error.CofferException;
import io.coffer.core.json.Json;
import io.coffer.core.seal.ShamirSeal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Which engine serves which path prefix. The table is persisted at {@value #TABLE_PATH} behind
 * the barrier, loaded on unseal and dropped on seal. Lookups read an immutable snapshot (a
 * volatile reference), so routing never blocks; changes are serialized and write the whole table.
 *
 * <p>Paths under {@code sys/}, {@code auth/}, {@code cubbyhole/} and {@code identity/} are
 * reserved for the core, as in Vault.
 */
public final class MountTable implements ShamirSeal.Listener {

    static final String TABLE_PATH = "core/mounts";
    private static final Set<String> RESERVED = Set.of("sys/", "auth/", "cubbyhole/", "identity/");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A mounted engine: its entry and its live instance. */
    public record Mounted(MountEntry entry, SecretsEngine engine, SecureStorage storage) {
    }

    /** A request path resolved to a mount. */
    public record Match(Mounted mount, String relativePath) {
    }

    record Stored(@JsonProperty("entries") List<MountEntry> entries) {
    }

    private final SecureStorage storage;
    private final EngineRegistry engines;
    /** Sorted by path, longest prefix found by scanning descending keys. */
    private volatile TreeMap<String, Mounted> mounts = new TreeMap<>();

    public MountTable(SecureStorage storage, EngineRegistry engines) {
        this.storage = storage;
        this.engines = engines;
    }

    @Override
    public synchronized void afterUnseal() {
        List<MountEntry> entries = storage.get(TABLE_PATH)
                .map(b -> Json.read(b, Stored.class).entries())
                .orElse(List.of());
        TreeMap<String, Mounted> loaded = new TreeMap<>();
        for (MountEntry e : entries) {
            loaded.put(e.path(), instantiate(e));
        }
        mounts = loaded;
    }

    @Override
    public synchronized void beforeSeal() {
        mounts = new TreeMap<>();
    }

    /** The mount whose path is the longest prefix of {@code path}, tried segment by segment. */
    public Optional<Match> match(String path) {
        TreeMap<String, Mounted> snapshot = mounts;
        String probe = path.endsWith("/") ? path : path + "/";
        for (int end = probe.length(); end > 0; end = probe.lastIndexOf('/', end - 2) + 1) {
            Mounted m = snapshot.get(probe.substring(0, end));
            if (m != null) {
                String relative = path.length() >= end ? path.substring(end) : "";
                return Optional.of(new Match(m, relative));
            }
        }
        return Optional.empty();
    }

    /** The mount at exactly {@code path} (with or without trailing slash). */
    public Optional<MountEntry> get(String path) {
        Mounted m = mounts.get(normalize(path));
        return m == null ? Optional.empty() : Optional.of(m.entry());
    }

    public List<MountEntry> entries() {
        return mounts.values().stream().map(Mounted::entry).toList();
    }

    /** Mounts a new engine; fails when the path overlaps an existing or reserved mount. */
    public synchronized MountEntry mount(String path, String type, String description, Map<String, String> options,
            MountEntry.MountConfig config) {
        String p = normalize(path);
        validatePath(p);
        for (String reserved : RESERVED) {
            if (p.startsWith(reserved) || reserved.startsWith(p)) {
                throw CofferException.invalid("cannot mount at '" + p + "': the path overlaps the reserved path '" + reserved + "'");
            }
        }
        for (String existing : mounts.keySet()) {
            if (p.startsWith(existing) || existing.startsWith(p)) {
                throw CofferException.invalid("path is already in use at " + existing);
            }
        }
        SecretsEngineFactory factory = engines.find(type)
                .orElseThrow(() -> CofferException.invalid("plugin not found in the catalog: " + type));
        factory.validateOptions(options);
        byte[] accessorBytes = new byte[4];
        RANDOM.nextBytes(accessorBytes);
        MountEntry entry = new MountEntry(p, type, description, UUID.randomUUID().toString(),
                type + "_" + HexFormat.of().formatHex(accessorBytes), options, config, false, false);
        TreeMap<String, Mounted> next = new TreeMap<>(mounts);
        next.put(p, instantiate(entry));
        persist(next);
        mounts = next;
        return entry;
    }

    /** Replaces the tunable parts of a mount (description, config, options). */
    public synchronized MountEntry tune(String path, String description, Map<String, String> options,
            MountEntry.MountConfig config) {
        String p = normalize(path);
        Mounted current = mounts.get(p);
        if (current == null) {
            throw CofferException.invalid("no mount at " + p);
        }
        MountEntry e = current.entry();
        engines.find(e.type()).ifPresent(f -> f.validateOptions(options));
        MountEntry tuned = new MountEntry(e.path(), e.type(), description, e.uuid(), e.accessor(), options, config,
                e.local(), e.sealWrap());
        TreeMap<String, Mounted> next = new TreeMap<>(mounts);
        next.put(p, new Mounted(tuned, current.engine(), current.storage()));
        persist(next);
        mounts = next;
        return tuned;
    }

    /** Removes a mount and erases its data. Unknown paths are a no-op, as in Vault. */
    public synchronized void unmount(String path) {
        String p = normalize(path);
        Mounted removed = mounts.get(p);
        if (removed == null) {
            return;
        }
        TreeMap<String, Mounted> next = new TreeMap<>(mounts);
        next.remove(p);
        persist(next);
        mounts = next;
        removed.engine().unmount();
        eraseTree(storage, removed.entry().storagePrefix());
    }

    private Mounted instantiate(MountEntry entry) {
        SecretsEngineFactory factory = engines.find(entry.type())
                .orElseThrow(() -> CofferException.internal("mount " + entry.path() + " has unknown type " + entry.type(), null));
        SecureStorage view = storage.view(entry.storagePrefix());
        return new Mounted(entry, factory.create(entry, view), view);
    }

    private void persist(TreeMap<String, Mounted> table) {
        storage.put(TABLE_PATH, Json.write(new Stored(new ArrayList<>(table.values().stream().map(Mounted::entry).toList()))));
    }

    static String normalize(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p.endsWith("/") ? p : p + "/";
    }

    private static void validatePath(String p) {
        if (p.equals("/")) {
            throw CofferException.invalid("mount path must not be empty");
        }
        for (String segment : p.substring(0, p.length() - 1).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw CofferException.invalid("mount path has an empty or relative segment");
            }
        }
        if (p.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '*' || c == '+')) {
            throw CofferException.invalid("mount path contains a character that is not allowed");
        }
    }

    private static void eraseTree(SecureStorage storage, String prefix) {
        for (String child : storage.list(prefix)) {
            if (child.endsWith("/")) {
                eraseTree(storage, prefix + child);
            } else {
                storage.delete(prefix + child);
            }
        }
    }
}
