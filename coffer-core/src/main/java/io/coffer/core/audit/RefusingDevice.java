package io.coffer.core.audit;

import io.coffer.core.error.CofferException;
import java.util.concurrent.CompletableFuture;

/**
 * Stands in for a device that cannot run (unknown type, unusable configuration, a file owned by
 * another device): it fails every record, so that auditing stays fail-closed instead of silently
 * skipping the device.
 */
record RefusingDevice(String reason) implements AuditDevice {

    @Override
    public CompletableFuture<Void> record(AuditRecord record) {
        return CompletableFuture.failedFuture(new IllegalStateException(reason));
    }

    @Override
    public String hash(String input) {
        throw CofferException.invalid(reason);
    }

    @Override
    public void checkReady() {
        throw CofferException.invalid(reason);
    }

    @Override
    public void close() {
    }
}
