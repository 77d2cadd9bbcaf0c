package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.api.WriteOptions;
import io.github.jopenlibs.vault.api.sys.mounts.MountPayload;
import io.github.jopenlibs.vault.api.sys.mounts.MountType;
import io.github.jopenlibs.vault.response.LogicalResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** KV v2 and sys endpoints driven through the unmodified vault-java-driver (io.github.jopenlibs). */
class VaultJavaDriverCompatibilityTest {

    static CofferServer server;
    static Vault vault;

    @BeforeAll
    static void start() throws VaultException {
        server = DevServer.start();
        VaultConfig config = new VaultConfig().address(server.url()).token(DevServer.ROOT_TOKEN).engineVersion(2)
                .openTimeout(5).readTimeout(10).build();
        // useSecretsEnginePathMap=true makes the driver discover engine versions from sys/mounts.
        vault = Vault.create(config, true, 2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void driver_discoversKvV2MountFromSysMounts() {
        assertThat(vault.getSecretEngineVersions()).containsEntry("secret/", "2");
    }

    @Test
    void writeAndRead_roundTripsThroughDataPath() throws VaultException {
        LogicalResponse write = vault.logical().write("secret/driver/app", Map.of("username", "svc", "password", SuiteSecrets.register("s3cr3t!")));
        assertThat(write.getRestResponse().getStatus()).isEqualTo(200);

        LogicalResponse read = vault.logical().read("secret/driver/app");
        assertThat(read.getRestResponse().getStatus()).isEqualTo(200);
        assertThat(read.getData()).containsEntry("username", "svc").containsEntry("password", "s3cr3t!");
        assertThat(read.getDataMetadata().getVersion()).isEqualTo(1L);
    }

    @Test
    void versions_readOldVersionAfterOverwrite() throws VaultException {
        vault.logical().write("secret/driver/versioned", Map.of("v", "one"));
        vault.logical().write("secret/driver/versioned", Map.of("v", "two"));
        assertThat(vault.logical().read("secret/driver/versioned").getData()).containsEntry("v", "two");
        assertThat(vault.logical().read("secret/driver/versioned", true, 1).getData()).containsEntry("v", "one");
    }

    @Test
    void checkAndSet_rejectsStaleVersion() throws VaultException {
        vault.logical().write("secret/driver/cas", Map.of("v", "1"));
        LogicalResponse ok = vault.logical().write("secret/driver/cas", Map.of("v", "2"), null,
                new WriteOptions().checkAndSet(1L).build());
        assertThat(ok.getRestResponse().getStatus()).isEqualTo(200);
        // The driver hands 4xx answers back as responses rather than exceptions.
        LogicalResponse stale = vault.logical().write("secret/driver/cas", Map.of("v", "3"), null,
                new WriteOptions().checkAndSet(1L).build());
        assertThat(stale.getRestResponse().getStatus()).isEqualTo(400);
        assertThat(new String(stale.getRestResponse().getBody())).contains("check-and-set parameter did not match");
        assertThat(vault.logical().read("secret/driver/cas").getData()).containsEntry("v", "2");
    }

    @Test
    void list_showsKeysAndFolders() throws VaultException {
        vault.logical().write("secret/driver/list/a", Map.of("k", "v"));
        vault.logical().write("secret/driver/list/sub/b", Map.of("k", "v"));
        assertThat(vault.logical().list("secret/driver/list").getListData()).containsExactly("a", "sub/");
    }

    @Test
    void deleteUndeleteDestroy_followVaultSemantics() throws VaultException {
        String path = "secret/driver/lifecycle";
        vault.logical().write(path, Map.of("v", "1"));
        vault.logical().write(path, Map.of("v", "2"));

        // delete(path, versions) soft-deletes through delete/; delete(path) removes metadata/ (all versions).
        vault.logical().delete(path, new int[] {2});
        assertThat(vault.logical().read(path).getRestResponse().getStatus()).isEqualTo(404);

        vault.logical().unDelete(path, new int[] {2});
        assertThat(vault.logical().read(path).getData()).containsEntry("v", "2");

        vault.logical().destroy(path, new int[] {1});
        LogicalResponse destroyed = vault.logical().read(path, true, 1);
        assertThat(destroyed.getRestResponse().getStatus()).isEqualTo(404);
        assertThat(new String(destroyed.getRestResponse().getBody())).contains("\"destroyed\":true").contains("\"data\":null");
        assertThat(vault.logical().read(path, true, 2).getData()).containsEntry("v", "2");

        vault.logical().delete(path);
        assertThat(vault.logical().read(path).getRestResponse().getStatus()).isEqualTo(404);
        assertThat(vault.logical().list("secret/driver").getListData()).doesNotContain("lifecycle");
    }

    @Test
    void mounts_enableListAndDisableKvV2() throws VaultException {
        vault.mounts().enable("drivermount", MountType.KEY_VALUE_V2, new MountPayload().description("from the driver"));
        assertThat(vault.mounts().list().getMounts()).containsKey("drivermount/");
        vault.mounts().disable("drivermount");
        assertThat(vault.mounts().list().getMounts()).doesNotContainKey("drivermount/");
    }

    @Test
    void sealStatusAndHealth_parse() throws VaultException {
        assertThat(vault.seal().sealStatus().getSealed()).isFalse();
        assertThat(vault.debug().health().getInitialized()).isTrue();
        assertThat(vault.debug().health().getSealed()).isFalse();
    }

    @Test
    void wrongToken_isDenied() throws VaultException {
        vault.logical().write("secret/driver/guarded", Map.of("k", "v"));
        VaultConfig config = new VaultConfig().address(server.url()).token("hvs.wrong").engineVersion(2).build();
        LogicalResponse denied = Vault.create(config, 2).logical().read("secret/driver/guarded");
        assertThat(denied.getRestResponse().getStatus()).isEqualTo(403);
        assertThat(new String(denied.getRestResponse().getBody())).isEqualTo("{\"errors\":[\"permission denied\"]}");
        assertThatThrownBy(() -> Vault.create(config, 2).mounts().list()).isInstanceOf(VaultException.class);
    }
}
