package io.coffer.core.audit;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** A device's chain key and stored head kept in memory, for writer and verifier tests. */
public final class MemoryChainStore implements AuditChainStore {

    private final byte[] keyBytes = AuditChainKey.newKey();
    private final AuditChainKey key = AuditChainKey.of(keyBytes);
    private final AtomicReference<ChainHead> head = new AtomicReference<>(ChainHead.empty());
    private final AtomicLong breaks = new AtomicLong();

    @Override
    public AuditChainKey key() {
        return key;
    }

    @Override
    public Optional<ChainHead> storedHead() {
        return Optional.ofNullable(head.get());
    }

    @Override
    public void storeHead(ChainHead h) {
        head.set(h);
    }

    @Override
    public void breakFound() {
        breaks.incrementAndGet();
    }

    public long breaks() {
        return breaks.get();
    }

    /** Forgets the stored head, as if it was deleted from storage. */
    public void deleteHead() {
        head.set(null);
    }

    public String keyHex() {
        return java.util.HexFormat.of().formatHex(keyBytes);
    }
}
