package io.coffer.core.auth.kubernetes;

import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.engine.SecretsEngine;
import io.coffer.core.engine.SecretsEngineFactory;
import io.coffer.core.mount.MountEntry;
import io.coffer.core.ratelimit.LoginWorkPool;
import java.time.Clock;
import java.util.Objects;

/** Auth method type {@code kubernetes}. */
public final class KubernetesAuthFactory implements SecretsEngineFactory {

    public static final String TYPE = "kubernetes";

    private final Clock clock;
    private final LoginWorkPool work;

    /**
     * @param clock the time service-account tokens are checked against
     * @param work  where token signatures are checked
     */
    public KubernetesAuthFactory(Clock clock, LoginWorkPool work) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.work = Objects.requireNonNull(work, "work");
    }

    public KubernetesAuthFactory(LoginWorkPool work) {
        this(Clock.systemUTC(), work);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public SecretsEngine create(MountEntry mount, SecureStorage storage) {
        return new KubernetesAuthEngine(storage, clock, work);
    }
}
