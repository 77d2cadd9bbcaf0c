package io.coffer.core.sys;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.json.Json;
import io.coffer.core.seal.ShamirSeal;
import java.util.Optional;
import java.util.UUID;

/**
 * The cluster's name and id, created on first unseal and stored behind the barrier; reported by
 * status endpoints only while unsealed, as Vault does.
 */
public final class ClusterIdentity implements ShamirSeal.Listener {

    static final String PATH = "core/cluster";

    record Stored(@JsonProperty("name") String name, @JsonProperty("id") String id) {
    }

    private final SecureStorage storage;
    private volatile Stored current;

    public ClusterIdentity(SecureStorage storage) {
        this.storage = storage;
    }

    @Override
    public void afterUnseal() {
        current = storage.get(PATH).map(b -> Json.read(b, Stored.class)).orElseGet(() -> {
            String id = UUID.randomUUID().toString();
            Stored fresh = new Stored("coffer-cluster-" + id.substring(0, 8), id);
            storage.put(PATH, Json.write(fresh));
            return fresh;
        });
    }

    @Override
    public void beforeSeal() {
        current = null;
    }

    public Optional<String> name() {
        Stored s = current;
        return s == null ? Optional.empty() : Optional.of(s.name());
    }

    public Optional<String> id() {
        Stored s = current;
        return s == null ? Optional.empty() : Optional.of(s.id());
    }
}
