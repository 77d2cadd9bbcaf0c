package io.coffer.core.engine;

import java.util.List;

/**
 * A secrets engine mounted at a path. It declares the paths it serves as data ({@link PathRoute}),
 * and handles requests relative to its mount with a storage view confined to the mount.
 *
 * <p>One instance serves one mount, for the mount's lifetime; it must be thread-safe. It never
 * sees ciphertext and never chooses storage outside its view.
 */
public interface SecretsEngine {

    /** The routes this engine serves, tried in order; the first whose pattern matches wins. */
    List<PathRoute> routes();

    /**
     * True for paths served without a token, such as an auth method's login paths. Such requests
     * skip authentication and authorization but are still audited.
     */
    default boolean isUnauthenticated(String relativePath) {
        return false;
    }

    /** Called when the mount is removed, after which its storage view is erased by the core. */
    default void unmount() {
    }
}
