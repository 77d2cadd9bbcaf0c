package io.coffer.core.auth.userpass;

import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.engine.SecretsEngine;
import io.coffer.core.engine.SecretsEngineFactory;
import io.coffer.core.mount.MountEntry;
import io.coffer.core.ratelimit.LoginWorkPool;
import java.util.Objects;

/** Auth method type {@code userpass}: logins with a user name and a password. */
public final class UserpassEngineFactory implements SecretsEngineFactory {

    public static final String TYPE = "userpass";

    private final PasswordHasher hasher;

    /** @param pool where every bcrypt hash and check of every userpass mount runs */
    public UserpassEngineFactory(LoginWorkPool pool) {
        this.hasher = new PasswordHasher(Objects.requireNonNull(pool, "pool"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public SecretsEngine create(MountEntry mount, SecureStorage storage) {
        return new UserpassEngine(new UserStore(storage), hasher);
    }
}
