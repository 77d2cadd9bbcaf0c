package io.coffer.core.aws.secrets;

import io.coffer.core.engine.kv.KvStore;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** What every operation works on: the settings, the KV mount's store and the clock. */
final class SecretStore {

    private final SecretsSettings settings;
    private final Supplier<Optional<KvStore>> kv;
    private final Clock clock;

    SecretStore(SecretsSettings settings, Supplier<Optional<KvStore>> kv, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.kv = Objects.requireNonNull(kv, "kv");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    SecretsSettings settings() {
        return settings;
    }

    Clock clock() {
        return clock;
    }

    /** The mount's store; a missing mount is the operator's doing, so the caller is told so. */
    KvStore kv() {
        return kv.get().orElseThrow(() -> Errors.invalidRequest(
                "No KV version 2 secrets engine is mounted at " + settings.mount() + " for the Secrets Manager API."));
    }

    Optional<KvStore> kvIfMounted() {
        return kv.get();
    }
}
