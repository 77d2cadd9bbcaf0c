package io.coffer.core.audit.file;

import io.coffer.core.audit.AuditDevice;
import io.coffer.core.audit.AuditChainStore;
import io.coffer.core.audit.AuditDeviceEntry;
import io.coffer.core.audit.AuditDeviceFactory;
import io.coffer.core.audit.AuditSalt;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates {@code file} audit devices. Two devices may not share a file: their chains would
 * interleave and neither would verify.
 */
public final class FileAuditDeviceFactory implements AuditDeviceFactory {

    private final Clock clock;
    private final Map<Path, String> filesInUse = new ConcurrentHashMap<>();

    public FileAuditDeviceFactory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String type() {
        return "file";
    }

    @Override
    public void validateOptions(Map<String, String> options) {
        FileDeviceOptions.parse(options);
    }

    @Override
    public AuditDevice create(AuditDeviceEntry entry, AuditSalt salt, AuditChainStore chain) {
        FileDeviceOptions options = FileDeviceOptions.parse(entry.options());
        Path file = options.filePath();
        String holder = filesInUse.putIfAbsent(file, entry.path());
        if (holder != null) {
            return AuditDevice.refusing("audit file " + file + " is already used by the audit device at " + holder);
        }
        return new FileAuditDevice(options, salt, chain, clock, () -> filesInUse.remove(file, entry.path()));
    }
}
