package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.LogicalResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ACL policies end to end through the unmodified vault-java-driver: the root token writes a policy
 * through {@code sys/policy}, a token holding it reads but cannot write.
 */
class VaultJavaDriverPolicyTest {

    private static final String POLICY = "path \"secret/data/app/*\" {\n  capabilities = [\"read\"]\n}\n";

    static CofferServer server;

    @BeforeAll
    static void start() {
        server = DevServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /**
     * A driver with a fixed KV engine version: version 2 for the secret/ mount, version 1 (paths as
     * given) for sys/. The version is not discovered from sys/mounts because a limited token may
     * not read it.
     */
    private static Vault driver(String token, int engineVersion) throws VaultException {
        VaultConfig config = new VaultConfig().address(server.url()).token(token).engineVersion(engineVersion)
                .openTimeout(5).readTimeout(10).build();
        return Vault.create(config);
    }

    /** The driver reports some refusals as responses and others as exceptions; either way, the status. */
    private interface Call {
        LogicalResponse run() throws VaultException;
    }

    private static int status(Call call) {
        try {
            return call.run().getRestResponse().getStatus();
        } catch (VaultException e) {
            return e.getHttpStatusCode();
        }
    }

    @Test
    void readOnlyPolicy_allowsReadAndRefusesWrite() throws VaultException {
        Vault sys = driver(DevServer.ROOT_TOKEN, 1);
        assertThat(sys.logical().write("sys/policy/app-read", Map.of("policy", POLICY)).getRestResponse().getStatus())
                .isEqualTo(204);
        assertThat(sys.logical().read("sys/policy/app-read").getData()).containsEntry("name", "app-read")
                .containsEntry("rules", POLICY);
        Vault root = driver(DevServer.ROOT_TOKEN, 2);
        root.logical().write("secret/app/config", Map.of("username", "svc", "password", "pw-driver"));

        Vault app = driver(TestTokens.mint(server, "app-read"), 2);
        LogicalResponse read = app.logical().read("secret/app/config");
        assertThat(read.getRestResponse().getStatus()).isEqualTo(200);
        assertThat(read.getData()).containsEntry("password", "pw-driver");

        assertThat(status(() -> app.logical().write("secret/app/config", Map.of("password", "changed")))).isEqualTo(403);
        assertThat(status(() -> app.logical().write("secret/app/new", Map.of("k", "v")))).isEqualTo(403);
        assertThat(status(() -> app.logical().read("secret/other/config"))).isEqualTo(403);
        assertThat(root.logical().read("secret/app/config").getData()).containsEntry("password", "pw-driver");
    }
}
