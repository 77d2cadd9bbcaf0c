package io.coffer.core.auth.sigv4;

import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.engine.SecretsEngine;
import io.coffer.core.engine.SecretsEngineFactory;
import io.coffer.core.mount.MountEntry;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Auth method type {@code sigv4}: access keys for the AWS Secrets Manager door. The node mounts
 * it once, at {@code auth/sigv4/} ({@link #PATH}), and the door looks keys up there; it cannot be
 * disabled or mounted a second time. It has no login path: a signed AWS request is authenticated
 * by its signature, request by request, and no Vault token is minted.
 */
public final class Sigv4AuthFactory implements SecretsEngineFactory {

    public static final String TYPE = "sigv4";
    /** Where the node mounts the method, relative to {@code auth/}. */
    public static final String PATH = "sigv4/";

    private final Clock clock;

    public Sigv4AuthFactory(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public SecretsEngine create(MountEntry mount, SecureStorage storage) {
        List<PathRoute> routes = new KeyPaths(new AccessKeyStore(storage), clock).routes();
        return () -> routes;
    }
}
