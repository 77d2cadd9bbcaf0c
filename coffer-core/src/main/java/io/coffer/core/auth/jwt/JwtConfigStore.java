package io.coffer.core.auth.jwt;

import io.coffer.core.auth.workload.PemPublicKeys;
import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.json.Json;
import java.time.Clock;
import java.util.Optional;

/**
 * A jwt mount's configuration and the signing keys built from it. The document lives at
 * {@code config} in the mount's storage; the parsed form and the key cache live here, are built on
 * first use and replaced whenever the configuration is written.
 */
final class JwtConfigStore {

    static final String PATH = "config";

    /** The configuration in force and the keys it trusts. */
    record Active(JwtConfig config, SigningKeys keys) {
    }

    private final SecureStorage storage;
    private final Clock clock;
    private final Object lock = new Object();
    /** Null until loaded; then the configuration, or empty when the mount has none yet. */
    private volatile Optional<Active> active;

    JwtConfigStore(SecureStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    Optional<Active> active() {
        Optional<Active> a = active;
        if (a != null) {
            return a;
        }
        synchronized (lock) {
            if (active == null) {
                active = storage.get(PATH).map(b -> Json.read(b, JwtConfig.class)).map(c -> new Active(c, keysFor(c)));
            }
            return active;
        }
    }

    /** Stores {@code config} and makes {@code keys} (built by {@link #keysFor}) the ones in force. */
    void save(JwtConfig config, SigningKeys keys) {
        synchronized (lock) {
            storage.put(PATH, Json.write(config));
            active = Optional.of(new Active(config, keys));
        }
    }

    /**
     * The key source a configuration describes; nothing is fetched yet.
     *
     * @throws IllegalArgumentException when a PEM key or CA cannot be parsed
     */
    SigningKeys keysFor(JwtConfig config) {
        if (!config.jwtValidationPubkeys().isEmpty()) {
            return new StaticSigningKeys(config.jwtValidationPubkeys().stream().map(PemPublicKeys::parse).toList());
        }
        if (!config.jwksUrl().isEmpty()) {
            java.net.URI url = JwtConfigPaths.uri(config.jwksUrl());
            return new RemoteJwks(() -> url, KeyDocuments.trusting(config.jwksCaPem()), clock);
        }
        KeyDocuments documents = KeyDocuments.trusting(config.oidcDiscoveryCaPem());
        return new RemoteJwks(new OidcDiscovery(config.oidcDiscoveryUrl(), documents), documents, clock);
    }
}
