package io.coffer.core.audit;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where audit records go: one enabled device (a file, later a socket). A device formats records
 * itself, because each has its own salt and options.
 *
 * <p>{@link #record} must not report success before the record is as durable as the device
 * promises (for a file: written, or fsync'd, by its {@code durability} option): the broker answers
 * a client only after at least one device confirmed, and refuses the request when none did.
 * Implementations are thread-safe.
 */
public interface AuditDevice extends AutoCloseable {

    /**
     * Formats {@code record} on the calling thread and queues it; the future completes when the
     * record is durable, or exceptionally when it cannot be written.
     */
    CompletableFuture<Void> record(AuditRecord record);

    /**
     * Records several entries as one: in this order, next to each other where the device has an
     * order, and the future completes when all are recorded.
     */
    default CompletableFuture<Void> recordAll(List<AuditRecord> records) {
        return CompletableFuture.allOf(records.stream().map(this::record).toArray(CompletableFuture[]::new));
    }

    /** {@code hmac-sha256:<hex>} of {@code input} under this device's salt ({@code sys/audit-hash}). */
    String hash(String input);

    /**
     * Throws {@link io.coffer.core.error.CofferException} ({@code INVALID_REQUEST}) saying what is
     * wrong when the device cannot record right now. Called when a device is enabled, so that a
     * bad configuration is refused up front instead of refusing every later request.
     */
    void checkReady();

    /**
     * The space left where the device writes, as last measured, for devices that write to a local
     * volume; empty otherwise. Cheap enough for a metrics scrape: it measures at most every few seconds.
     */
    default java.util.Optional<VolumeSpace> volumeSpace() {
        return java.util.Optional.empty();
    }

    /**
     * Verifies the device's chain as it stands now, from its oldest file it can find to the last
     * line it wrote, with its key and stored head. Reads files and may take a while; never on the
     * request path of anything but the verification itself.
     *
     * @throws io.coffer.core.error.CofferException {@code INVALID_REQUEST} for a device without a chain
     */
    default AuditChainVerifier.Result verifyChain() {
        throw io.coffer.core.error.CofferException.invalid("this audit device keeps no chain to verify");
    }

    /** The head of the last line the device wrote, if it keeps a chain and wrote one. */
    default java.util.Optional<ChainHead> writtenHead() {
        return java.util.Optional.empty();
    }

    /** Starts a new file (or the device's equivalent) without losing a record; no-op by default. */
    default CompletableFuture<Void> rotate() {
        return CompletableFuture.completedFuture(null);
    }

    /** Records everything queued, then releases the device; later records fail. */
    @Override
    void close();

    /**
     * A device that refuses every record and is never ready, for a device that cannot run; the
     * reason is shown to the operator, so it must name no secret.
     */
    static AuditDevice refusing(String reason) {
        return new RefusingDevice(reason);
    }
}
