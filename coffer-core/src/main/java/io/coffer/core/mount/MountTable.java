package io.coffer.core.mount;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.engine.SecretsEngine;
import io.coffer.core.engine.SecretsEngineFactory;
import io.coffer.core.error.ClientText;
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
 * Which engine serves which path prefix. Two tables exist, as in Vault: secrets engines
 * ({@link Kind#SECRETS}, paths such as {@code secret/}) and auth methods ({@link Kind#AUTH},
 * paths relative to {@code auth/}, such as {@code approle/}). A table is persisted behind the
 * barrier, loaded on unseal and dropped on seal. Lookups read an immutable snapshot (a volatile
 * reference), so routing never blocks; changes are serialized and write the whole table.
 *
 * <p>Secrets paths under {@code sys/}, {@code auth/}, {@code cubbyhole/} and {@code identity/} are
 * reserved for the core. Built-in mounts (the token auth method) are created on first unseal and
 * cannot be removed.
 */
public final class MountTable implements ShamirSeal.Listener {

    /** The two mount tables and where each keeps its entries and its mounts' data. */
    public enum Kind {
        SECRETS("core/mounts", "logical/", Set.of("sys/", "auth/", "cubbyhole/", "identity/")),
        AUTH("core/auth", "auth/", Set.of());

        final String tablePath;
        final String storageRoot;
        final Set<String> reserved;

        Kind(String tablePath, String storageRoot, Set<String> reserved) {
            this.tablePath = tablePath;
            this.storageRoot = storageRoot;
            this.reserved = reserved;
        }
    }

    /** A mount the core creates itself and that cannot be removed. */
    public record Builtin(String path, String type, String description) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A mounted engine: its entry and its live instance. */
    public record Mounted(MountEntry entry, SecretsEngine engine, SecureStorage storage) {
    }

    /** A request path resolved to a mount. */
    public record Match(Mounted mount, String relativePath) {
    }

    record Stored(@JsonProperty("entries") List<MountEntry> entries) {
    }

    private final Kind kind;
    private final SecureStorage storage;
    private final EngineRegistry engines;
    private final List<Builtin> builtins;
    private volatile TreeMap<String, Mounted> mounts = new TreeMap<>();

    public MountTable(SecureStorage storage, EngineRegistry engines) {
        this(Kind.SECRETS, storage, engines, List.of());
    }

    public MountTable(Kind kind, SecureStorage storage, EngineRegistry engines, List<Builtin> builtins) {
        this.kind = kind;
        this.storage = storage;
        this.engines = engines;
        this.builtins = List.copyOf(builtins);
    }

    @Override
    public synchronized void afterUnseal() {
        List<MountEntry> entries = storage.get(kind.tablePath)
                .map(b -> Json.read(b, Stored.class).entries())
                .orElse(List.of());
        TreeMap<String, Mounted> loaded = new TreeMap<>();
        for (MountEntry e : entries) {
            loaded.put(e.path(), instantiate(e));
        }
        mounts = loaded;
        for (Builtin b : builtins) {
            if (!loaded.containsKey(b.path())) {
                mount(b.path(), b.type(), b.description(), Map.of(), MountEntry.MountConfig.DEFAULT);
            }
        }
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

    /** The path of the built-in mount of {@code type}, when the core creates one itself. */
    public Optional<String> builtinPathOf(String type) {
        return builtins.stream().filter(b -> b.type().equals(type)).map(Builtin::path).findFirst();
    }

    /** The mount at exactly {@code path} (with or without trailing slash). */
    public Optional<MountEntry> get(String path) {
        Mounted m = mounts.get(normalize(path));
        return m == null ? Optional.empty() : Optional.of(m.entry());
    }

    /** The mount whose uuid is {@code uuid}; uuids are never reused, so a removed mount is empty. */
    public Optional<MountEntry> byUuid(String uuid) {
        return mounts.values().stream().map(Mounted::entry).filter(e -> e.uuid().equals(uuid)).findFirst();
    }

    public List<MountEntry> entries() {
        return mounts.values().stream().map(Mounted::entry).toList();
    }

    /** Mounts a new engine; fails when the path overlaps an existing or reserved mount. */
    public synchronized MountEntry mount(String path, String type, String description, Map<String, String> options,
            MountEntry.MountConfig config) {
        String p = normalize(path);
        validatePath(p);
        for (String reserved : kind.reserved) {
            if (p.startsWith(reserved) || reserved.startsWith(p)) {
                throw CofferException.invalid("cannot mount at '" + ClientText.escape(p) + "': the path overlaps the reserved path '" + reserved + "'");
            }
        }
        for (String existing : mounts.keySet()) {
            if (p.startsWith(existing) || existing.startsWith(p)) {
                throw CofferException.invalid("path is already in use at " + ClientText.escape(existing));
            }
        }
        SecretsEngineFactory factory = engines.find(type)
                .orElseThrow(() -> CofferException.invalid("plugin not found in the catalog: " + ClientText.escape(type)));
        factory.validateOptions(options);
        byte[] accessorBytes = new byte[4];
        RANDOM.nextBytes(accessorBytes);
        String accessorPrefix = kind == Kind.AUTH ? "auth_" + type : type;
        MountEntry entry = new MountEntry(p, type, description, UUID.randomUUID().toString(),
                accessorPrefix + "_" + HexFormat.of().formatHex(accessorBytes), options, config, false, false);
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
            throw CofferException.invalid("no mount at " + ClientText.escape(p));
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
        if (builtins.stream().anyMatch(b -> b.path().equals(p))) {
            throw CofferException.invalid("the built-in " + removed.entry().type() + " mount at " + ClientText.escape(p) + " cannot be disabled");
        }
        TreeMap<String, Mounted> next = new TreeMap<>(mounts);
        next.remove(p);
        persist(next);
        mounts = next;
        removed.engine().unmount();
        eraseTree(storage, storagePrefix(removed.entry()));
    }

    private Mounted instantiate(MountEntry entry) {
        SecretsEngineFactory factory = engines.find(entry.type())
                .orElseThrow(() -> CofferException.internal("mount " + entry.path() + " has unknown type " + entry.type(), null));
        SecureStorage view = storage.view(storagePrefix(entry));
        return new Mounted(entry, factory.create(entry, view), view);
    }

    /** Where a mount's data lives: {@code logical/<uuid>/} or {@code auth/<uuid>/}. */
    public String storagePrefix(MountEntry entry) {
        return kind.storageRoot + entry.uuid() + "/";
    }

    private void persist(TreeMap<String, Mounted> table) {
        storage.put(kind.tablePath, Json.write(new Stored(new ArrayList<>(table.values().stream().map(Mounted::entry).toList()))));
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
