package io.coffer.core.auth.sigv4;

import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.RequestData;
import io.coffer.core.logical.Response;
import io.coffer.core.policy.PolicyNames;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code keys} (LIST, and POST to create a key) and {@code keys/:id} (read, delete). Creation is
 * the only response that carries the secret access key; a read never does.
 */
final class KeyPaths {

    private final AccessKeyStore keys;
    private final Clock clock;

    KeyPaths(AccessKeyStore keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    List<PathRoute> routes() {
        return List.of(
                PathRoute.path("keys/?")
                        .on(Operation.LIST, r -> list())
                        .on(Operation.UPDATE, this::create)
                        .synopsis("Lists access keys, or creates one (the secret is returned only then)."),
                PathRoute.path("keys/(?<id>[^/]+)")
                        .on(Operation.READ, this::read)
                        .on(Operation.DELETE, this::delete)
                        .synopsis("Reads (without the secret) or deletes an access key."));
    }

    private Response list() {
        List<String> ids = keys.ids();
        if (ids.isEmpty()) {
            throw new CofferException(CofferException.Kind.NOT_FOUND, List.of());
        }
        return Response.of(Map.of("keys", ids));
    }

    private Response create(EngineRequest r) {
        RequestData f = r.fields();
        List<String> policies = policies(f.stringList("policies").orElse(List.of()));
        long ttl = f.durationSeconds("ttl").orElse(0L);
        if (ttl < 0) {
            throw CofferException.invalid("'ttl' cannot be negative");
        }
        long now = clock.instant().getEpochSecond();
        String id;
        do {
            id = AccessKeyStore.newId();
        } while (keys.find(id).isPresent());
        AccessKey key = new AccessKey(id, AccessKeyStore.newSecret(), policies, f.string("description").orElse(""), now,
                ttl == 0 ? 0 : now + ttl);
        keys.put(key);
        Map<String, Object> data = render(key);
        data.put("secret_access_key", key.secret());
        return Response.of(data);
    }

    private Response read(EngineRequest r) {
        AccessKey key = keys.find(r.param("id"))
                .orElseThrow(() -> new CofferException(CofferException.Kind.NOT_FOUND, List.of()));
        return Response.of(render(key));
    }

    private Response delete(EngineRequest r) {
        keys.delete(r.param("id"));
        return Response.empty();
    }

    static Map<String, Object> render(AccessKey key) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("access_key_id", key.id());
        data.put("policies", key.policies());
        data.put("description", key.description());
        data.put("creation_time", Instant.ofEpochSecond(key.creationTime()).toString());
        data.put("expiration_time", key.expireTime() == 0 ? "" : Instant.ofEpochSecond(key.expireTime()).toString());
        return data;
    }

    /**
     * Policy names normalized, without duplicates, sorted (the form the ACL lookup takes as it is,
     * on every AWS request). {@code root} is refused, as by every auth method: only dev mode's
     * key, created by the node itself, carries it.
     */
    private static List<String> policies(List<String> given) {
        List<String> names = PolicyNames.normalizeAll(given);
        if (names.contains(PolicyNames.ROOT)) {
            throw CofferException.invalid("the \"root\" policy cannot be granted to an access key");
        }
        return List.copyOf(new TreeSet<>(names));
    }
}
