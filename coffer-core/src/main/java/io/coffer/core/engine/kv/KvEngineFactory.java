package io.coffer.core.engine.kv;

import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.engine.SecretsEngine;
import io.coffer.core.engine.SecretsEngineFactory;
import io.coffer.core.error.CofferException;
import io.coffer.core.mount.MountEntry;
import java.util.Map;

/** Mount type {@code kv}, which Coffer serves as KV version 2 only ({@code options.version=2}). */
public final class KvEngineFactory implements SecretsEngineFactory {

    public static final String TYPE = "kv";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void validateOptions(Map<String, String> options) {
        String version = options.get("version");
        if ("2".equals(version)) {
            return;
        }
        if (version == null || version.isEmpty() || "1".equals(version)) {
            throw CofferException.invalid("Coffer serves KV version 2 only: pass options.version=2 "
                    + "(vault secrets enable -version=2 kv), or mount type kv-v2");
        }
        throw CofferException.invalid("unsupported KV version: Coffer serves KV version 2 only, pass options.version=2");
    }

    @Override
    public SecretsEngine create(MountEntry mount, SecureStorage storage) {
        return new KvV2Engine(new KvStore(storage));
    }
}
