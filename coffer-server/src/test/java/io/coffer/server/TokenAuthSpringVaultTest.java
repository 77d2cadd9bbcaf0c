package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.vault.authentication.LifecycleAwareSessionManager;
import org.springframework.vault.authentication.LifecycleAwareSessionManagerSupport.FixedTimeoutRefreshTrigger;
import org.springframework.vault.authentication.LoginToken;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.authentication.event.AfterLoginTokenRenewedEvent;
import org.springframework.vault.client.VaultClients;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.vault.support.VaultResponse;
import org.springframework.vault.support.VaultToken;
import org.springframework.vault.support.VaultTokenRequest;
import org.springframework.vault.support.VaultTokenResponse;
import org.springframework.web.client.RestTemplate;

/**
 * Token auth through unmodified Spring Vault: its token operations, and its session manager
 * keeping a short-lived renewable login token alive by renewing it before it expires.
 */
class TokenAuthSpringVaultTest {

    static CofferServer server;
    static VaultEndpoint endpoint;
    static VaultTemplate root;

    @BeforeAll
    static void start() {
        server = DevServer.start();
        endpoint = VaultEndpoint.from(URI.create(server.url()));
        root = new VaultTemplate(endpoint, new TokenAuthentication(DevServer.ROOT_TOKEN));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void tokenOperations_createRenewRevoke() {
        VaultTokenResponse created = root.opsForToken().create(VaultTokenRequest.builder().withPolicy("dev")
                .ttl(Duration.ofMinutes(10)).displayName("spring").meta(Map.of("app", "orders")).renewable().build());
        VaultToken token = created.getToken();
        assertThat(token.getToken()).startsWith("hvs.");
        assertThat(created.getAuth()).containsEntry("policies", List.of("default", "dev"))
                .containsEntry("lease_duration", 600).containsEntry("metadata", Map.of("app", "orders"));

        VaultTokenResponse renewed = root.opsForToken().renew(token);
        assertThat(renewed.getAuth()).containsEntry("lease_duration", 600);

        VaultResponse lookup = root.write("auth/token/lookup", Map.of("token", token.getToken()));
        assertThat(lookup.getRequiredData()).containsEntry("display_name", "token-spring").containsKey("last_renewal_time");

        root.opsForToken().revoke(token);
        assertThatThrownBy(() -> root.write("auth/token/lookup", Map.of("token", token.getToken())))
                .hasMessageContaining("403");
    }

    @Test
    void sessionManager_renewsAShortLivedTokenBeforeItExpires() throws Exception {
        VaultTokenResponse created = root.opsForToken().create(VaultTokenRequest.builder().ttl(Duration.ofSeconds(6))
                .renewable().build());
        String token = created.getToken().getToken();

        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setDaemon(true);
        scheduler.initialize();
        RestTemplate rest = VaultClients.createRestTemplate(endpoint, new SimpleClientHttpRequestFactory());
        // Renew 4s before expiry, i.e. about every 2s; keep any renewed token with more than 1s left.
        LifecycleAwareSessionManager sessions = new LifecycleAwareSessionManager(
                () -> LoginToken.renewable(token.toCharArray(), Duration.ofSeconds(6)), scheduler, rest,
                new FixedTimeoutRefreshTrigger(Duration.ofSeconds(4), Duration.ofSeconds(1)));
        CountDownLatch renewals = new CountDownLatch(3);
        sessions.addAuthenticationListener(event -> {
            if (event instanceof AfterLoginTokenRenewedEvent) {
                renewals.countDown();
            }
        });
        try {
            assertThat(sessions.getSessionToken().getToken()).isEqualTo(token);

            // Three renewals take about 6s, the token's whole TTL: it outlives its first lease.
            assertThat(renewals.await(20, TimeUnit.SECONDS)).as("three renewals within 20s").isTrue();

            VaultTemplate asSession = new VaultTemplate(endpoint, new TokenAuthentication(sessions.getSessionToken()));
            VaultResponse self = asSession.read("auth/token/lookup-self");
            assertThat(self.getRequiredData()).containsEntry("id", token).containsKey("last_renewal_time");
            assertThat(((Number) self.getRequiredData().get("ttl")).longValue()).isBetween(1L, 6L);
        } finally {
            sessions.destroy();
            scheduler.shutdown();
        }
        // Destroying the session manager revokes the login token it obtained.
        assertThatThrownBy(() -> root.write("auth/token/lookup", Map.of("token", token))).hasMessageContaining("403");
    }
}
