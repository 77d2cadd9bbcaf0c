package io.coffer.core.auth.token;

import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.json.Json;
import java.util.List;
import java.util.Optional;

/** Token roles, one JSON document per role under {@code roles/} in the token mount's storage. */
final class TokenRoles {

    private static final String PREFIX = "roles/";

    private final SecureStorage storage;

    TokenRoles(SecureStorage storage) {
        this.storage = storage;
    }

    Optional<TokenRole> get(String name) {
        return storage.get(PREFIX + name).map(b -> Json.read(b, TokenRole.class));
    }

    void put(TokenRole role) {
        storage.put(PREFIX + role.name(), Json.write(role));
    }

    void delete(String name) {
        storage.delete(PREFIX + name);
    }

    /** Role names, sorted. */
    List<String> names() {
        return storage.list(PREFIX).stream().filter(n -> !n.endsWith("/")).toList();
    }
}
