package io.coffer.core.auth.token;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.engine.kv.KvEngineFactory;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Request;
import io.coffer.core.logical.Response;
import io.coffer.core.mount.MountTable;
import io.coffer.core.node.CofferNode;
import io.coffer.core.router.RouteTarget;
import io.coffer.core.router.Router;
import io.coffer.core.storage.InMemoryStorage;
import io.coffer.core.auth.TestClock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dev node (in-memory storage, real barrier) with the token auth method, driven two ways:
 * {@link #call} goes through the whole request pipeline (authentication, the root-only authorizer,
 * use accounting); {@link #direct} resolves and invokes an {@code auth/token/} route the way the
 * pipeline does after authorization, so tests can act as non-root tokens, which the root-only
 * authorizer would stop before the engine.
 */
final class TokenAuthHarness implements AutoCloseable {

    static final String ROOT = "root-token";

    final TestClock clock = new TestClock(Instant.parse("2030-01-01T00:00:00Z"));
    final CofferNode node;

    TokenAuthHarness() {
        node = CofferNode.builder(new InMemoryStorage()).clock(clock).engine(new KvEngineFactory())
                .authMethod(TokenAuthFactory::new).build();
        node.startDev(Optional.of(ROOT));
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    Response call(Operation op, String path, String token, Map<String, Object> data) {
        return node.handler().handle(Request.builder(op, path).clientToken(token).data(data).build());
    }

    Response write(String path, String token, Map<String, Object> data) {
        return call(Operation.UPDATE, path, token, data);
    }

    CofferException failure(Operation op, String path, String token, Map<String, Object> data) {
        CofferException[] caught = new CofferException[1];
        assertThatThrownBy(() -> call(op, path, token, data)).isInstanceOfSatisfying(CofferException.class, e -> caught[0] = e);
        return caught[0];
    }

    /** Resolves {@code auth/token/<relative>} and invokes it as {@code token}, skipping authorization. */
    Response direct(Operation op, String relative, String token, Map<String, Object> data) {
        return target(op, relative, token, data).invoke();
    }

    RouteTarget target(Operation op, String relative, String token, Map<String, Object> data) {
        MountTable.Match m = node.handler().authMounts().match("token/" + relative).orElseThrow();
        Request request = Request.builder(op, "auth/token/" + relative).clientToken(token).data(data).build();
        return Router.resolve(m.mount().engine(), request, m.relativePath(), m.mount().entry(), m.mount().storage());
    }

    CofferException directFailure(Operation op, String relative, String token, Map<String, Object> data) {
        CofferException[] caught = new CofferException[1];
        assertThatThrownBy(() -> direct(op, relative, token, data))
                .isInstanceOfSatisfying(CofferException.class, e -> caught[0] = e);
        return caught[0];
    }

    /** Creates a token as root; returns its auth block. */
    Map<String, Object> create(Map<String, Object> fields) {
        return write("auth/token/create", ROOT, fields).auth().orElseThrow();
    }

    /** A token that is not root, created directly so that the test can act as it. */
    String nonRoot(List<String> policies) {
        return (String) create(Map.of("policies", policies)).get("client_token");
    }

    static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Override
    public void close() {
        node.close();
    }
}
