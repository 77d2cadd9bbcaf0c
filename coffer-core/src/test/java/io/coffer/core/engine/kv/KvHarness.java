package io.coffer.core.engine.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.core.auth.TestClock;
import io.coffer.core.barrier.PlaintextSecureStorage;
import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathHandler;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.CofferException;
import io.coffer.core.json.Json;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Request;
import io.coffer.core.logical.Response;
import io.coffer.core.mount.MountEntry;
import io.coffer.core.storage.InMemoryStorage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Drives a {@link KvV2Engine} through its routes as the router does: the first route whose
 * pattern matches the whole relative path wins, a missing handler is a 405, named groups become
 * params. Storage is plaintext in memory under a mount prefix, so tests can inspect it.
 */
final class KvHarness {

    static final String MOUNT_PREFIX = "logical/0f1e2d3c/";
    static final Instant START = Instant.parse("2026-03-22T02:24:06.945319214Z");

    final TestClock clock = new TestClock(START);
    final InMemoryStorage backend = new InMemoryStorage();
    final SecureStorage storage = new PlaintextSecureStorage(backend).view(MOUNT_PREFIX);
    final KvStore store = new KvStore(storage, clock);
    final KvV2Engine engine = new KvV2Engine(store);
    final MountEntry mount = new MountEntry("secret/", "kv", "", "0f1e2d3c", "kv_0f1e2d3c", Map.of("version", "2"),
            null, false, false);

    /** Routes {@code op} on {@code path} (relative to the mount) with request fields {@code data}. */
    Response call(Operation op, String path, Map<String, Object> data) {
        for (PathRoute route : engine.routes()) {
            Matcher m = route.pattern().matcher(path);
            if (!m.matches()) {
                continue;
            }
            PathHandler handler = route.handlers().get(op);
            if (handler == null) {
                throw new CofferException(CofferException.Kind.UNSUPPORTED_OPERATION, "unsupported operation");
            }
            Map<String, String> params = new HashMap<>();
            for (String group : route.pattern().namedGroups().keySet()) {
                String value = m.group(group);
                if (value != null) {
                    params.put(group, value);
                }
            }
            Request request = Request.builder(op, "secret/" + path).data(data).build();
            return handler.handle(new EngineRequest(request, path, params, mount, storage));
        }
        throw new CofferException(CofferException.Kind.NOT_FOUND, "no route");
    }

    Response read(String path) {
        return call(Operation.READ, path, Map.of());
    }

    /** A GET with query parameters, which the adapter merges into the request data as strings. */
    Response read(String path, String... query) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < query.length; i += 2) {
            data.put(query[i], query[i + 1]);
        }
        return call(Operation.READ, path, data);
    }

    Response write(String path, String jsonBody) {
        return call(Operation.UPDATE, path, json(jsonBody));
    }

    Response patch(String path, String jsonBody) {
        return call(Operation.PATCH, path, json(jsonBody));
    }

    Response delete(String path) {
        return call(Operation.DELETE, path, Map.of());
    }

    Response list(String path) {
        return call(Operation.LIST, path, Map.of());
    }

    /** Writes {@code {"data": <dataJson>}} to {@code data/<key>}. */
    Response put(String key, String dataJson) {
        return write("data/" + key, "{\"data\":" + dataJson + "}");
    }

    /** The exception {@code call} throws; fails the test when it returns normally. */
    static CofferException failure(Runnable call) {
        CofferException e = catchThrowableOfType(CofferException.class, call::run);
        assertThat(e).as("expected a CofferException").isNotNull();
        return e;
    }

    /** The HTTP status the Vault adapter would answer with. */
    static int status(Response r) {
        if (r.status() != 0) {
            return r.status();
        }
        return r.isEmpty() ? 204 : 200;
    }

    /** The data of a response, which must have some. */
    static Map<String, Object> data(Response r) {
        return r.data().orElseThrow(() -> new AssertionError("response has no data"));
    }

    /** The data of a response as JSON text, to check exact shapes, key order and number forms. */
    static String dataJson(Response r) {
        return new String(Json.write(data(r)), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    static Map<String, Object> json(String text) {
        return Json.parseObject(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every key of the whole backend (not just the mount's view). */
    List<String> allBackendKeys() {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        collect("", out);
        return out;
    }

    private void collect(String prefix, List<String> out) {
        for (String child : backend.list(prefix)) {
            if (child.endsWith("/")) {
                collect(prefix + child, out);
            } else {
                out.add(prefix + child);
            }
        }
    }

    /** The stored entries of {@code key}'s versions, by full backend key. */
    List<String> versionEntries(String key) {
        return allBackendKeys().stream().filter(k -> k.startsWith(MOUNT_PREFIX + "versions/" + sha256(key) + "/")).toList();
    }

    static String sha256(String key) {
        try {
            return java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
