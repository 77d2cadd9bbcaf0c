package io.coffer.core.barrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.error.CofferException;
import io.coffer.core.storage.InMemoryStorage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AesGcmBarrierTest {

    private final InMemoryStorage physical = new InMemoryStorage();
    private final AesGcmBarrier barrier = new AesGcmBarrier(physical, Clock.systemUTC());
    private final byte[] rootKey = AesGcm.newKey();

    @BeforeEach
    void init() {
        barrier.initialize(rootKey);
    }

    @Test
    void put_storesOnlyCiphertextInVersionedFormat() {
        byte[] plain = "super-secret-value".getBytes(StandardCharsets.UTF_8);
        barrier.put("a/b", plain);

        byte[] stored = physical.get("a/b").orElseThrow();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("super-secret-value");
        assertThat(stored).startsWith(0, 0, 0, 1, AesGcm.FORMAT_V1);
        assertThat(stored.length).isEqualTo(AesGcm.HEADER_BYTES + plain.length + 16);
        assertThat(barrier.get("a/b")).contains(plain);
    }

    @Test
    void get_failsWhenCiphertextIsTampered() {
        barrier.put("k", "value".getBytes(StandardCharsets.UTF_8));
        byte[] stored = physical.get("k").orElseThrow();
        for (int i = 0; i < stored.length; i++) {
            byte[] tampered = stored.clone();
            tampered[i] ^= 0x01;
            physical.put("k", tampered);
            assertThatThrownBy(() -> barrier.get("k")).as("flipped byte %d", i).isInstanceOf(CofferException.class);
        }
    }

    @Test
    void get_failsWhenCiphertextIsMovedToAnotherPath() {
        barrier.put("secret/one", "p1aintext-XYZ".getBytes(StandardCharsets.UTF_8));
        physical.put("secret/two", physical.get("secret/one").orElseThrow());

        assertThatThrownBy(() -> barrier.get("secret/two"))
                .isInstanceOf(CofferException.class)
                .hasMessageContaining("altered or moved")
                .hasMessageNotContaining("p1aintext-XYZ");
    }

    @Test
    void rotate_keepsOldTermsReadableAndWritesUnderNewTerm() {
        barrier.put("old", "written-under-term-1".getBytes(StandardCharsets.UTF_8));
        KeyStatus status = barrier.rotate();
        assertThat(status.term()).isEqualTo(2);
        barrier.put("new", "written-under-term-2".getBytes(StandardCharsets.UTF_8));

        assertThat(physical.get("old").orElseThrow()).startsWith(0, 0, 0, 1);
        assertThat(physical.get("new").orElseThrow()).startsWith(0, 0, 0, 2);
        assertThat(new String(barrier.get("old").orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("written-under-term-1");

        barrier.seal();
        barrier.unseal(rootKey);
        assertThat(barrier.keyStatus().term()).isEqualTo(2);
        assertThat(new String(barrier.get("old").orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("written-under-term-1");
        assertThat(new String(barrier.get("new").orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("written-under-term-2");
    }

    @Test
    void reusedDecryptCiphers_readEveryTermCorrectly_surviveAFailedRead_andAreDroppedOnSeal() {
        barrier.put("old", "under-term-1".getBytes(StandardCharsets.UTF_8));
        barrier.rotate();
        barrier.put("new", "under-term-2".getBytes(StandardCharsets.UTF_8));
        barrier.put("bad", "will-be-tampered".getBytes(StandardCharsets.UTF_8));
        byte[] tampered = physical.get("bad").orElseThrow();
        tampered[tampered.length - 1] ^= 0x01;
        physical.put("bad", tampered);

        // Alternate keys (and a failing read) on the same few reused ciphers.
        for (int i = 0; i < 50; i++) {
            assertThat(barrier.get("old")).map(b -> new String(b, StandardCharsets.UTF_8)).contains("under-term-1");
            assertThat(barrier.get("new")).map(b -> new String(b, StandardCharsets.UTF_8)).contains("under-term-2");
            assertThatThrownBy(() -> barrier.get("bad")).isInstanceOf(CofferException.class);
        }
        // The failed read dropped its cipher; the next good one leaves one idle again.
        assertThat(barrier.idleDecryptCiphers()).isZero();
        assertThat(barrier.get("new")).isPresent();
        assertThat(barrier.idleDecryptCiphers()).isEqualTo(1);

        barrier.seal();
        assertThat(barrier.idleDecryptCiphers()).isZero();
        barrier.unseal(rootKey);
        assertThat(barrier.get("old")).map(b -> new String(b, StandardCharsets.UTF_8)).contains("under-term-1");
    }

    @Test
    void keyring_isStoredEncryptedUnderRootKey() {
        byte[] stored = physical.get(AesGcmBarrier.KEYRING_PATH).orElseThrow();
        assertThat(stored).startsWith(0, 0, 0, 0, AesGcm.FORMAT_V1);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("active_term");
        assertThatThrownBy(() -> {
            barrier.seal();
            barrier.unseal(AesGcm.newKey());
        }).isInstanceOf(CofferException.class);
        assertThat(barrier.isSealed()).isTrue();
    }

    @Test
    void sealed_refusesEveryOperation() {
        barrier.seal();
        assertThatThrownBy(() -> barrier.get("x")).isInstanceOf(CofferException.class)
                .extracting(e -> ((CofferException) e).kind()).isEqualTo(CofferException.Kind.SEALED);
        assertThatThrownBy(() -> barrier.put("x", new byte[0])).isInstanceOf(CofferException.class);
        assertThatThrownBy(() -> barrier.list("")).isInstanceOf(CofferException.class);
    }

    @Test
    void initialize_refusesSecondTime() {
        assertThatThrownBy(() -> barrier.initialize(AesGcm.newKey()))
                .isInstanceOf(CofferException.class)
                .extracting(e -> ((CofferException) e).kind()).isEqualTo(CofferException.Kind.CONFLICT);
    }

    @Test
    void reservedKeys_areNotReachableThroughBarrier() {
        assertThatThrownBy(() -> barrier.put(AesGcmBarrier.KEYRING_PATH, new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> barrier.get("core/seal/root-key")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void view_cannotEscapeItsPrefix() {
        SecureStorage view = barrier.view("logical/abc/");
        view.put("k", new byte[] {1});
        assertThat(physical.get("logical/abc/k")).isPresent();
        assertThatThrownBy(() -> view.get("../other")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> view.put("a//b", new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aesGcm_matchesKnownAnswerForNistVector() throws Exception {
        // NIST GCM test vector (gcmEncryptExtIV256, Count 0 of the 96-bit IV / 128-bit tag set with AAD):
        // checks that the JCA primitive under the barrier is plain AES-256-GCM.
        HexFormat hex = HexFormat.of();
        byte[] key = hex.parseHex("92e11dcdaa866f5ce790fd24501f92509aacf4cb8b1339d50c9c1240935dd08b");
        byte[] iv = hex.parseHex("ac93a1a6145299bde902f21a");
        byte[] pt = hex.parseHex("2d71bcfa914e4ac045b2aa60955fad24");
        byte[] aad = hex.parseHex("1e0889016f67601c8ebea4943bc23ad6");
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        c.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, iv));
        c.updateAAD(aad);
        assertThat(hex.formatHex(c.doFinal(pt)))
                .isEqualTo("8995ae2e6df3dbf96fac7b7137bae67f" + "eca5aa77d51d4a0a14d9c51e1da474ab");
    }
}
