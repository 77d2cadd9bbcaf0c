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

    /**
     * The configuration in force: the keys it trusts, or (without keys) the API server that
     * reviews tokens.
     */
    record Active(KubernetesConfig config, List<PublicKey> keys, Optional<TokenReviewer> reviewer) {
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
                active = storage.get(PATH).map(b -> Json.read(b, KubernetesConfig.class)).map(KubernetesConfigStore::activate);
            }
            return active;
        }
    }

    /** Stores a checked configuration and puts it in force. */
    void save(KubernetesConfig config) {
        Active next = activate(config);
        synchronized (lock) {
            storage.put(PATH, Json.write(config));
            active = Optional.of(next);
        }
    }

    /** Parses the keys, or prepares the TokenReview client when there are none. */
    static Active activate(KubernetesConfig config) {
        List<PublicKey> keys = config.pemKeys().stream().map(PemPublicKeys::parse).toList();
        Optional<TokenReviewer> reviewer = keys.isEmpty()
                ? Optional.of(new TokenReviewer(KubernetesConfigPaths.hostUri(config.host()), config.caCert(), config.tokenReviewerJwt()))
                : Optional.empty();
        return new Active(config, keys, reviewer);
    }
}
