package io.coffer.core.audit;

import java.util.Optional;

/**
 * What a device keeps of its chain behind the barrier: the chain key and the last stored head.
 * The broker gives one to each device it creates ({@link AuditDeviceFactory#create}).
 * Implementations are thread-safe; {@link #storeHead} may be slow (a storage write) and must not
 * be called on a path a request waits for.
 */
public interface AuditChainStore {

    AuditChainKey key();

    /**
     * The last head stored; {@link ChainHead#empty()} for a device that has written nothing yet,
     * and empty when the head is missing although the device exists (it was deleted from storage:
     * the device treats that as a break).
     */
    Optional<ChainHead> storedHead();

    /** Stores {@code head}; failures (e.g. sealed storage) are reported by exception. */
    void storeHead(ChainHead head);

    /** Counts a chain break found by the device (its file did not match the stored head). */
    void breakFound();
}
