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
    void metadata_putGetAndDeleteThroughKeyValueMetadataOperations() {
        VaultVersionedKeyValueOperations versioned = template.opsForVersionedKeyValue("secret");
        versioned.put("spring/meta", Map.of("v", "1"));
        versioned.put("spring/meta", Map.of("v", "2"));
        var metadata = versioned.opsForKeyValueMetadata();
        metadata.put("spring/meta", org.springframework.vault.support.VaultMetadataRequest.builder()
                .maxVersions(5).casRequired(false).deleteVersionAfter(java.time.Duration.ofHours(2))
                .customMetadata(Map.of("owner", "team-a")).build());

        var read = metadata.get("spring/meta");
        assertThat(read.getMaxVersions()).isEqualTo(5);
        assertThat(read.getCurrentVersion()).isEqualTo(2);
        assertThat(read.getOldestVersion()).isZero();
        assertThat(read.getDeleteVersionAfter()).isEqualTo(java.time.Duration.ofHours(2));
        // Spring Vault's metadata response does not map custom_metadata (it does not against Vault
        // either), so read that field through the generic template.
        assertThat(template.read("secret/metadata/spring/meta").getRequiredData().get("custom_metadata"))
                .isEqualTo(Map.of("owner", "team-a"));
        assertThat(read.getVersions()).hasSize(2);
        assertThat(read.getCreatedTime()).isNotNull();

        metadata.delete("spring/meta");
        assertThat(versioned.get("spring/meta")).isNull();
    }

    @Test
    void patch_mergesIntoTheLatestVersion() {
        VaultKeyValueOperations kv = template.opsForKeyValue("secret", KeyValueBackend.versioned());
        kv.put("spring/patched", Map.of("user", "svc", "password", SuiteSecrets.register("patch-pw-1")));
        assertThat(kv.patch("spring/patched", Map.of("password", SuiteSecrets.register("patch-pw-2")))).isTrue();
        assertThat(kv.get("spring/patched").getRequiredData()).containsEntry("user", "svc").containsEntry("password", "patch-pw-2");
        assertThat(template.opsForVersionedKeyValue("secret").get("spring/patched").getMetadata().getVersion().getVersion())
                .isEqualTo(2);
    }

    @Test
    void subkeysAndConfig_readThroughTheGenericTemplate() {
        template.opsForVersionedKeyValue("secret").put("spring/nested", Map.of("db", Map.of("user", "u", "password", "p")));
        VaultResponse subkeys = template.read("secret/subkeys/spring/nested");
        assertThat(subkeys).isNotNull();
        assertThat(subkeys.getRequiredData().get("subkeys").toString()).contains("db").contains("password");
        template.write("secret/config", Map.of("max_versions", 7));
        assertThat(template.read("secret/config").getRequiredData()).containsEntry("max_versions", 7);
        template.write("secret/config", Map.of("max_versions", 0));
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
