package io.coffer.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.error.CofferException;
import io.coffer.core.mount.MountEntry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Renewal through the store: increments, the issuing mount's current tuning, explicit max, periods, roles. */
class TokenRenewalTest {

    private static final long H = 3600;

    private final TokenStoreFixture f = new TokenStoreFixture();
    private final TokenStore tokens = f.tokens;

    @AfterEach
    void close() {
        f.close();
    }

    private long now() {
        return f.clock.instant().getEpochSecond();
    }

    @Test
    void renew_withIncrementMovesTheExpiryFromNow() {
        String token = f.child(null, H, 0).token();
        f.clock.advance(Duration.ofMinutes(30));

        TokenStore.Renewal r = tokens.renew(token, 2 * H, TokenStore.RoleTerms.NONE);

        assertThat(r.entry().expireTime()).isEqualTo(now() + 2 * H);
        assertThat(r.entry().lastRenewalTime()).isEqualTo(now());
        assertThat(r.entry().ttl()).as("creation ttl is kept").isEqualTo(H);
        assertThat(TokenStore.authBlock("", r.entry())).containsEntry("lease_duration", 2 * H);
        assertThat(tokens.lookup(token)).hasValueSatisfying(e -> assertThat(e.expireTime()).isEqualTo(now() + 2 * H));
    }

    @Test
    void renew_withoutIncrementGrantsTheCurrentLeaseAgain() {
        String token = f.child(null, H, 0).token();
        f.clock.advance(Duration.ofMinutes(50));
        assertThat(tokens.renew(token, 0, TokenStore.RoleTerms.NONE).entry().expireTime()).isEqualTo(now() + H);
    }

    @Test
    void renew_isBoundedByTheIssuingMountsCurrentMax() {
        MountEntry tokenMount = new MountEntry("token/", "token", "", "uuid-token", "auth_token_1", Map.of(),
                new MountEntry.MountConfig(0, 2 * H, false), false, false);
        tokens.useIssuingMounts(uuid -> uuid.equals("uuid-token") ? Optional.of(tokenMount) : Optional.empty());
        String token = tokens.create(TokenStoreFixture.spec(null, H, 0, true, 0, 0, "uuid-token")).token();
        f.clock.advance(Duration.ofMinutes(30));

        TokenStore.Renewal r = tokens.renew(token, 5 * H, TokenStore.RoleTerms.NONE);

        assertThat(r.entry().expireTime()).isEqualTo(TokenStoreFixture.START.getEpochSecond() + 2 * H);
        assertThat(r.warnings()).hasSize(1);
    }

    @Test
    void renew_isBoundedByTheExplicitMaxAndFailsOnceItIsReached() {
        String token = tokens.create(TokenStoreFixture.spec(null, H, 0, true, 0, 90 * 60, "")).token();
        f.clock.advance(Duration.ofMinutes(59));
        assertThat(tokens.renew(token, H, TokenStore.RoleTerms.NONE).entry().expireTime())
                .isEqualTo(TokenStoreFixture.START.getEpochSecond() + 90 * 60);
        f.clock.advance(Duration.ofMinutes(31));
        assertThatThrownBy(() -> tokens.renew(token, H, TokenStore.RoleTerms.NONE)).isInstanceOf(CofferException.class);
    }

    @Test
    void renew_periodicTokenGetsItsPeriodForever() {
        String token = tokens.create(TokenStoreFixture.spec(null, H, 0, true, H, 0, "")).token();
        for (int i = 0; i < 800; i++) {
            f.clock.advance(Duration.ofMinutes(59));
            tokens.renew(token, 0, TokenStore.RoleTerms.NONE);
        }
        assertThat(tokens.lookup(token)).hasValueSatisfying(e -> assertThat(e.expireTime()).isEqualTo(now() + H));
        assertThat(now() - TokenStoreFixture.START.getEpochSecond()).isGreaterThan(768 * H);
    }

    @Test
    void renew_roleTokenUsesTheRolesCurrentTermsAndFailsWithoutTheRole() {
        TokenStore.NewToken spec = new TokenStore.NewToken(java.util.List.of("dev"), "auth/token/create/ci", Map.of(),
                "token", 600, 0, 0, true, 600, "ci", Optional.empty(), Optional.empty(), "");
        String token = tokens.create(spec).token();
        f.clock.advance(Duration.ofMinutes(5));
        TokenStore.RoleTerms ci = name -> name.equals("ci") ? Optional.of(new TokenStore.RenewalTerms(120, 0)) : Optional.empty();

        assertThat(tokens.renew(token, 0, ci).entry().expireTime()).isEqualTo(now() + 120);
        assertThatThrownBy(() -> tokens.renew(token, 0, TokenStore.RoleTerms.NONE))
                .isInstanceOf(CofferException.class).hasMessageContaining("role");
    }

    @Test
    void renew_refusesNonRenewableNonExpiringAndUnknownTokens() {
        String root = f.root();
        String fixed = tokens.create(TokenStoreFixture.spec(null, H, 0, false, 0, 0, "")).token();
        assertThatThrownBy(() -> tokens.renew(root, 0, TokenStore.RoleTerms.NONE)).hasMessage("lease is not renewable");
        assertThatThrownBy(() -> tokens.renew(fixed, 0, TokenStore.RoleTerms.NONE)).hasMessage("lease is not renewable");
        assertThatThrownBy(() -> tokens.renew("hvs.unknown", 0, TokenStore.RoleTerms.NONE)).hasMessage("token not found");
        assertThatThrownBy(() -> tokens.renewByAccessor("nope", 0, TokenStore.RoleTerms.NONE)).hasMessage("invalid accessor");
    }
}
