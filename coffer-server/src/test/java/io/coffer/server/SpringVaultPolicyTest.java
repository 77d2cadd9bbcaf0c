package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.vault.VaultException;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.vault.core.VaultVersionedKeyValueOperations;
import org.springframework.vault.support.Policy;
import org.springframework.vault.support.Versioned;

/**
 * ACL policies end to end through unmodified Spring Vault: its policy operations (the legacy
 * {@code sys/policy} endpoint, JSON documents under {@code rules}) and a read-only token that reads
 * but cannot write.
 */
class SpringVaultPolicyTest {

    static CofferServer server;
    static VaultTemplate root;

    @BeforeAll
    static void start() {
        server = DevServer.start();
        root = template(DevServer.ROOT_TOKEN);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static VaultTemplate template(String token) {
        return new VaultTemplate(VaultEndpoint.from(URI.create(server.url())), new TokenAuthentication(token));
    }

    private static Policy readOnlyApp() {
        return Policy.of(Policy.Rule.builder().path("secret/data/app/*").capabilities(Policy.BuiltinCapabilities.READ).build());
    }

    @Test
    void policyOperations_roundTripJsonPolicies() {
        root.opsForSys().createOrUpdatePolicy("spring-app-read", readOnlyApp());
        assertThat(root.opsForSys().getPolicyNames()).contains("default", "spring-app-read", "root");
        Policy back = root.opsForSys().getPolicy("spring-app-read");
        assertThat(back).isNotNull();
        assertThat(back.getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getPath()).isEqualTo("secret/data/app/*");
            assertThat(rule.getCapabilities()).containsExactly(Policy.BuiltinCapabilities.READ);
        });
        root.opsForSys().deletePolicy("spring-app-read");
        assertThat(root.opsForSys().getPolicyNames()).doesNotContain("spring-app-read");
    }

    @Test
    void readOnlyPolicy_allowsReadAndRefusesWrite() {
        root.opsForSys().createOrUpdatePolicy("app-read", readOnlyApp());
        root.opsForVersionedKeyValue("secret").put("app/config", Map.of("password", "pw-spring"));

        VaultVersionedKeyValueOperations app = template(TestTokens.mint(server, "app-read")).opsForVersionedKeyValue("secret");
        Versioned<Map<String, Object>> read = app.get("app/config");
        assertThat(read).isNotNull();
        assertThat(read.getRequiredData()).containsEntry("password", "pw-spring");

        assertThatThrownBy(() -> app.put("app/config", Map.of("password", "changed")))
                .isInstanceOf(VaultException.class).hasMessageContaining("403").hasMessageContaining("permission denied");
        assertThatThrownBy(() -> app.put("app/new", Map.of("k", "v")))
                .isInstanceOf(VaultException.class).hasMessageContaining("403");
        assertThatThrownBy(() -> app.get("other/config"))
                .isInstanceOf(VaultException.class).hasMessageContaining("403");
        assertThat(root.opsForVersionedKeyValue("secret").get("app/config").getRequiredData()).containsEntry("password", "pw-spring");
    }
}
