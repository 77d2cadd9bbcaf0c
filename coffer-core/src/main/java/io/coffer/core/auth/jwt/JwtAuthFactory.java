package io.coffer.core.auth.jwt;

import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.engine.SecretsEngine;
import io.coffer.core.engine.SecretsEngineFactory;
import io.coffer.core.mount.MountEntry;
import io.coffer.core.ratelimit.LoginWorkPool;
import java.time.Clock;
import java.util.Objects;

/**
 * Auth method types {@code jwt} and {@code oidc}: one implementation under two names, as in Vault,
 * where {@code vault auth enable oidc} mounts the same plugin. Register both with
 * {@link #jwt()} and {@link #oidc()}.
 */
public final class JwtAuthFactory implements SecretsEngineFactory {

    public static final String TYPE_JWT = "jwt";
    public static final String TYPE_OIDC = "oidc";

    private final String type;
    private final Clock clock;
    private final LoginWorkPool work;

    /**
     * @param type  {@link #TYPE_JWT} or {@link #TYPE_OIDC}
     * @param clock the time tokens are checked against
     * @param work  where token signatures are checked
     */
    public JwtAuthFactory(String type, Clock clock, LoginWorkPool work) {
        this.work = Objects.requireNonNull(work, "work");
        if (!type.equals(TYPE_JWT) && !type.equals(TYPE_OIDC)) {
            throw new IllegalArgumentException("type must be jwt or oidc");
        }
        this.type = type;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static JwtAuthFactory jwt(LoginWorkPool work) {
        return new JwtAuthFactory(TYPE_JWT, Clock.systemUTC(), work);
    }

    public static JwtAuthFactory oidc(LoginWorkPool work) {
        return new JwtAuthFactory(TYPE_OIDC, Clock.systemUTC(), work);
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public SecretsEngine create(MountEntry mount, SecureStorage storage) {
        return new JwtAuthEngine(storage, clock, work);
    }
}
