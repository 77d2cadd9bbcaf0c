package io.coffer.core.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.json.Json;
import java.util.List;

/**
 * The audit table and the devices' salts, behind the barrier: the table at
 * {@value #TABLE_PATH} (Vault's path), each salt at {@code audit/<uuid>/salt}.
 */
final class AuditDeviceTable {

    static final String TABLE_PATH = "core/audit";
    static final String SALT_PREFIX = "audit/";

    record Stored(@JsonProperty("entries") List<AuditDeviceEntry> entries) {
    }

    private final SecureStorage storage;

    AuditDeviceTable(SecureStorage storage) {
        this.storage = storage;
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

    void deleteSalt(AuditDeviceEntry entry) {
        storage.delete(saltPath(entry));
    }

    private static String saltPath(AuditDeviceEntry entry) {
        return SALT_PREFIX + entry.uuid() + "/salt";
    }
}
