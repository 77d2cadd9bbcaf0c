package io.coffer.core.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.auth.approle.AppRoleEngineFactory;
import io.coffer.core.auth.userpass.UserpassEngineFactory;
import io.coffer.core.engine.kv.KvEngineFactory;
import io.coffer.core.error.CofferException;
import io.coffer.core.error.RateLimitedException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Request;
import io.coffer.core.logical.Response;
import io.coffer.core.mount.MountEntry;
import io.coffer.core.node.CofferNode;
import io.coffer.core.storage.InMemoryStorage;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request pipeline throttles login paths, and only those, per client address, mount and subject. */
class LoginThrottlingTest {

    private CofferNode node;
    private String root;

    @BeforeEach
    void start() {
        node = CofferNode.builder(new InMemoryStorage()).engine(new KvEngineFactory()).authMethod(new AppRoleEngineFactory())
                .authMethod(new UserpassEngineFactory(io.coffer.core.ratelimit.LoginWorkPool.sizedToMachine())).build();
        root = node.startDev(Optional.empty()).rootToken();
        node.handler().authMounts().mount("approle/", "approle", "", Map.of(), MountEntry.MountConfig.DEFAULT);
        node.handler().authMounts().mount("other/", "approle", "", Map.of(), MountEntry.MountConfig.DEFAULT);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private Response send(Operation op, String path, Map<String, Object> data, String client, String token) {
        return node.handler().handle(Request.builder(op, path).data(data).remoteAddress(client).clientToken(token).build());
    }

    private CofferException loginFailure(String mount, String roleId, String client) {
        try {
            send(Operation.UPDATE, "auth/" + mount + "/login", Map.of("role_id", roleId, "secret_id", "s"), client, null);
        } catch (CofferException e) {
            return e;
        }
        throw new AssertionError("login with made-up credentials succeeded");
    }

    @Test
    void burst_ofLoginsForOneRoleIsCutOffAfterTwenty() {
        int limited = 0;
        for (int i = 0; i < 60; i++) {
            CofferException e = loginFailure("approle", "guessed-role", "203.0.113.9");
            if (i < 20) {
                // The bucket starts full: the first twenty are never throttled, whatever the timing.
                assertThat(e.messages()).as("attempt " + i).containsExactly("invalid role or secret ID");
            } else if (e instanceof RateLimitedException r) {
                limited++;
                assertThat(r.retryAfterSeconds()).isPositive();
            }
        }
        assertThat(limited).isPositive();

        // Other clients, other mounts and other roles are not held back by this one.
        assertThat(loginFailure("approle", "guessed-role", "198.51.100.1")).isNotInstanceOf(RateLimitedException.class);
        assertThat(loginFailure("other", "guessed-role", "203.0.113.9")).isNotInstanceOf(RateLimitedException.class);
        assertThat(loginFailure("approle", "another-role", "203.0.113.9")).isNotInstanceOf(RateLimitedException.class);
    }

    @Test
    void authenticatedRequests_areNotThrottled() {
        send(Operation.UPDATE, "auth/approle/role/app", Map.of(), "203.0.113.9", root);
        for (int i = 0; i < 100; i++) {
            assertThat(send(Operation.READ, "auth/approle/role/app", Map.of(), "203.0.113.9", root).data()).isPresent();
        }
    }
}
