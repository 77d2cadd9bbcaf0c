package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.coffer.core.mount.MountEntry;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.vault.authentication.AppRoleAuthentication;
import org.springframework.vault.authentication.AppRoleAuthenticationOptions;
import org.springframework.vault.authentication.AppRoleAuthenticationOptions.RoleId;
import org.springframework.vault.authentication.AppRoleAuthenticationOptions.SecretId;
import org.springframework.vault.authentication.LoginToken;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.VaultClients;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.vault.support.VaultResponse;
import org.springframework.vault.support.VaultToken;
import org.springframework.web.client.RestTemplate;

/** AppRole login through unmodified Spring Vault's {@code AppRoleAuthentication}, with provided and pulled credentials. */
class AuthMethodsSpringVaultTest {

    static CofferServer server;
    static VaultTemplate admin;
    static RestTemplate rest;

    @BeforeAll
    static void start() {
        server = DevServer.start();
        server.node().handler().authMounts().mount("approle/", "approle", "", Map.of(), MountEntry.MountConfig.DEFAULT);
        VaultEndpoint endpoint = VaultEndpoint.from(URI.create(server.url()));
        admin = new VaultTemplate(endpoint, new TokenAuthentication(DevServer.ROOT_TOKEN));
        rest = VaultClients.createRestTemplate(endpoint, new SimpleClientHttpRequestFactory());
        admin.write("auth/approle/role/spring", Map.of("token_policies", "spring-app", "token_ttl", "30m"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String roleId() {
        VaultResponse r = admin.read("auth/approle/role/spring/role-id");
        return (String) r.getRequiredData().get("role_id");
    }

    private static String newSecretId(Map<String, Object> body) {
        VaultResponse r = admin.write("auth/approle/role/spring/secret-id", body);
        return (String) r.getRequiredData().get("secret_id");
    }

    @Test
    void providedRoleIdAndSecretId_logIn() {
        AppRoleAuthenticationOptions options = AppRoleAuthenticationOptions.builder().path("approle")
                .roleId(RoleId.provided(roleId())).secretId(SecretId.provided(newSecretId(Map.of()))).build();

        VaultToken token = new AppRoleAuthentication(options, rest).login();

        assertThat(token.getToken()).startsWith("hvs.");
        assertThat(token).isInstanceOf(LoginToken.class);
        LoginToken login = (LoginToken) token;
        assertThat(login.getLeaseDuration().getSeconds()).isEqualTo(1800);
        assertThat(login.isRenewable()).isTrue();
        assertThat(login.getAccessor()).isNotEmpty();
    }

    @Test
    void pulledRoleIdAndSecretId_logIn() {
        VaultToken initial = VaultToken.of(DevServer.ROOT_TOKEN);
        AppRoleAuthenticationOptions options = AppRoleAuthenticationOptions.builder().path("approle").appRole("spring")
                .roleId(RoleId.pull(initial)).secretId(SecretId.pull(initial)).build();

        VaultToken token = new AppRoleAuthentication(options, rest).login();

        assertThat(token.getToken()).startsWith("hvs.").isNotEqualTo(DevServer.ROOT_TOKEN);
    }

    @Test
    void exhaustedSecretId_failsTheSecondLogin() {
        AppRoleAuthenticationOptions options = AppRoleAuthenticationOptions.builder().path("approle")
                .roleId(RoleId.provided(roleId())).secretId(SecretId.provided(newSecretId(Map.of("num_uses", 1)))).build();
        new AppRoleAuthentication(options, rest).login();

        Throwable second = catchThrowable(() -> new AppRoleAuthentication(options, rest).login());

        assertThat(second).isNotNull().hasMessageContaining("invalid role or secret ID");
    }
}
