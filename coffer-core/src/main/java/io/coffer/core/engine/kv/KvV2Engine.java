package io.coffer.core.engine.kv;

import io.coffer.core.engine.PathRoute;
import io.coffer.core.engine.SecretsEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Vault wire face of a {@link KvStore}: KV version 2's paths, fields and response shapes.
 * Paths are relative to the mount: {@code config}, {@code data/<key>}, {@code metadata/<key>},
 * {@code delete/<key>}, {@code undelete/<key>}, {@code destroy/<key>}, {@code subkeys/<key>}, and a
 * catch-all that answers any other path as Vault does (404 with a warning).
 */
public final class KvV2Engine implements SecretsEngine {

    private final KvStore store;
    private final List<PathRoute> routes;

    public KvV2Engine(KvStore store) {
        this.store = Objects.requireNonNull(store, "store");
        List<PathRoute> r = new ArrayList<>();
        r.add(new ConfigPaths(store).route());
        r.add(new DataPaths(store).route());
        r.add(new MetadataPaths(store).route());
        r.addAll(new VersionPaths(store).routes());
        r.add(new SubkeysPaths(store).route());
        // Last, so that the valid paths are matched first.
        r.add(new InvalidPaths(store).route());
        this.routes = List.copyOf(r);
    }

    /** The domain API behind this engine, for other front doors serving the same mount. */
    public KvStore store() {
        return store;
    }

    @Override
    public List<PathRoute> routes() {
        return routes;
    }
}
