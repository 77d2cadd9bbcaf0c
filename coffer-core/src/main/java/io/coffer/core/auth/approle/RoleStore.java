package io.coffer.core.auth.approle;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.coffer.core.auth.MountSalt;
import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.error.ClientText;
import io.coffer.core.error.CofferException;
import io.coffer.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The roles of one AppRole mount and the index from role ID to role. Role changes are serialized
 * by a mount-wide lock, taken exclusively here and shared by secret ID operations and logins
 * (through {@link #reading}), so that a role never changes or disappears under a login.
 */
final class RoleStore {

    static final String ROLE_PREFIX = "role/";
    static final String ROLE_ID_PREFIX = "role_id/";

    /** The value of a role ID index entry. */
    record RoleIdIndex(@JsonProperty("name") String name) {
    }

    private final SecureStorage storage;
    private final MountSalt salt;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final SecretIdStore secretIds;

    RoleStore(SecureStorage storage, MountSalt salt, SecretIdStore secretIds) {
        this.storage = storage;
        this.salt = salt;
        this.secretIds = secretIds;
    }

    /** Runs {@code action} while no role can change. */
    <T> T reading(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    Optional<Role> find(String name) {
        return storage.get(ROLE_PREFIX + name).map(b -> Json.read(b, Role.class));
    }

    /** The role or a 404 naming it, for paths that act on a role's secret IDs. */
    Role require(String name) {
        return find(name).orElseThrow(() -> CofferException.notFound("role " + ClientText.quote(name) + " does not exist"));
    }

    List<String> names() {
        return storage.list(ROLE_PREFIX).stream().filter(n -> !n.endsWith("/")).toList();
    }

    /**
     * The role whose role ID is {@code roleId}, found through the HMAC index; empty when none is.
     * The stored role ID is compared in constant time as well, so a stale index entry never
     * admits a role ID the role no longer has.
     */
    Optional<Role> findByRoleId(String roleId) {
        Optional<Role> role = storage.get(ROLE_ID_PREFIX + salt.hmac(roleId))
                .map(b -> Json.read(b, RoleIdIndex.class).name())
                .flatMap(this::find);
        return role.filter(r -> MessageDigest.isEqual(r.roleId().getBytes(StandardCharsets.UTF_8),
                roleId.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Writes the role {@code name} as {@code change} makes it from its current state (empty when
     * it does not exist), after checking Vault's rules: some constraint is enabled and the role ID
     * belongs to no other role. Nothing is stored when a check fails.
     */
    Role update(String name, Function<Optional<Role>, Role> change) {
        lock.writeLock().lock();
        try {
            Optional<Role> current = find(name);
            Role next = change.apply(current);
            next.checkConstraints();
            String indexKey = ROLE_ID_PREFIX + salt.hmac(next.roleId());
            Optional<String> owner = storage.get(indexKey).map(b -> Json.read(b, RoleIdIndex.class).name());
            if (owner.isPresent() && !owner.get().equals(name)) {
                throw CofferException.invalid("role_id already in use");
            }
            storage.put(ROLE_PREFIX + name, Json.write(next));
            if (owner.isEmpty()) {
                storage.put(indexKey, Json.write(new RoleIdIndex(name)));
            }
            if (current.isPresent() && !current.get().roleId().equals(next.roleId())) {
                storage.delete(ROLE_ID_PREFIX + salt.hmac(current.get().roleId()));
            }
            return next;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Deletes the role with all its secret IDs; a missing role is a no-op, as in Vault. */
    void delete(String name) {
        lock.writeLock().lock();
        try {
            Optional<Role> current = find(name);
            if (current.isEmpty()) {
                return;
            }
            secretIds.deleteAll(name);
            storage.delete(ROLE_ID_PREFIX + salt.hmac(current.get().roleId()));
            storage.delete(ROLE_PREFIX + name);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
