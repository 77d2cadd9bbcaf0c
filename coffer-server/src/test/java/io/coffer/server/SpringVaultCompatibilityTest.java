package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultKeyValueOperations;
import org.springframework.vault.core.VaultKeyValueOperationsSupport.KeyValueBackend;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.vault.core.VaultVersionedKeyValueOperations;
import org.springframework.vault.support.VaultMount;
import org.springframework.vault.support.VaultResponse;
import org.springframework.vault.support.Versioned;

/** KV v2 and sys endpoints driven through unmodified Spring Vault (spring-vault-core). */
class SpringVaultCompatibilityTest {

    static CofferServer server;
    static VaultTemplate template;

    @BeforeAll
    static void start() {
        server = DevServer.start();
        template = new VaultTemplate(VaultEndpoint.from(URI.create(server.url())), new TokenAuthentication(DevServer.ROOT_TOKEN));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void keyValueV2_putGetAndList() {
        VaultKeyValueOperations kv = template.opsForKeyValue("secret", KeyValueBackend.versioned());
        kv.put("spring/app", Map.of("url", "jdbc:postgresql://db/app", "password", SuiteSecrets.register("pw-123")));
        VaultResponse read = kv.get("spring/app");
        assertThat(read).isNotNull();
        assertThat(read.getRequiredData()).containsEntry("url", "jdbc:postgresql://db/app").containsEntry("password", "pw-123");
        assertThat(kv.list("spring/")).contains("app");
        assertThat(kv.get("spring/missing")).isNull();
    }

    @Test
    void versioned_readsVersionsAndEnforcesCas() {
        VaultVersionedKeyValueOperations versioned = template.opsForVersionedKeyValue("secret");
        versioned.put("spring/versioned", Map.of("v", "1"));
        Versioned.Metadata second = versioned.put("spring/versioned", Versioned.create(Map.of("v", "2"), Versioned.Version.from(1)));
        assertThat(second.getVersion().getVersion()).isEqualTo(2);

        Versioned<Map<String, Object>> first = versioned.get("spring/versioned", Versioned.Version.from(1));
        assertThat(first).isNotNull();
        assertThat(first.getRequiredData()).containsEntry("v", "1");
        assertThat(first.getMetadata().getCreatedAt()).isNotNull();

        assertThatThrownBy(() -> versioned.put("spring/versioned", Versioned.create(Map.of("v", "x"), Versioned.Version.from(1))))
                .isInstanceOf(RuntimeException.class);
        assertThat(versioned.get("spring/versioned").getRequiredData()).containsEntry("v", "2");
    }

    @Test
    void versioned_deleteUndeleteDestroy() {
        VaultVersionedKeyValueOperations versioned = template.opsForVersionedKeyValue("secret");
        versioned.put("spring/lifecycle", Map.of("v", "1"));
        versioned.put("spring/lifecycle", Map.of("v", "2"));

        versioned.delete("spring/lifecycle", Versioned.Version.from(2));
        Versioned<Map<String, Object>> deleted = versioned.get("spring/lifecycle");
        assertThat(deleted == null || !deleted.hasData()).isTrue();

        versioned.undelete("spring/lifecycle", Versioned.Version.from(2));
        assertThat(versioned.get("spring/lifecycle").getRequiredData()).containsEntry("v", "2");

        versioned.destroy("spring/lifecycle", Versioned.Version.from(1));
        Versioned<Map<String, Object>> destroyed = versioned.get("spring/lifecycle", Versioned.Version.from(1));
        assertThat(destroyed == null || !destroyed.hasData()).isTrue();
    }

    @Test
    void sys_healthMountsAndSealStatus() {
        assertThat(template.opsForSys().health().isInitialized()).isTrue();
        assertThat(template.opsForSys().health().isSealed()).isFalse();
        assertThat(template.opsForSys().isInitialized()).isTrue();
        assertThat(template.opsForSys().getUnsealStatus().isSealed()).isFalse();

        template.opsForSys().mount("springkv", VaultMount.builder().type("kv").options(Map.of("version", "2")).build());
        assertThat(template.opsForSys().getMounts()).containsKey("springkv/");
        assertThat(template.opsForSys().getMounts().get("springkv/").getOptions()).containsEntry("version", "2");
        template.opsForSys().unmount("springkv");
        assertThat(template.opsForSys().getMounts()).doesNotContainKey("springkv/");
    }
}
