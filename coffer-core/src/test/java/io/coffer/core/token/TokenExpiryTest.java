package io.coffer.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Expired tokens stop authenticating at once; the expiry pass reclaims them in bounded batches. */
class TokenExpiryTest {

    @Test
    void lookup_expiredTokenIsEmptyBeforeAnyCleanup() {
        try (TokenStoreFixture f = new TokenStoreFixture()) {
            String token = f.child(null, 60, 0).token();
            f.clock.advance(Duration.ofSeconds(59));
            assertThat(f.tokens.lookup(token)).hasValueSatisfying(e -> assertThat(e.remainingTtlAt(
                    f.clock.instant().getEpochSecond())).isEqualTo(1));
            f.clock.advance(Duration.ofSeconds(1));
            assertThat(f.tokens.lookup(token)).isEmpty();
            assertThat(f.barrier.list(TokenRecords.ID_PREFIX)).hasSize(1);
        }
    }

    @Test
    void lookup_childOfExpiredParentDoesNotAuthenticate() {
        try (TokenStoreFixture f = new TokenStoreFixture()) {
            String parent = f.child(null, 60, 0).token();
            String child = f.child(parent, 3600, 0).token();
            f.clock.advance(Duration.ofSeconds(61));
            assertThat(f.tokens.lookup(child)).isEmpty();
        }
    }

    @Test
    void revokeExpired_removesExpiredTokensAndTheirSubtreesOnly() {
        try (TokenStoreFixture f = new TokenStoreFixture()) {
            String root = f.root();
            String shortLived = f.child(null, 60, 0).token();
            String itsChild = f.child(shortLived, 3600, 0).token();
            String longLived = f.child(root, 7200, 0).token();
            f.clock.advance(Duration.ofSeconds(120));

            assertThat(f.tokens.revokeExpired(100)).isEqualTo(2);

            assertThat(f.barrier.get(TokenRecords.ID_PREFIX + f.tokens.hmac(shortLived))).isEmpty();
            assertThat(f.barrier.get(TokenRecords.ID_PREFIX + f.tokens.hmac(itsChild))).isEmpty();
            assertThat(f.tokens.lookup(longLived)).isPresent();
            assertThat(f.tokens.lookup(root)).isPresent();
            assertThat(f.tokens.revokeExpired(100)).isZero();
        }
    }

    @Test
    void revokeExpired_boundsTheWorkOfOnePass() {
        try (TokenStoreFixture f = new TokenStoreFixture()) {
            for (int i = 0; i < 25; i++) {
                f.child(null, 10 + i, 0);
            }
            f.clock.advance(Duration.ofHours(1));
            assertThat(f.tokens.revokeExpired(10)).isEqualTo(10);
            assertThat(f.tokens.revokeExpired(10)).isEqualTo(10);
            assertThat(f.tokens.revokeExpired(10)).isEqualTo(5);
            assertThat(f.barrier.list(TokenRecords.ID_PREFIX)).isEmpty();
            assertThat(f.barrier.list(TokenRecords.EXPIRY_PREFIX)).isEmpty();
        }
    }

    @Test
    void revokeExpired_keepsRenewedTokensAndDropsTheirStaleIndexEntry() {
        try (TokenStoreFixture f = new TokenStoreFixture()) {
            String token = f.child(null, 120, 0).token();
            f.clock.advance(Duration.ofSeconds(100));
            f.tokens.renew(token, 3600, TokenStore.RoleTerms.NONE);
            f.clock.advance(Duration.ofSeconds(100));

            assertThat(f.tokens.revokeExpired(100)).isZero();
            assertThat(f.tokens.lookup(token)).isPresent();
            assertThat(f.barrier.list(TokenRecords.EXPIRY_PREFIX)).hasSize(1);
        }
    }

    @Test
    void backgroundPass_runsWhileUnsealedAndStopsOnSeal() throws InterruptedException {
        TokenStoreFixture f = new TokenStoreFixture(Duration.ofMillis(20));
        assertThat(f.tokens.expiryPassScheduled()).isTrue();
        try {
            String token = f.child(null, 60, 0).token();
            f.clock.advance(Duration.ofMinutes(5));
            String key = TokenRecords.ID_PREFIX + f.tokens.hmac(token);
            Instant deadline = Instant.now().plusSeconds(10);
            while (f.barrier.get(key).isPresent() && Instant.now().isBefore(deadline)) {
                Thread.sleep(10);
            }
            assertThat(f.barrier.get(key)).isEmpty();
        } finally {
            f.close();
        }
        assertThat(f.tokens.expiryPassScheduled()).isFalse();
    }
}
