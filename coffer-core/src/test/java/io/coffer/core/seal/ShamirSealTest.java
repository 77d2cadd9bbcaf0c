package io.coffer.core.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.barrier.AesGcmBarrier;
import io.coffer.core.error.CofferException;
import io.coffer.core.storage.InMemoryStorage;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShamirSealTest {

    private final InMemoryStorage physical = new InMemoryStorage();
    private final AesGcmBarrier barrier = new AesGcmBarrier(physical, Clock.systemUTC());
    private final ShamirSeal seal = new ShamirSeal(physical, barrier);

    @Test
    void initialize_leavesServerSealedAndReportsConfiguration() {
        InitResult result = seal.initialize(5, 3, () -> "token");
        assertThat(result.shares()).hasSize(5);
        assertThat(result.rootToken()).isEqualTo("token");
        SealStatus s = seal.status();
        assertThat(s.initialized()).isTrue();
        assertThat(s.sealed()).isTrue();
        assertThat(s.threshold()).isEqualTo(3);
        assertThat(s.shares()).isEqualTo(5);
    }

    @Test
    void submitShare_unsealsAtThresholdWithProgressInBetween() {
        List<String> keys = seal.initialize(5, 3, () -> "t").shares().stream().map(ShamirShares::hex).toList();
        assertThat(seal.submitShare(keys.get(4)).progress()).isEqualTo(1);
        SealStatus mid = seal.submitShare(ShamirShares.base64(ShamirShares.decode(keys.get(2), 32, 5)));
        assertThat(mid.progress()).isEqualTo(2);
        assertThat(mid.nonce()).isNotEmpty();
        SealStatus done = seal.submitShare(keys.get(0));
        assertThat(done.sealed()).isFalse();
        assertThat(done.progress()).isZero();
        assertThat(barrier.isSealed()).isFalse();
    }

    @Test
    void submitShare_forgedShareNeverUnsealsAndResetsProgress() {
        List<byte[]> shares = seal.initialize(3, 2, () -> "t").shares();
        byte[] forged = shares.get(1).clone();
        forged[5] ^= 0x01;
        seal.submitShare(ShamirShares.hex(shares.get(0)));
        assertThatThrownBy(() -> seal.submitShare(ShamirShares.hex(forged)))
                .isInstanceOf(CofferException.class)
                .hasMessageContaining("do not combine");
        assertThat(seal.status().sealed()).isTrue();
        assertThat(seal.status().progress()).isZero();
    }

    @Test
    void submitShare_sharesOfAnotherServerNeverUnseal() {
        seal.initialize(3, 2, () -> "t");
        InMemoryStorage otherPhysical = new InMemoryStorage();
        ShamirSeal other = new ShamirSeal(otherPhysical, new AesGcmBarrier(otherPhysical, Clock.systemUTC()));
        List<byte[]> foreign = other.initialize(3, 2, () -> "t").shares();
        seal.submitShare(ShamirShares.hex(foreign.get(0)));
        assertThatThrownBy(() -> seal.submitShare(ShamirShares.hex(foreign.get(1)))).isInstanceOf(CofferException.class);
        assertThat(seal.isSealed()).isTrue();
    }

    @Test
    void submitShare_rejectsDuplicateShare() {
        List<byte[]> shares = seal.initialize(3, 2, () -> "t").shares();
        seal.submitShare(ShamirShares.hex(shares.get(0)));
        assertThatThrownBy(() -> seal.submitShare(ShamirShares.base64(shares.get(0))))
                .hasMessageContaining("already been provided");
        assertThat(seal.status().progress()).isEqualTo(1);
    }

    @Test
    void initialize_refusesLeftoversOfAnInitThatDiedAndSaysWhatToDo() {
        assertThatThrownBy(() -> seal.initialize(3, 2, () -> {
            throw new IllegalStateException("crash during init");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(seal.isInitialized()).isFalse();

        assertThatThrownBy(() -> seal.initialize(3, 2, () -> "t"))
                .isInstanceOf(CofferException.class)
                .hasMessageContaining("empty the data directory");
        InMemoryStorage fresh = new InMemoryStorage();
        ShamirSeal clean = new ShamirSeal(fresh, new AesGcmBarrier(fresh, Clock.systemUTC()));
        assertThat(clean.initialize(3, 2, () -> "t").shares()).hasSize(3);
    }

    @Test
    void initialize_refusesSecondTime() {
        seal.initialize(1, 1, () -> "t");
        assertThatThrownBy(() -> seal.initialize(1, 1, () -> "t")).hasMessageContaining("already initialized");
    }

    @Test
    void listeners_runAfterUnsealAndBeforeSeal() {
        StringBuilder events = new StringBuilder();
        seal.addListener(new ShamirSeal.Listener() {
            @Override
            public void afterUnseal() {
                events.append("U");
            }

            @Override
            public void beforeSeal() {
                events.append("S");
            }
        });
        byte[] key = seal.initialize(1, 1, () -> "t").shares().get(0);
        seal.submitShare(ShamirShares.base64(key));
        seal.seal();
        assertThat(events).hasToString("USUS");
    }
}
