package io.coffer.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.core.engine.SecretsEngineFactory;
import io.coffer.core.engine.kv.KvEngineFactory;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Request;
import io.coffer.core.logical.Response;
import io.coffer.core.mount.MountEntry;
import io.coffer.core.node.CofferNode;
import io.coffer.core.storage.InMemoryStorage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A real node (barrier, token store, router, request handler) over in-memory storage, unsealed
 * in dev mode, for driving auth methods through the core's request path exactly as the HTTP
 * adapter does.
 */
public final class AuthNode implements AutoCloseable {

    public static final String ROOT = "root-token-for-tests";

    public final InMemoryStorage storage = new InMemoryStorage();
    public final CofferNode node;

    public AuthNode(Clock clock, SecretsEngineFactory... authMethods) {
        CofferNode.Builder b = CofferNode.builder(storage).clock(clock).engine(new KvEngineFactory());
        for (SecretsEngineFactory f : authMethods) {
            b.authMethod(f);
        }
        node = b.build();
        node.startDev(Optional.of(ROOT));
    }

    /** Enables auth method {@code type} at {@code auth/<path>}. */
    public void enable(String path, String type) {
        node.handler().authMounts().mount(path, type, "", Map.of(), MountEntry.MountConfig.DEFAULT);
    }

    public Response call(Operation op, String path, String token, Map<String, Object> data) {
        Request request = Request.builder(op, path).data(data).clientToken(token).remoteAddress("127.0.0.1").build();
        return node.handler().handle(request);
    }

    public Response call(Operation op, String path, String token, Map<String, Object> data, String remoteAddress) {
        Request request = Request.builder(op, path).data(data).clientToken(token).remoteAddress(remoteAddress).build();
        return node.handler().handle(request);
    }

    /** A root-token write. */
    public Response write(String path, Map<String, Object> data) {
        return call(Operation.UPDATE, path, ROOT, data);
    }

    public Response read(String path) {
        return call(Operation.READ, path, ROOT, Map.of());
    }

    public Response list(String path) {
        return call(Operation.LIST, path, ROOT, Map.of());
    }

    public Response delete(String path) {
        return call(Operation.DELETE, path, ROOT, Map.of());
    }

    /** A login: no token, as a client would send it. */
    public Response login(String path, Map<String, Object> data) {
        return call(Operation.UPDATE, path, null, data);
    }

    /** The exception {@code call} throws; fails the test when it returns normally. */
    public static CofferException failure(Runnable call) {
        CofferException e = catchThrowableOfType(CofferException.class, call::run);
        assertThat(e).as("expected a CofferException").isNotNull();
        return e;
    }

    /**
     * Every physical key and its stored (encrypted) bytes as Latin-1 text: equal snapshots prove a
     * refused request changed nothing, and a search finds any plaintext that leaked past the barrier.
     */
    public Map<String, String> snapshot() {
        Map<String, String> out = new TreeMap<>();
        collect("", out);
        return out;
    }

    private void collect(String prefix, Map<String, String> out) {
        List<String> children = storage.list(prefix);
        for (String child : children) {
            if (child.endsWith("/")) {
                collect(prefix + child, out);
            } else {
                out.put(prefix + child, new String(storage.get(prefix + child).orElseThrow(), StandardCharsets.ISO_8859_1));
            }
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Override
    public void close() {
        node.close();
    }
}
