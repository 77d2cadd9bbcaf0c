package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.api.Auth;
import io.github.jopenlibs.vault.response.AuthResponse;
import io.github.jopenlibs.vault.response.LogicalResponse;
import io.github.jopenlibs.vault.response.LookupResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Token auth through the unmodified vault-java-driver: create, lookup-self, renew-self,
 * revoke-self, roles, accessors, use limits and subtree revocation. Tokens that act on their own
 * carry the root policy, because only root passes the authorizer until ACL policies exist.
 */
class TokenAuthDriverCompatibilityTest {

    static CofferServer server;
    static Vault root;

    @BeforeAll
    static void start() throws VaultException {
        server = DevServer.start();
        root = as(DevServer.ROOT_TOKEN);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Vault as(String token) throws VaultException {
        // Engine version 1: the driver then sends auth/token/* paths unchanged.
        return Vault.create(new VaultConfig().address(server.url()).token(token).openTimeout(5).readTimeout(10).build(), 1);
    }

    @Test
    void createToken_returnsTheAuthBlockTheDriverReads() throws VaultException {
        AuthResponse created = root.auth().createToken(new Auth.TokenRequest().polices(List.of("dev", "ops"))
                .meta(Map.of("team", "payments")).ttl("2h").displayName("driver").renewable(true));

        assertThat(created.getRestResponse().getStatus()).isEqualTo(200);
        assertThat(created.getAuthClientToken()).startsWith("hvs.");
        assertThat(created.getTokenAccessor()).isNotBlank();
        assertThat(created.getAuthPolicies()).containsExactly("default", "dev", "ops");
        assertThat(created.getAuthLeaseDuration()).isEqualTo(7200);
        assertThat(created.isAuthRenewable()).isTrue();
    }

    @Test
    void lookupSelf_renewSelf_revokeSelf() throws VaultException {
        AuthResponse created = root.auth().createToken(new Auth.TokenRequest().ttl("10m").displayName("self"));
        Vault self = as(created.getAuthClientToken());

        LookupResponse lookup = self.auth().lookupSelf();
        assertThat(lookup.getId()).isEqualTo(created.getAuthClientToken());
        assertThat(lookup.getAccessor()).isEqualTo(created.getTokenAccessor());
        assertThat(lookup.getPolicies()).containsExactly("root");
        assertThat(lookup.getCreationTTL()).isEqualTo(600);
        assertThat(lookup.getTTL()).isBetween(590L, 600L);
        assertThat(lookup.isRenewable()).isTrue();
        assertThat(lookup.isOrphan()).isFalse();
        assertThat(lookup.getDisplayName()).isEqualTo("token-self");
        assertThat(lookup.getPath()).isEqualTo("auth/token/create");

        AuthResponse renewed = self.auth().renewSelf(3600);
        assertThat(renewed.getAuthLeaseDuration()).isEqualTo(3600);
        assertThat(renewed.getAuthClientToken()).isEqualTo(created.getAuthClientToken());
        assertThat(self.auth().lookupSelf().getTTL()).isGreaterThan(3500);
        assertThat(self.auth().lookupSelf().getLastRenewalTime()).isNotNull();

        self.auth().revokeSelf();
        assertThatThrownBy(() -> self.auth().lookupSelf()).isInstanceOfSatisfying(VaultException.class,
                e -> assertThat(e.getHttpStatusCode()).isEqualTo(403));
    }

    @Test
    void lookupAndRevokeByAccessor() throws VaultException {
        AuthResponse created = root.auth().createToken(new Auth.TokenRequest().polices(List.of("dev")));

        LogicalResponse byAccessor = root.logical().write("auth/token/lookup-accessor",
                Map.of("accessor", created.getTokenAccessor()));
        assertThat(byAccessor.getRestResponse().getStatus()).isEqualTo(200);
        assertThat(byAccessor.getData()).containsEntry("accessor", created.getTokenAccessor()).containsEntry("id", "");

        LogicalResponse accessors = root.logical().list("auth/token/accessors");
        assertThat(accessors.getListData()).contains(created.getTokenAccessor());

        root.logical().write("auth/token/revoke-accessor", Map.of("accessor", created.getTokenAccessor()));
        LogicalResponse gone = root.logical().write("auth/token/lookup-accessor", Map.of("accessor", created.getTokenAccessor()));
        assertThat(gone.getRestResponse().getStatus()).isEqualTo(400);
        assertThat(root.logical().list("auth/token/accessors").getListData()).doesNotContain(created.getTokenAccessor());
    }

    @Test
    void revokingAParentRevokesTheTokensItCreated() throws VaultException {
        AuthResponse parent = root.auth().createToken(new Auth.TokenRequest().ttl("1h"));
        Vault asParent = as(parent.getAuthClientToken());
        AuthResponse child = asParent.auth().createToken(new Auth.TokenRequest().ttl("1h"));
        AuthResponse orphan = asParent.auth().createToken(new Auth.TokenRequest().ttl("1h").noParent(true));

        root.logical().write("auth/token/revoke", Map.of("token", parent.getAuthClientToken()));

        assertThatThrownBy(() -> as(child.getAuthClientToken()).auth().lookupSelf()).isInstanceOf(VaultException.class);
        assertThat(as(orphan.getAuthClientToken()).auth().lookupSelf().isOrphan()).isTrue();
    }

    @Test
    void numUses_limitsTheRequestsATokenCanMake() throws VaultException {
        AuthResponse limited = root.auth().createToken(new Auth.TokenRequest().numUses(2L));
        Vault asLimited = as(limited.getAuthClientToken());

        assertThat(asLimited.auth().lookupSelf().getNumUses()).isEqualTo(1);
        asLimited.auth().lookupSelf();
        assertThatThrownBy(() -> asLimited.auth().lookupSelf()).isInstanceOfSatisfying(VaultException.class,
                e -> assertThat(e.getHttpStatusCode()).isEqualTo(403));
    }

    @Test
    void createToken_againstARole() throws VaultException {
        root.logical().write("auth/token/roles/driver-role", Map.of("allowed_policies", "dev,ops", "orphan", true,
                "token_period", "15m"));

        AuthResponse created = root.auth().createToken(new Auth.TokenRequest().role("driver-role").polices(List.of("dev")));

        assertThat(created.getAuthPolicies()).containsExactly("default", "dev");
        assertThat(created.getAuthLeaseDuration()).isEqualTo(900);
        LogicalResponse role = root.logical().read("auth/token/roles/driver-role");
        assertThat(role.getData()).containsEntry("orphan", "true").containsEntry("token_period", "900");
    }
}
