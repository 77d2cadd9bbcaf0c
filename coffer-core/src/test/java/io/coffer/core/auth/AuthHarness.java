package io.coffer.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.core.barrier.PlaintextSecureStorage;
import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.engine.SecretsEngine;
import io.coffer.core.engine.SecretsEngineFactory;
import io.coffer.core.error.CofferException;
import io.coffer.core.json.Json;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Request;
import io.coffer.core.logical.Response;
import io.coffer.core.mount.MountEntry;
import io.coffer.core.router.RouteTarget;
import io.coffer.core.router.Router;
import io.coffer.core.storage.InMemoryStorage;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Drives an auth method's engine through the real router ({@link Router#resolve}) over plaintext
 * in-memory storage under a mount prefix, so tests can also look at what the engine stored.
 */
public final class AuthHarness {

    public static final String MOUNT_PREFIX = "auth/5e1f0c2a/";

    public final InMemoryStorage backend = new InMemoryStorage();
    public final SecureStorage storage = new PlaintextSecureStorage(backend).view(MOUNT_PREFIX);
    public final MountEntry mount;
    public final SecretsEngine engine;
    public String remoteAddress = "127.0.0.1";

    public AuthHarness(SecretsEngineFactory factory, String path) {
        this(factory, path, MountEntry.MountConfig.DEFAULT);
    }

    public AuthHarness(SecretsEngineFactory factory, String path, MountEntry.MountConfig config) {
        this.mount = new MountEntry(path, factory.type(), "", "5e1f0c2a", "auth_" + factory.type() + "_5e1f0c2a", Map.of(),
                config, false, false);
        this.engine = factory.create(mount, storage);
    }

    /** Resolves {@code op} on {@code path} (relative to the mount) as the router does, without invoking it. */
    public RouteTarget resolve(Operation op, String path, Map<String, Object> data) {
        Request request = Request.builder(op, "auth/" + mount.path() + path).data(data).remoteAddress(remoteAddress).build();
        return Router.resolve(engine, request, path, mount, storage);
    }

    public Response call(Operation op, String path, Map<String, Object> data) {
        return resolve(op, path, data).invoke();
    }

    public Response read(String path) {
        return call(Operation.READ, path, Map.of());
    }

    public Response write(String path, String json) {
        return call(Operation.UPDATE, path, Json.parseObject(json.getBytes(StandardCharsets.UTF_8)));
    }

    public Response write(String path, Map<String, Object> data) {
        return call(Operation.UPDATE, path, data);
    }

    public Response delete(String path) {
        return call(Operation.DELETE, path, Map.of());
    }

    public Response list(String path) {
        return call(Operation.LIST, path, Map.of());
    }

    /** The exception {@code call} throws; fails the test when it returns normally. */
    public static CofferException failure(Runnable call) {
        CofferException e = catchThrowableOfType(CofferException.class, call::run);
        assertThat(e).as("expected a CofferException").isNotNull();
        return e;
    }

    /** The HTTP status the Vault adapter would answer with. */
    public static int status(Response r) {
        if (r.status() != 0) {
            return r.status();
        }
        return r.isEmpty() ? 204 : 200;
    }

    public static Map<String, Object> data(Response r) {
        return r.data().orElseThrow(() -> new AssertionError("response has no data"));
    }

    /** Every stored value under the mount, as text, for checks that no secret is stored in the clear. */
    public String everythingStored() {
        StringBuilder b = new StringBuilder();
        dump(MOUNT_PREFIX, b);
        return b.toString();
    }

    private void dump(String prefix, StringBuilder b) {
        for (String child : backend.list(prefix)) {
            if (child.endsWith("/")) {
                dump(prefix + child, b);
            } else {
                b.append(prefix).append(child).append('=');
                b.append(new String(backend.get(prefix + child).orElseThrow(), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
    }
}
