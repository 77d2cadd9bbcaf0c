package io.coffer.core.mount;

import io.coffer.core.engine.SecretsEngineFactory;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The engine types that can be mounted, by type name. */
public final class EngineRegistry {

    private final Map<String, SecretsEngineFactory> factories = new ConcurrentHashMap<>();

    public EngineRegistry register(SecretsEngineFactory factory) {
        if (factories.putIfAbsent(factory.type(), factory) != null) {
            throw new IllegalStateException("engine type " + factory.type() + " is already registered");
        }
        return this;
    }

    public Optional<SecretsEngineFactory> find(String type) {
        return Optional.ofNullable(factories.get(type));
    }
}
