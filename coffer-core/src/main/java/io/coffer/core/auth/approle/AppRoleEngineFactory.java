package io.coffer.core.auth.approle;

import io.coffer.core.auth.MountSalt;
import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.engine.SecretsEngine;
import io.coffer.core.engine.SecretsEngineFactory;
import io.coffer.core.mount.MountEntry;
import java.time.Clock;
import java.util.Objects;

/** Auth method type {@code approle}: machine logins with a role ID and a secret ID. */
public final class AppRoleEngineFactory implements SecretsEngineFactory {

    public static final String TYPE = "approle";

    private final Clock clock;

    public AppRoleEngineFactory() {
        this(Clock.systemUTC());
    }

    /** A factory whose engines time secret IDs by {@code clock}. */
    public AppRoleEngineFactory(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public SecretsEngine create(MountEntry mount, SecureStorage storage) {
        MountSalt salt = new MountSalt(storage);
        SecretIdStore secretIds = new SecretIdStore(storage, salt, clock);
        return new AppRoleEngine(new RoleStore(storage, salt, secretIds), secretIds);
    }
}
