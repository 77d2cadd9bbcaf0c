package io.coffer.core.engine;

import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.mount.MountEntry;

/** Creates the engine of one mount type, e.g. {@code kv}. */
public interface SecretsEngineFactory {

    /** The mount type this factory serves, as given in {@code sys/mounts} ({@code kv}). */
    String type();

    /**
     * Checks a mount's options before it is created, e.g. that a {@code kv} mount asks for
     * version 2. Throws {@code INVALID_REQUEST} with a message saying what to change.
     */
    default void validateOptions(java.util.Map<String, String> options) {
    }

    /** Creates the engine for {@code mount}, whose data lives in {@code storage}. */
    SecretsEngine create(MountEntry mount, SecureStorage storage);
}
