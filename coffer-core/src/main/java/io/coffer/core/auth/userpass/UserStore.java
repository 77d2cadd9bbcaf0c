package io.coffer.core.auth.userpass;

import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.json.Json;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/** The users of one userpass mount, by lower-case name. Changes are serialized; reads take no lock. */
final class UserStore {

    static final String USER_PREFIX = "user/";

    private final SecureStorage storage;
    private final ReentrantLock writes = new ReentrantLock();

    UserStore(SecureStorage storage) {
        this.storage = storage;
    }

    Optional<User> find(String name) {
        return storage.get(USER_PREFIX + name).map(b -> Json.read(b, User.class));
    }

    List<String> names() {
        return storage.list(USER_PREFIX).stream().filter(n -> !n.endsWith("/")).toList();
    }

    /** Stores what {@code change} makes of the user's current state (empty when it does not exist). */
    User update(String name, Function<Optional<User>, User> change) {
        writes.lock();
        try {
            User next = change.apply(find(name));
            storage.put(USER_PREFIX + name, Json.write(next));
            return next;
        } finally {
            writes.unlock();
        }
    }

    void delete(String name) {
        writes.lock();
        try {
            storage.delete(USER_PREFIX + name);
        } finally {
            writes.unlock();
        }
    }
}
