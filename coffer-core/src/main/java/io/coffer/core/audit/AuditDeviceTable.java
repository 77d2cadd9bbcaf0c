package io.coffer.core.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.json.Json;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The audit table and the devices' secrets, behind the barrier: the table at {@value #TABLE_PATH}
 * (Vault's path), each salt at {@code audit/<uuid>/salt}, each chain key at
 * {@code audit/<uuid>/chain-key} and each chain head at {@code audit/<uuid>/head/<node>}: one
 * head per node, because every node of a cluster writes its own file for the same device.
 */
final class AuditDeviceTable {

    static final String TABLE_PATH = "core/audit";
    static final String SALT_PREFIX = "audit/";

    record Stored(@JsonProperty("entries") List<AuditDeviceEntry> entries) {
    }

    private final SecureStorage storage;
    /** Names this node's heads: a digest of the host name, so that storage paths stay short and plain. */
    private final String node;

    AuditDeviceTable(SecureStorage storage) {
        this.storage = storage;
        this.node = nodeName();
    }

    List<AuditDeviceEntry> load() {
        return storage.get(TABLE_PATH).map(b -> Json.read(b, Stored.class).entries()).orElse(List.of());
    }

    void save(List<AuditDeviceEntry> entries) {
        storage.put(TABLE_PATH, Json.write(new Stored(List.copyOf(entries))));
    }

    /** The device's salt, created on first use. */
    AuditSalt salt(AuditDeviceEntry entry) {
        String path = saltPath(entry);
        byte[] key = storage.get(path).orElseGet(() -> {
            byte[] fresh = AuditSalt.newKey();
            storage.put(path, fresh);
            return fresh;
        });
        return AuditSalt.of(key);
    }

    /**
     * The device's chain key and head. A device without a key (new, or enabled by a version that
     * did not key its chain) gets a fresh key and an empty head: its writer then starts a new
     * chain instead of continuing an unkeyed one.
     */
    AuditChainStore chain(AuditDeviceEntry entry, Runnable onBreak) {
        String keyPath = SALT_PREFIX + entry.uuid() + "/chain-key";
        String headPath = headPath(entry);
        byte[] key = storage.get(keyPath).orElseGet(() -> {
            byte[] fresh = AuditChainKey.newKey();
            storage.put(keyPath, fresh);
            storage.put(headPath, Json.write(ChainHead.empty()));
            return fresh;
        });
        AuditChainKey chainKey = AuditChainKey.of(key);
        return new AuditChainStore() {
            @Override
            public AuditChainKey key() {
                return chainKey;
            }

            @Override
            public Optional<ChainHead> storedHead() {
                return storage.get(headPath).map(b -> Json.read(b, ChainHead.class));
            }

            @Override
            public void storeHead(ChainHead head) {
                storage.put(headPath, Json.write(head));
            }

            @Override
            public void breakFound() {
                onBreak.run();
            }
        };
    }

    /** The raw chain key, for an operator's offline verification ({@code sys/audit-chain-key}). */
    Optional<byte[]> exportChainKey(AuditDeviceEntry entry) {
        return storage.get(SALT_PREFIX + entry.uuid() + "/chain-key");
    }

    Optional<ChainHead> storedHead(AuditDeviceEntry entry) {
        return storage.get(headPath(entry)).map(b -> Json.read(b, ChainHead.class));
    }

    /** Deletes the device's salt, chain key and this node's head (other nodes' heads are orphaned, harmless). */
    void deleteSalt(AuditDeviceEntry entry) {
        storage.delete(saltPath(entry));
        storage.delete(SALT_PREFIX + entry.uuid() + "/chain-key");
        storage.delete(headPath(entry));
    }

    private String headPath(AuditDeviceEntry entry) {
        return SALT_PREFIX + entry.uuid() + "/head/" + node;
    }

    private static String nodeName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
        }
        byte[] digest = AuditChain.newDigest().digest(host.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    private static String saltPath(AuditDeviceEntry entry) {
        return SALT_PREFIX + entry.uuid() + "/salt";
    }
}
