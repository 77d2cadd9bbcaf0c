package io.coffer.core.auth.kubernetes;

import io.coffer.core.auth.workload.PemPublicKeys;
import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.json.Json;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;

/** A kubernetes mount's configuration and its parsed keys, loaded on first use and replaced on write. */
final class KubernetesConfigStore {

    static final String PATH = "config";

    /** The configuration in force and the keys it trusts. */
    record Active(KubernetesConfig config, List<PublicKey> keys) {
    }

    private final SecureStorage storage;
    private final Object lock = new Object();
    private volatile Optional<Active> active;

    KubernetesConfigStore(SecureStorage storage) {
        this.storage = storage;
    }

    Optional<Active> active() {
        Optional<Active> a = active;
        if (a != null) {
            return a;
        }
        synchronized (lock) {
            if (active == null) {
                active = storage.get(PATH).map(b -> Json.read(b, KubernetesConfig.class))
                        .map(c -> new Active(c, c.pemKeys().stream().map(PemPublicKeys::parse).toList()));
            }
            return active;
        }
    }

    void save(KubernetesConfig config, List<PublicKey> keys) {
        synchronized (lock) {
            storage.put(PATH, Json.write(config));
            active = Optional.of(new Active(config, List.copyOf(keys)));
        }
    }
}
