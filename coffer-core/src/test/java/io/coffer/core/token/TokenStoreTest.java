package io.coffer.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.barrier.AesGcm;
import io.coffer.core.barrier.AesGcmBarrier;
import io.coffer.core.storage.InMemoryStorage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenStoreTest {

    private final InMemoryStorage physical = new InMemoryStorage();
    private final AesGcmBarrier barrier = new AesGcmBarrier(physical, Clock.systemUTC());
    private final TokenStore tokens = new TokenStore(barrier, Clock.systemUTC());

    @BeforeEach
    void unseal() {
        barrier.initialize(AesGcm.newKey());
        tokens.afterUnseal();
    }

    @AfterEach
    void seal() {
        // Stops the background expiry pass that unsealing started.
        tokens.beforeSeal();
    }

    @Test
    void createRoot_issuesHvsTokenThatLooksUp() {
        TokenStore.IssuedToken issued = tokens.createRoot(Optional.empty());
        assertThat(issued.token()).startsWith("hvs.").hasSize(28);
        assertThat(tokens.lookup(issued.token())).hasValueSatisfying(e -> {
            assertThat(e.policies()).containsExactly("root");
            assertThat(e.isRoot()).isTrue();
        });
        assertThat(issued.toString()).doesNotContain(issued.token());
    }

    @Test
    void token_isPersistedOnlyAsSaltedHmac() {
        String token = tokens.createRoot(Optional.of("my-dev-root")).token();
        for (String folder : barrier.list("sys/token/id/")) {
            assertThat(folder).doesNotContain(token).hasSize(64);
            String plain = new String(barrier.get("sys/token/id/" + folder).orElseThrow(), StandardCharsets.UTF_8);
            assertThat(plain).doesNotContain(token);
        }
        assertThat(barrier.list("sys/token/id/")).hasSize(1);
    }

    @Test
    void lookup_unknownOrRevokedTokenIsEmpty() {
        String token = tokens.createRoot(Optional.empty()).token();
        assertThat(tokens.lookup("hvs.unknown")).isEmpty();
        assertThat(tokens.lookup("")).isEmpty();
        tokens.revoke(token);
        assertThat(tokens.lookup(token)).isEmpty();
        assertThat(barrier.list("sys/token/accessor/")).isEmpty();
    }

    @Test
    void lookup_survivesSealAndUnsealWithSameSalt() {
        String token = tokens.createRoot(Optional.empty()).token();
        tokens.beforeSeal();
        tokens.afterUnseal();
        assertThat(tokens.lookup(token)).isPresent();
    }
}
