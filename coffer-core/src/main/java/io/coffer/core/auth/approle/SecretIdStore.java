package io.coffer.core.auth.approle;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.coffer.core.error.ClientText;
import io.coffer.core.net.CidrBlock;
import io.coffer.core.auth.MountSalt;
import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.error.CofferException;
import io.coffer.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The secret IDs of one AppRole mount, stored per role under the HMAC of the secret ID, with an
 * index from the HMAC of each accessor. Every change to one secret ID (issue, login use, destroy)
 * happens under that secret ID's lock, so use counts are exact under concurrency. Callers hold
 * the role lock shared ({@link RoleStore#reading}) so the role cannot vanish meanwhile.
 */
final class SecretIdStore {

    static final String SECRET_ID_PREFIX = "secret_id/";
    static final String ACCESSOR_PREFIX = "accessor/";

    /** Vault refuses to HMAC more than this many bytes; longer secret IDs cannot exist. */
    static final int MAX_SECRET_ID_BYTES = 4096;

    private static final int LOCK_STRIPES = 256;

    /** The value of an accessor index entry. */
    record AccessorIndex(@JsonProperty("secret_id_hmac") String secretIdHmac) {
    }

    /** A newly issued secret ID; the secret ID string exists only here and in the response. */
    record Issued(String secretId, String accessor, long effectiveTtl, int numUses) {
        @Override
        public String toString() {
            return "Issued[accessor=" + accessor + "]";
        }
    }

    /** What a secret ID is issued with, already checked against its role. */
    record Spec(int numUses, long ttl, Map<String, String> metadata, List<String> cidrList, List<String> tokenBoundCidrs) {
    }

    private final SecureStorage storage;
    private final MountSalt salt;
    private final Clock clock;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    SecretIdStore(SecureStorage storage, MountSalt salt, Clock clock) {
        this.storage = storage;
        this.salt = salt;
        this.clock = clock;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /**
     * Stores {@code secretId} for {@code role}; its TTL is capped at {@code maxTtl} (the mount's
     * maximum), as Vault caps it. Refuses a secret ID the role already has.
     */
    Issued issue(String role, String secretId, Spec spec, long maxTtl) {
        String hmac = hmacOf(secretId).orElseThrow(() -> CofferException.invalid(
                "secret_id is longer than the maximum of " + MAX_SECRET_ID_BYTES + " bytes"));
        long effectiveTtl = spec.ttl() < 0 || spec.ttl() > maxTtl ? maxTtl : spec.ttl();
        return locked(hmac, () -> {
            if (storage.get(entryKey(role, hmac)).isPresent()) {
                throw CofferException.invalid("SecretID is already registered");
            }
            Instant now = clock.instant();
            String accessor = UUID.randomUUID().toString();
            SecretIdEntry entry = new SecretIdEntry(accessor, spec.numUses(), spec.ttl(), now,
                    effectiveTtl == 0 ? null : now.plusSeconds(effectiveTtl), now, spec.metadata(), spec.cidrList(),
                    spec.tokenBoundCidrs());
            // The accessor first: a crash in between leaves an accessor naming nothing, which
            // lookups treat as gone, rather than a secret ID no accessor can revoke.
            storage.put(accessorKey(accessor), Json.write(new AccessorIndex(hmac)));
            storage.put(entryKey(role, hmac), Json.write(entry));
            return new Issued(secretId, accessor, effectiveTtl, spec.numUses());
        });
    }

    /** The properties of {@code secretId} of {@code role}; empty when it has no such secret ID. */
    Optional<SecretIdEntry> lookup(String role, String secretId) {
        return hmacOf(secretId).flatMap(h -> read(role, h));
    }

    /** Destroys {@code secretId} of {@code role}; an unknown one is a no-op, as in Vault. */
    void destroy(String role, String secretId) {
        hmacOf(secretId).ifPresent(h -> locked(h, () -> {
            read(role, h).ifPresent(e -> remove(role, h, e));
            return null;
        }));
    }

    /**
     * The secret ID an accessor names, if it belongs to {@code role}. A 404 for an unknown
     * accessor (Vault's answer); empty when the accessor names no secret ID of this role.
     */
    Optional<SecretIdEntry> lookupByAccessor(String role, String accessor) {
        return read(role, accessorIndex(accessor).secretIdHmac());
    }

    /** Destroys the secret ID an accessor names; 404 for an unknown accessor, 403 for one of another role (Vault's codes). */
    void destroyByAccessor(String role, String accessor) {
        String hmac = accessorIndex(accessor).secretIdHmac();
        locked(hmac, () -> {
            SecretIdEntry entry = read(role, hmac)
                    .orElseThrow(() -> new CofferException(CofferException.Kind.PERMISSION_DENIED, "invalid secret id accessor"));
            remove(role, hmac, entry);
            return null;
        });
    }

    /** The accessors of {@code role}'s secret IDs. */
    List<String> accessors(String role) {
        List<String> out = new ArrayList<>();
        for (String hmac : storage.list(SECRET_ID_PREFIX + role + "/")) {
            if (!hmac.endsWith("/")) {
                read(role, hmac).ifPresent(e -> out.add(e.accessor()));
            }
        }
        return out;
    }

    /**
     * Spends one use of {@code secretId} of {@code role} for a login from {@code remoteAddress}.
     * Empty when the role has no such live secret ID (an expired one is deleted on the way). A
     * login from outside the secret ID's CIDRs is refused with nothing spent. The last use
     * deletes the secret ID. All of it happens under the secret ID's lock.
     */
    Optional<SecretIdEntry> spend(String role, String secretId, String remoteAddress) {
        Optional<String> hmac = hmacOf(secretId);
        if (hmac.isEmpty()) {
            return Optional.empty();
        }
        String h = hmac.get();
        return locked(h, () -> {
            Optional<SecretIdEntry> found = read(role, h);
            if (found.isEmpty()) {
                return Optional.<SecretIdEntry>empty();
            }
            SecretIdEntry entry = found.get();
            Instant now = clock.instant();
            if (entry.isExpiredAt(now)) {
                remove(role, h, entry);
                return Optional.<SecretIdEntry>empty();
            }
            if (storage.get(accessorKey(entry.accessor())).isEmpty()) {
                // A secret ID whose accessor is gone cannot be listed or revoked: retire it, as Vault does.
                storage.delete(entryKey(role, h));
                return Optional.<SecretIdEntry>empty();
            }
            if (!entry.cidrList().isEmpty() && !CidrBlock.anyContains(entry.cidrList(), remoteAddress)) {
                throw CofferException.invalid("source address " + ClientText.quote(remoteAddress)
                        + " unauthorized through CIDR restrictions on the secret ID");
            }
            if (entry.numUses() == 1) {
                remove(role, h, entry);
            } else if (entry.numUses() > 1) {
                storage.put(entryKey(role, h), Json.write(entry.withOneUseLess(now)));
            }
            return Optional.of(entry);
        });
    }

    /** Deletes every secret ID of {@code role}, for the role's deletion. */
    void deleteAll(String role) {
        for (String hmac : storage.list(SECRET_ID_PREFIX + role + "/")) {
            if (!hmac.endsWith("/")) {
                locked(hmac, () -> {
                    read(role, hmac).ifPresent(e -> remove(role, hmac, e));
                    return null;
                });
            }
        }
    }

    /** Deletes the expired secret IDs of {@code role}; returns how many. */
    int deleteExpired(String role) {
        int removed = 0;
        Instant now = clock.instant();
        for (String hmac : storage.list(SECRET_ID_PREFIX + role + "/")) {
            if (hmac.endsWith("/")) {
                continue;
            }
            boolean expired = locked(hmac, () -> {
                Optional<SecretIdEntry> e = read(role, hmac);
                if (e.isPresent() && e.get().isExpiredAt(now)) {
                    remove(role, hmac, e.get());
                    return true;
                }
                return false;
            });
            removed += expired ? 1 : 0;
        }
        return removed;
    }

    private AccessorIndex accessorIndex(String accessor) {
        return storage.get(accessorKey(accessor)).map(b -> Json.read(b, AccessorIndex.class))
                .orElseThrow(() -> CofferException.notFound("failed to find accessor entry for secret_id_accessor: "
                        + ClientText.quote(accessor)));
    }

    private Optional<SecretIdEntry> read(String role, String hmac) {
        return storage.get(entryKey(role, hmac)).map(b -> Json.read(b, SecretIdEntry.class));
    }

    /** Deletes the secret ID before its accessor, so that no crash can leave a usable secret ID unrevocable. */
    private void remove(String role, String hmac, SecretIdEntry entry) {
        storage.delete(entryKey(role, hmac));
        storage.delete(accessorKey(entry.accessor()));
    }

    private Optional<String> hmacOf(String secretId) {
        if (secretId.getBytes(StandardCharsets.UTF_8).length > MAX_SECRET_ID_BYTES) {
            return Optional.empty();
        }
        return Optional.of(salt.hmac(secretId));
    }

    private String accessorKey(String accessor) {
        return ACCESSOR_PREFIX + salt.hmac(accessor);
    }

    private static String entryKey(String role, String hmac) {
        return SECRET_ID_PREFIX + role + "/" + hmac;
    }

    private <T> T locked(String hmac, Supplier<T> action) {
        ReentrantLock lock = locks[Math.floorMod(hmac.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
