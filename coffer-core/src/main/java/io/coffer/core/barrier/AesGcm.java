package io.coffer.core.barrier;

import io.coffer.core.error.CofferException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The versioned ciphertext format of the barrier:
 * {@code term (4 bytes, big-endian) | format (1 byte, 0x01) | nonce (12 bytes) | AES-256-GCM output}.
 * The associated data is the storage path, so a ciphertext copied to another path fails to
 * decrypt. The term names the keyring key that encrypted the value; term 0 is reserved for values
 * encrypted directly by the root key or the unseal key.
 *
 * <p>Public only so that the seal can wrap the root key in the same format; everything else goes
 * through {@link AesGcmBarrier}.
 */
public final class AesGcm {

    static final byte FORMAT_V1 = 0x01;
    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    static final int HEADER_BYTES = 4 + 1 + NONCE_BYTES;

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    /**
     * The provider that serves {@value #TRANSFORMATION}, looked up once: the one
     * {@code Cipher.getInstance(String)} picks. That lookup walks the provider list on every call
     * and again in {@code init}, about 1 us of the 2 us a small value's decryption takes.
     */
    private static final Provider PROVIDER = provider();

    private AesGcm() {
    }

    public static byte[] encrypt(int term, byte[] key, String path, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION, PROVIDER);
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(path.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[HEADER_BYTES + cipher.getOutputSize(plaintext.length)];
            ByteBuffer.wrap(out).putInt(term).put(FORMAT_V1).put(nonce);
            cipher.doFinal(plaintext, 0, plaintext.length, out, HEADER_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw CofferException.internal("encryption failed", e);
        }
    }

    /** The term a ciphertext was written under; checks the format byte. */
    static int termOf(byte[] ciphertext, String path) {
        if (ciphertext.length < HEADER_BYTES + TAG_BITS / 8 || ciphertext[4] != FORMAT_V1) {
            throw corrupt(path);
        }
        return ByteBuffer.wrap(ciphertext).getInt();
    }

    public static byte[] decrypt(byte[] key, String path, byte[] ciphertext) {
        termOf(ciphertext, path);
        try {
            return decryptWith(Cipher.getInstance(TRANSFORMATION, PROVIDER), key, path, ciphertext);
        } catch (AEADBadTagException e) {
            throw corrupt(path);
        } catch (GeneralSecurityException e) {
            throw CofferException.internal("decryption failed", e);
        }
    }

    private static byte[] decryptWith(Cipher cipher, byte[] key, String path, byte[] ciphertext)
            throws GeneralSecurityException {
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, ciphertext, 5, NONCE_BYTES));
        cipher.updateAAD(path.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(ciphertext, HEADER_BYTES, ciphertext.length - HEADER_BYTES);
    }

    /**
     * Decrypting ciphers kept for reuse. A new cipher costs about 2 us per decryption here (the
     * provider's lookup of the transformation and the AES key schedule) against 0.5 us for the
     * decryption of a small value itself; a reused one keeps the schedule of the key it last used.
     * Only decryption reuses ciphers (GCM refuses to encrypt twice with one key and nonce, and
     * writes are rare). The barrier owns one and empties it when it seals. Thread-safe.
     */
    static final class DecryptCiphers {

        /** Ciphers kept idle at most; more only when more threads decrypt at once. */
        private static final int MAX_IDLE = 64;

        private final ConcurrentLinkedQueue<Cipher> idle = new ConcurrentLinkedQueue<>();
        private final AtomicInteger idleCount = new AtomicInteger();

        byte[] decrypt(byte[] key, String path, byte[] ciphertext) {
            termOf(ciphertext, path);
            Cipher cipher = idle.poll();
            try {
                if (cipher == null) {
                    cipher = Cipher.getInstance(TRANSFORMATION, PROVIDER);
                } else {
                    idleCount.decrementAndGet();
                }
                byte[] plain = decryptWith(cipher, key, path, ciphertext);
                // Only a cipher that finished cleanly goes back; one that failed is dropped.
                if (idleCount.incrementAndGet() <= MAX_IDLE) {
                    idle.offer(cipher);
                } else {
                    idleCount.decrementAndGet();
                }
                return plain;
            } catch (AEADBadTagException e) {
                throw corrupt(path);
            } catch (GeneralSecurityException e) {
                throw CofferException.internal("decryption failed", e);
            }
        }

        /** Drops every idle cipher (and the key schedule it holds). */
        void clear() {
            while (idle.poll() != null) {
                idleCount.decrementAndGet();
            }
        }

        int idle() {
            return idleCount.get();
        }
    }

    private static Provider provider() {
        try {
            return Cipher.getInstance(TRANSFORMATION).getProvider();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no " + TRANSFORMATION + " cipher", e);
        }
    }

    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    private static CofferException corrupt(String path) {
        // The path is ours, not a secret; naming it helps an operator find the damaged entry.
        return new CofferException(CofferException.Kind.INTERNAL,
                "stored value at " + path + " failed authentication: it was altered or moved");
    }
}
