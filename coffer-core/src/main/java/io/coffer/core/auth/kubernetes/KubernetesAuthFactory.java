package io.coffer.core.auth.kubernetes;

import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.engine.SecretsEngine;
import io.coffer.core.engine.SecretsEngineFactory;
import io.coffer.core.mount.MountEntry;
import java.time.Clock;
import java.util.Objects;

/** Auth method type {@code kubernetes}. */
public final class KubernetesAuthFactory implements SecretsEngineFactory {

    public static final String TYPE = "kubernetes";

    private final Clock clock;

    /** @param clock the time service-account tokens are checked against */
    public KubernetesAuthFactory(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public KubernetesAuthFactory() {
        this(Clock.systemUTC());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public SecretsEngine create(MountEntry mount, SecureStorage storage) {
        return new KubernetesAuthEngine(storage, clock);
    }
}
