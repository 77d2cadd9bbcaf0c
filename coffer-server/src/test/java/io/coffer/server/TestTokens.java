package io.coffer.server;

import io.coffer.core.logical.Login;
import io.coffer.core.mount.MountEntry;
import java.util.List;
import java.util.Map;

/**
 * Mints non-root tokens for tests directly through the node's token store, without going through
 * {@code auth/token/create}. The token gets the given policies plus {@code default}.
 */
final class TestTokens {

    private static final MountEntry TOKEN_MOUNT = new MountEntry("token/", "token", "token based credentials",
            "00000000-0000-0000-0000-000000000000", "auth_token_test", Map.of(), MountEntry.MountConfig.DEFAULT, false, false);

    private TestTokens() {
    }

    static String mint(CofferServer server, String... policies) {
        Login login = new Login("test", List.of(policies), Map.of(), 3600, 0, 0, 0, false, List.of(), "test");
        return server.node().tokens().issueForLogin(login, TOKEN_MOUNT).token();
    }
}
