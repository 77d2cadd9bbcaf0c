package io.coffer.core.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.error.CofferException;
import io.coffer.core.json.Json;
import io.coffer.core.seal.ShamirSeal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The named ACL policies, stored behind the barrier under {@value #STORAGE_PREFIX}, with Vault's
 * rules for the two built-ins: {@code root} is virtual (it grants everything, reads back with
 * empty rules, and can be neither written nor deleted) and {@code default} is created on unseal
 * when missing, may be edited, and cannot be deleted. Names go through {@link PolicyNames}: the
 * name a policy is written under, and every name a token holds, resolve by the same function.
 *
 * <p>Parsed policies and compiled ACLs (one per distinct set of policy names) are cached. Every
 * change replaces the whole cache after storage has been written; a reader captures the cache
 * before it reads storage, so an ACL computed concurrently with a change lands in the discarded
 * cache and is never served afterwards.
 */
public final class PolicyStore implements ShamirSeal.Listener {

    public static final String DEFAULT = PolicyNames.DEFAULT;
    public static final String ROOT = PolicyNames.ROOT;
    static final String STORAGE_PREFIX = "sys/policy/";

    private static final Policy ROOT_POLICY = new Policy(ROOT, "", List.of());

    private final SecureStorage storage;
    private final Object writeLock = new Object();
    private volatile Caches caches = new Caches();

    /** How a policy is persisted: the document as written; it is parsed again when loaded. */
    record Stored(@JsonProperty("name") String name, @JsonProperty("raw") String raw) {
    }

    private static final class Caches {
        final ConcurrentHashMap<String, Policy> policies = new ConcurrentHashMap<>();
        final ConcurrentHashMap<List<String>, Acl> acls = new ConcurrentHashMap<>();
    }

    public PolicyStore(SecureStorage storage) {
        this.storage = storage;
    }

    @Override
    public void afterUnseal() {
        synchronized (writeLock) {
            caches = new Caches();
            if (storage.get(STORAGE_PREFIX + DEFAULT).isEmpty()) {
                storage.put(STORAGE_PREFIX + DEFAULT, Json.write(new Stored(DEFAULT, DefaultPolicy.TEXT)));
            }
        }
    }

    @Override
    public void beforeSeal() {
        caches = new Caches();
    }

    /** The stored policy names, sorted; {@code root} is not among them (it is never stored). */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        collectNames("", out);
        return List.copyOf(new TreeSet<>(out));
    }

    private void collectNames(String folder, List<String> out) {
        for (String child : storage.list(STORAGE_PREFIX + folder)) {
            if (child.endsWith("/")) {
                collectNames(folder + child, out);
            } else {
                out.add(folder + child);
            }
        }
    }

    /** The policy named {@code name}; {@code root} always exists, with empty rules. */
    public Optional<Policy> get(String name) {
        String n = PolicyNames.normalize(name);
        return n.isEmpty() ? Optional.empty() : load(n, caches);
    }

    private Optional<Policy> load(String name, Caches from) {
        if (name.equals(ROOT)) {
            return Optional.of(ROOT_POLICY);
        }
        Policy cached = from.policies.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<byte[]> stored = storage.get(STORAGE_PREFIX + name);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Stored s = Json.read(stored.get(), Stored.class);
        Policy policy;
        try {
            policy = PolicyParser.parse(name, s.raw());
        } catch (CofferException e) {
            // Fail closed: a stored policy that no longer parses must not silently grant nothing
            // (or something else) to every token holding it.
            throw CofferException.internal("stored policy \"" + name + "\" cannot be parsed", e);
        }
        from.policies.putIfAbsent(name, policy);
        return Optional.of(policy);
    }

    /**
     * Creates or replaces the policy {@code name} with the document {@code raw}. The document is
     * parsed first: an unparsable one is a 400 and nothing is stored.
     */
    public Policy put(String name, String raw) {
        String n = requireName(name);
        if (n.equals(ROOT)) {
            throw CofferException.invalid("cannot update \"root\" policy");
        }
        Policy policy = PolicyParser.parse(n, raw);
        synchronized (writeLock) {
            storage.put(STORAGE_PREFIX + n, Json.write(new Stored(n, raw)));
            caches = new Caches();
        }
        return policy;
    }

    /**
     * Deletes the policy {@code name}; deleting a missing policy succeeds, as in Vault. A policy
     * stored before names were validated, under a name {@link PolicyNames} now refuses, can still
     * be deleted by its exact listed name (it already grants nothing).
     */
    public void delete(String name) {
        String n;
        try {
            n = requireName(name);
        } catch (CofferException invalid) {
            if (!names().contains(name)) {
                throw invalid;
            }
            n = name;
        }
        if (n.equals(ROOT)) {
            throw CofferException.invalid("cannot delete \"root\" policy");
        }
        if (n.equals(DEFAULT)) {
            throw CofferException.invalid("cannot delete default policy");
        }
        synchronized (writeLock) {
            storage.delete(STORAGE_PREFIX + n);
            caches = new Caches();
        }
    }

    /**
     * The compiled ACL of a token holding the policies {@code names}. Unknown names grant nothing,
     * as in Vault; {@code root} among them grants everything.
     */
    public Acl acl(Collection<String> names) {
        List<String> key = effectiveNames(names);
        if (key.contains(ROOT)) {
            return Acl.root();
        }
        Caches c = caches;
        Acl cached = c.acls.get(key);
        if (cached != null) {
            return cached;
        }
        List<Policy> policies = new ArrayList<>();
        for (String name : key) {
            load(name, c).ifPresent(policies::add);
        }
        Acl compiled = Acl.compile(policies);
        Acl raced = c.acls.putIfAbsent(key, compiled);
        return raced == null ? compiled : raced;
    }

    /**
     * The policy names a token holding {@code names} is authorized by: each normalized by
     * {@link PolicyNames}, sorted, once; a name that is not valid (only data stored before names
     * were validated can hold one) is left out and grants nothing. A token's policies, as issued,
     * are already in this form, and are then returned as they are.
     */
    public static List<String> effectiveNames(Collection<String> names) {
        if (names instanceof List<String> list && isSortedAndNormalized(list)) {
            return List.copyOf(list);
        }
        TreeSet<String> out = new TreeSet<>();
        for (String name : names) {
            PolicyNames.resolvable(name).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    private static boolean isSortedAndNormalized(List<String> names) {
        String previous = null;
        for (String name : names) {
            if (!PolicyNames.isNormalized(name) || (previous != null && previous.compareTo(name) >= 0)) {
                return false;
            }
            previous = name;
        }
        return true;
    }

    private static String requireName(String name) {
        String n = PolicyNames.normalize(name);
        if (n.isEmpty()) {
            throw CofferException.invalid("policy name must not be empty");
        }
        return n;
    }
}
