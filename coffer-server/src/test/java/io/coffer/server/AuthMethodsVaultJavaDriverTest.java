package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.core.mount.MountEntry;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.AuthResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** AppRole and userpass logins through the unmodified vault-java-driver (io.github.jopenlibs). */
class AuthMethodsVaultJavaDriverTest {

    static CofferServer server;
    static Vault admin;
    static Vault anonymous;

    @BeforeAll
    static void start() throws VaultException {
        server = DevServer.start();
        for (String[] m : new String[][] {{"approle/", "approle"}, {"userpass/", "userpass"}, {"people/", "userpass"}}) {
            server.node().handler().authMounts().mount(m[0], m[1], "", Map.of(), MountEntry.MountConfig.DEFAULT);
        }
        // Engine version 1: with 2 the driver rewrites every logical path as a KV v2 path (inserting data/).
        admin = Vault.create(new VaultConfig().address(server.url()).token(DevServer.ROOT_TOKEN).engineVersion(1).build(), 1);
        anonymous = Vault.create(new VaultConfig().address(server.url()).engineVersion(1).build(), 1);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void loginByAppRole_returnsATokenWithTheRolesPolicies() throws VaultException {
        admin.logical().write("auth/approle/role/driver", Map.of("token_policies", "app", "token_ttl", "15m"));
        String roleId = admin.logical().read("auth/approle/role/driver/role-id").getData().get("role_id");
        String secretId = admin.logical().write("auth/approle/role/driver/secret-id", Map.of()).getData().get("secret_id");

        AuthResponse auth = anonymous.auth().loginByAppRole(roleId, secretId);

        assertThat(auth.getRestResponse().getStatus()).isEqualTo(200);
        assertThat(auth.getAuthClientToken()).startsWith("hvs.");
        assertThat(auth.getTokenAccessor()).isNotEmpty();
        assertThat(auth.getAuthPolicies()).containsExactly("app", "default");
        assertThat(auth.getAuthLeaseDuration()).isEqualTo(900);
        assertThat(auth.isAuthRenewable()).isTrue();
    }

    @Test
    void loginByAppRole_withExplicitMountPath() throws VaultException {
        admin.logical().write("auth/approle/role/pathed", Map.of());
        String roleId = admin.logical().read("auth/approle/role/pathed/role-id").getData().get("role_id");
        String secretId = admin.logical().write("auth/approle/role/pathed/secret-id", Map.of()).getData().get("secret_id");

        assertThat(anonymous.auth().loginByAppRole("approle", roleId, secretId).getAuthClientToken()).startsWith("hvs.");
    }

    @Test
    void loginByAppRole_withAnExhaustedSecretIdFailsWith400() throws VaultException {
        admin.logical().write("auth/approle/role/single", Map.of());
        String roleId = admin.logical().read("auth/approle/role/single/role-id").getData().get("role_id");
        String secretId = admin.logical().write("auth/approle/role/single/secret-id", Map.of("num_uses", 1)).getData()
                .get("secret_id");
        anonymous.auth().loginByAppRole(roleId, secretId);

        VaultException reuse = catchThrowableOfType(VaultException.class, () -> anonymous.auth().loginByAppRole(roleId, secretId));

        assertThat(reuse).isNotNull();
        assertThat(reuse.getHttpStatusCode()).isEqualTo(400);
        assertThat(reuse.getMessage()).contains("invalid role or secret ID").doesNotContain(secretId);
    }

    @Test
    void loginByUserPass_onTheDefaultAndACustomMount() throws VaultException {
        admin.logical().write("auth/userpass/users/erin", Map.of("password", "pa55word", "token_policies", "reader"));
        admin.logical().write("auth/people/users/frank", Map.of("password", "other-pass"));

        AuthResponse erin = anonymous.auth().loginByUserPass("erin", "pa55word");
        assertThat(erin.getAuthClientToken()).startsWith("hvs.");
        assertThat(erin.getUsername()).isEqualTo("erin");
        assertThat(erin.getAuthPolicies()).containsExactly("default", "reader");

        AuthResponse frank = anonymous.auth().loginByUserPass("frank", "other-pass", "people");
        assertThat(frank.getUsername()).isEqualTo("frank");
    }

    @Test
    void loginByUserPass_withAWrongPasswordFailsWith400() {
        VaultException e = catchThrowableOfType(VaultException.class, () -> anonymous.auth().loginByUserPass("erin", "nope"));
        assertThat(e).isNotNull();
        assertThat(e.getHttpStatusCode()).isEqualTo(400);
        assertThat(e.getMessage()).contains("invalid username or password");
    }
}
