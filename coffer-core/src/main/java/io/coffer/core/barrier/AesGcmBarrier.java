package io.coffer.core.barrier;

import io.coffer.core.error.CofferException;
import io.coffer.core.json.Json;
import io.coffer.core.storage.StorageBackend;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The security barrier: every value passes through AES-256-GCM on its way to physical storage,
 * bound to its storage path, under the active keyring term. The keyring is itself stored at
 * {@value #KEYRING_PATH}, encrypted by the root key; only the seal can hand the root key in.
 *
 * <p>While sealed, no key material is in memory and every data operation fails with
 * {@code SEALED}. State changes (unseal, seal, rotate) are serialized; data operations read a
 * volatile snapshot of the keyring and never block on each other.
 */
public final class AesGcmBarrier implements SecureStorage {

    /** Where the encrypted keyring lives; not reachable through the barrier's own get/put. */
    public static final String KEYRING_PATH = "core/keyring";

    private final StorageBackend physical;
    private final Clock clock;
    private volatile Keyring keyring;
    /** Held shared while a key is in use and exclusively while sealing; crypto only, never I/O. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock keyUse = new java.util.concurrent.locks.ReentrantReadWriteLock();
    /** Held while unsealed so that rotation can re-encrypt the keyring; wiped on seal. */
    private byte[] rootKey;
    /** Emptied on seal, under the exclusive key lock, so no key schedule outlives the keyring. */
    private final AesGcm.DecryptCiphers decryptCiphers = new AesGcm.DecryptCiphers();

    public AesGcmBarrier(StorageBackend physical, Clock clock) {
        this.physical = physical;
        this.clock = clock;
    }

    /** True when a keyring exists in storage, i.e. the barrier was initialized once. */
    public boolean isInitialized() {
        return physical.get(KEYRING_PATH).isPresent();
    }

    public boolean isSealed() {
        return keyring == null;
    }

    /**
     * Creates the first keyring, encrypted by {@code rootKey}, and leaves the barrier unsealed.
     * Refuses when a keyring already exists: initializing twice would orphan every stored value.
     */
    public synchronized void initialize(byte[] rootKey) {
        if (isInitialized()) {
            throw new CofferException(CofferException.Kind.CONFLICT, "barrier is already initialized");
        }
        Keyring first = Keyring.first(clock.instant());
        persist(first, rootKey);
        this.rootKey = rootKey.clone();
        keyring = first;
    }

    /** Loads the keyring with {@code rootKey}. Fails without unsealing when the key is wrong. */
    public synchronized void unseal(byte[] rootKey) {
        byte[] sealed = physical.get(KEYRING_PATH)
                .orElseThrow(() -> new CofferException(CofferException.Kind.UNINITIALIZED, "barrier is not initialized"));
        byte[] plain = AesGcm.decrypt(rootKey, KEYRING_PATH, sealed);
        keyring = Keyring.fromStored(Json.read(plain, Keyring.Stored.class));
        this.rootKey = rootKey.clone();
    }

    /** Forgets all key material. */
    public synchronized void seal() {
        Keyring k;
        // Wait for encryptions and decryptions in flight: zeroing a key under one of them would
        // write a value under an all-zero key, or fail a read that had already begun.
        keyUse.writeLock().lock();
        try {
            k = keyring;
            keyring = null;
            decryptCiphers.clear();
        } finally {
            keyUse.writeLock().unlock();
        }
        if (k != null) {
            k.wipe();
        }
        if (rootKey != null) {
            java.util.Arrays.fill(rootKey, (byte) 0);
            rootKey = null;
        }
    }

    /** Adds a keyring term and makes it active; values under older terms stay readable. */
    public synchronized KeyStatus rotate() {
        Keyring next = unsealed().rotated(clock.instant());
        persist(next, rootKey);
        keyring = next;
        return keyStatus();
    }

    /** Decrypting ciphers kept for reuse right now (none once sealed). */
    int idleDecryptCiphers() {
        return decryptCiphers.idle();
    }

    public KeyStatus keyStatus() {
        Keyring k = unsealed();
        Keyring.Term active = k.active();
        return new KeyStatus(active.term(), active.installTime(), k.encryptions(active.term()));
    }

    @Override
    public Optional<byte[]> get(String key) {
        unsealed();
        checkUserKey(key);
        return physical.get(key).map(ciphertext -> decrypt(key, ciphertext));
    }

    @Override
    public <T> Optional<T> getDecoded(String key, DecodedCache<T> cache, Function<byte[], T> decoder) {
        unsealed();
        checkUserKey(key);
        return physical.get(key).map(ciphertext -> cache.decode(key, ciphertext, c -> decrypt(key, c), decoder));
    }

    private byte[] decrypt(String key, byte[] ciphertext) {
        keyUse.readLock().lock();
        try {
            Keyring k = unsealed();
            Keyring.Term term = k.term(AesGcm.termOf(ciphertext, key));
            if (term == null) {
                throw new CofferException(CofferException.Kind.INTERNAL,
                        "stored value at " + key + " names a keyring term that does not exist");
            }
            return decryptCiphers.decrypt(term.key(), key, ciphertext);
        } finally {
            keyUse.readLock().unlock();
        }
    }

    @Override
    public void put(String key, byte[] value) {
        checkUserKey(key);
        byte[] ciphertext;
        keyUse.readLock().lock();
        try {
            Keyring k = unsealed();
            Keyring.Term active = k.active();
            ciphertext = AesGcm.encrypt(active.term(), active.key(), key, value);
            k.countEncryption(active.term());
        } finally {
            keyUse.readLock().unlock();
        }
        physical.put(key, ciphertext);
    }

    @Override
    public void delete(String key) {
        unsealed();
        checkUserKey(key);
        physical.delete(key);
    }

    @Override
    public List<String> list(String prefix) {
        unsealed();
        return physical.list(prefix);
    }

    @Override
    public List<String> listPage(String prefix, String after, int limit) {
        unsealed();
        return physical.listPage(prefix, after, limit);
    }

    @Override
    public List<String> listPageBefore(String prefix, String before, int limit) {
        unsealed();
        return physical.listPageBefore(prefix, before, limit);
    }

    private void persist(Keyring k, byte[] rootKey) {
        physical.put(KEYRING_PATH, AesGcm.encrypt(0, rootKey, KEYRING_PATH, Json.write(k.toStored())));
    }

    private Keyring unsealed() {
        Keyring k = keyring;
        if (k == null) {
            throw new CofferException(CofferException.Kind.SEALED, "Vault is sealed");
        }
        return k;
    }

    private static void checkUserKey(String key) {
        if (key.equals(KEYRING_PATH) || key.startsWith("core/seal/")) {
            throw new IllegalArgumentException("reserved storage key");
        }
    }
}
