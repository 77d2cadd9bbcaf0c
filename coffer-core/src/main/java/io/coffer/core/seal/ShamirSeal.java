package io.coffer.core.seal;

import io.coffer.core.barrier.AesGcm;
import io.coffer.core.barrier.AesGcmBarrier;
import io.coffer.core.error.CofferException;
import io.coffer.core.json.Json;
import io.coffer.core.storage.StorageBackend;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The Shamir seal: the key hierarchy's top. An unseal key, split into shares for operators,
 * encrypts the root key stored at {@value #ROOT_KEY_PATH}; the root key encrypts the barrier's
 * keyring. Unsealing collects shares until the threshold, joins them, and proves the result by
 * decrypting the root key (AES-GCM authenticates it), so a wrong or forged share never unseals.
 *
 * <p>All state changes are serialized on this object. Listeners run after unseal and before seal
 * so that stores can load or drop their caches.
 */
public final class ShamirSeal {

    static final String ROOT_KEY_PATH = "core/seal/root-key";

    /** Something that must happen when the barrier opens or closes. */
    public interface Listener {
        /** Runs after the barrier is unsealed; may read and write through it. */
        void afterUnseal();

        /** Runs before the barrier is sealed; must drop every cached secret. */
        void beforeSeal();
    }

    private final StorageBackend physical;
    private final AesGcmBarrier barrier;
    private final List<Listener> listeners = new ArrayList<>();
    private final List<byte[]> pendingShares = new ArrayList<>();
    private String nonce = "";
    private volatile boolean serving;

    public ShamirSeal(StorageBackend physical, AesGcmBarrier barrier) {
        this.physical = physical;
        this.barrier = barrier;
    }

    public synchronized void addListener(Listener listener) {
        listeners.add(listener);
    }

    public boolean isInitialized() {
        return physical.get(SealConfig.PATH).isPresent();
    }

    public boolean isSealed() {
        return barrier.isSealed();
    }

    /**
     * True only while fully unsealed: after every listener has loaded (tokens, mounts, policies,
     * audit devices) and before any starts to unload. Requests are served only then, so none can
     * slip through while, say, the audit devices are not open yet.
     */
    public boolean isServing() {
        return serving;
    }

    public synchronized SealStatus status() {
        var config = config();
        if (config == null) {
            return new SealStatus(false, true, 0, 0, 0, "");
        }
        return new SealStatus(true, barrier.isSealed(), config.secretThreshold(), config.secretShares(),
                pendingShares.size(), nonce);
    }

    /**
     * Initializes the seal and barrier, runs {@code setup} while unsealed (it creates the root
     * token and returns it), then seals again, as Vault does: the operator unseals with the shares.
     */
    public synchronized InitResult initialize(int shares, int threshold, Supplier<String> setup) {
        return initialize(shares, threshold, setup, false);
    }

    /** Like {@link #initialize(int, int, Supplier)} but leaves the barrier unsealed (dev mode). */
    public synchronized InitResult initializeUnsealed(int shares, int threshold, Supplier<String> setup) {
        return initialize(shares, threshold, setup, true);
    }

    private InitResult initialize(int shares, int threshold, Supplier<String> setup, boolean stayUnsealed) {
        ShamirShares.validate(shares, threshold);
        if (isInitialized()) {
            throw new CofferException(CofferException.Kind.CONFLICT, "Vault is already initialized");
        }
        refuseLeftoversOfInterruptedInit();
        byte[] unsealKey = AesGcm.newKey();
        byte[] rootKey = AesGcm.newKey();
        try {
            List<byte[]> split = ShamirShares.split(unsealKey, shares, threshold);
            barrier.initialize(rootKey);
            physical.put(ROOT_KEY_PATH, AesGcm.encrypt(0, unsealKey, ROOT_KEY_PATH, rootKey));
            String rootToken;
            try {
                listeners.forEach(Listener::afterUnseal);
                rootToken = setup.get();
            } finally {
                if (!stayUnsealed) {
                    sealNow();
                }
            }
            serving = stayUnsealed;
            // Written last: the seal counts as initialized only once everything above succeeded.
            physical.put(SealConfig.PATH, Json.write(new SealConfig("shamir", shares, threshold)));
            return new InitResult(split, rootToken);
        } finally {
            Arrays.fill(unsealKey, (byte) 0);
            Arrays.fill(rootKey, (byte) 0);
        }
    }

    /**
     * Shares are handed out only after the seal config is written, last. Storage that holds data
     * but no seal config is an init that died half way: nobody can ever unseal it. Erasing it here
     * could also erase a damaged but recoverable store, so refuse and let the operator decide.
     */
    private void refuseLeftoversOfInterruptedInit() {
        if (!physical.list("").isEmpty()) {
            throw new CofferException(CofferException.Kind.CONFLICT, "storage holds data from an initialization that did not"
                    + " finish (no seal configuration was written, so no unseal keys were handed out);"
                    + " empty the data directory and initialize again");
        }
    }

    /**
     * Adds one share to the current unseal attempt. At the threshold, joins the shares and opens
     * the barrier; a wrong result resets the attempt and is reported as a 400.
     */
    public synchronized SealStatus submitShare(String encodedShare) {
        SealConfig config = config();
        if (config == null) {
            throw CofferException.invalid("Vault is not initialized");
        }
        if (!barrier.isSealed()) {
            return status();
        }
        byte[] share = ShamirShares.decode(encodedShare, AesGcm.KEY_BYTES, config.secretShares());
        for (byte[] given : pendingShares) {
            if (MessageDigest.isEqual(given, share)) {
                throw CofferException.invalid("given key has already been provided during this unseal operation");
            }
        }
        if (pendingShares.isEmpty()) {
            nonce = UUID.randomUUID().toString();
        }
        pendingShares.add(share);
        if (pendingShares.size() < config.secretThreshold()) {
            return status();
        }
        byte[] unsealKey = ShamirShares.join(pendingShares, config.secretThreshold());
        resetProgress();
        byte[] rootKey;
        try {
            byte[] wrapped = physical.get(ROOT_KEY_PATH)
                    .orElseThrow(() -> CofferException.internal("root key is missing from storage", null));
            rootKey = AesGcm.decrypt(unsealKey, ROOT_KEY_PATH, wrapped);
        } catch (CofferException e) {
            throw CofferException.invalid(
                    "unseal failed: the key shares given do not combine into this server's unseal key; progress was reset");
        } finally {
            Arrays.fill(unsealKey, (byte) 0);
        }
        try {
            barrier.unseal(rootKey);
        } finally {
            Arrays.fill(rootKey, (byte) 0);
        }
        try {
            listeners.forEach(Listener::afterUnseal);
        } catch (RuntimeException e) {
            sealNow();
            throw e;
        }
        serving = true;
        return status();
    }

    /** Abandons the current unseal attempt. */
    public synchronized SealStatus resetUnseal() {
        resetProgress();
        return status();
    }

    /** Seals: listeners drop their caches, then the barrier forgets its keys. */
    public synchronized void seal() {
        if (!barrier.isSealed()) {
            sealNow();
        }
    }

    private void sealNow() {
        serving = false;
        try {
            for (int i = listeners.size() - 1; i >= 0; i--) {
                listeners.get(i).beforeSeal();
            }
        } finally {
            barrier.seal();
        }
    }

    private void resetProgress() {
        pendingShares.forEach(s -> Arrays.fill(s, (byte) 0));
        pendingShares.clear();
        nonce = "";
    }

    private SealConfig config() {
        return physical.get(SealConfig.PATH).map(b -> Json.read(b, SealConfig.class)).orElse(null);
    }
}
