package io.coffer.core.audit;

import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.error.ClientText;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Response;
import io.coffer.core.seal.ShamirSeal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log of a node: the enabled devices, and the rule that a request is served only once a
 * device has recorded it.
 *
 * <p><b>Fail closed.</b> Every entry goes to every device, and counts as recorded once at least
 * one device confirmed it. A request record that must precede serving ({@link #logRequest}) is
 * waited for, for at most {@link #RECORD_TIMEOUT}, and throws {@code INTERNAL} (a 500 without detail
 * for the client) when no device confirmed it, so that the core refuses the request. An outcome
 * record ({@link #recordResponse}, {@link #recordError}) comes back as a future that the device's
 * writer completes, or fails with {@code INTERNAL}; the response must not leave before it completes.
 * With no device enabled nothing is recorded and nothing refused, as in Vault.
 *
 * <p>The table of devices is persisted behind the barrier; devices are opened on unseal and
 * closed (after writing what they queued) on seal. A device whose target cannot be opened on
 * unseal stays loaded and refuses entries until its target becomes writable, so an unwritable
 * audit file never silently turns auditing off. Recording reads an immutable snapshot of the
 * devices; changes to the table are serialized.
 */
public final class AuditBroker implements AuditLog, ShamirSeal.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(AuditBroker.class);
    /** How long a request waits for its entry to become durable before it is refused. */
    static final Duration RECORD_TIMEOUT = Duration.ofSeconds(30);

    /** An enabled device and its table entry. */
    private record Live(AuditDeviceEntry entry, AuditDevice device) {
    }

    private final AuditDeviceTable table;
    private final Clock clock;
    private final Map<String, AuditDeviceFactory> factories = new LinkedHashMap<>();
    private volatile List<Live> devices = List.of();
    /** Chain breaks found by devices since this node started; read by metrics. */
    private final AtomicLong chainBreaks = new AtomicLong();

    public AuditBroker(SecureStorage storage, Clock clock, List<AuditDeviceFactory> factories) {
        this.table = new AuditDeviceTable(storage);
        this.clock = clock;
        for (AuditDeviceFactory f : factories) {
            if (this.factories.put(f.type(), f) != null) {
                throw new IllegalArgumentException("two audit device factories for type " + f.type());
            }
        }
    }

    // ---- AuditLog: called by the request pipeline ----

    /** Entries on their way to a snapshot of the devices. */
    private record Queued(List<Live> devices, List<CompletableFuture<Void>> futures) {
    }

    /**
     * A request record not written yet: it goes to the devices together with its outcome, as one
     * entry each device writes at once (a read costs one hand-over to the writer, not two).
     */
    private record Deferred(List<Live> devices, AuditRecord request) implements Receipt {
    }

    /** A request record already confirmed by a device; its outcome goes to the devices enabled then. */
    private enum Confirmed implements Receipt {
        INSTANCE
    }

    @Override
    public Receipt logRequest(AuditEvent event) {
        await(queue(devices, AuditRecord.request(event, clock.instant())));
        return Confirmed.INSTANCE;
    }

    @Override
    public Receipt queueRequest(AuditEvent event) {
        return new Deferred(devices, AuditRecord.request(event, clock.instant()));
    }

    @Override
    public CompletableFuture<Void> recordResponse(AuditEvent event, Response response, Receipt request) {
        return recordOutcome(AuditRecord.response(event, response, clock.instant()), request);
    }

    @Override
    public CompletableFuture<Void> recordError(AuditEvent event, CofferException error, Receipt request) {
        return recordOutcome(AuditRecord.error(event, error, clock.instant()), request);
    }

    private CompletableFuture<Void> recordOutcome(AuditRecord outcome, Receipt request) {
        if (request instanceof Deferred deferred) {
            List<Live> snapshot = deferred.devices();
            List<AuditRecord> pair = List.of(deferred.request(), outcome);
            List<CompletableFuture<Void>> futures = new ArrayList<>(snapshot.size());
            for (Live live : snapshot) {
                futures.add(submitAll(live, pair));
            }
            return anyRecorded(new Queued(snapshot, futures));
        }
        return anyRecorded(queue(devices, outcome));
    }

    /**
     * Completes once one device recorded {@code queued}, or fails with {@code INTERNAL} once all
     * failed. Waiting happens in no thread: the device's writer completes it.
     */
    private static CompletableFuture<Void> anyRecorded(Queued queued) {
        List<Live> snapshot = queued.devices();
        if (snapshot.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        if (snapshot.size() == 1) {
            // The usual case: the device's own future, failures translated, one callback less on its writer.
            Live live = snapshot.get(0);
            return queued.futures().get(0).handle((ok, error) -> {
                if (error == null) {
                    return null;
                }
                Throwable cause = error instanceof CompletionException ce && ce.getCause() != null ? ce.getCause() : error;
                logFailure(live, cause);
                throw CofferException.internal("no audit device could record the request; it was refused", cause);
            });
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        AtomicInteger failed = new AtomicInteger();
        for (int i = 0; i < snapshot.size(); i++) {
            Live live = snapshot.get(i);
            queued.futures().get(i).whenComplete((ok, error) -> {
                if (error == null) {
                    result.complete(null);
                    return;
                }
                Throwable cause = error instanceof CompletionException ce && ce.getCause() != null
                        ? ce.getCause() : error;
                logFailure(live, cause);
                if (failed.incrementAndGet() == snapshot.size()) {
                    result.completeExceptionally(
                            CofferException.internal("no audit device could record the request; it was refused", cause));
                }
            });
        }
        return result;
    }

    private static Queued queue(List<Live> snapshot, AuditRecord record) {
        List<CompletableFuture<Void>> futures = new ArrayList<>(snapshot.size());
        for (Live live : snapshot) {
            futures.add(submit(live, record));
        }
        return new Queued(snapshot, futures);
    }

    /** Waits for {@code queued} and throws unless at least one device recorded it. */
    private static void await(Queued queued) {
        List<Live> snapshot = queued.devices();
        if (snapshot.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + RECORD_TIMEOUT.toNanos();
        int recorded = 0;
        Throwable lastFailure = null;
        for (int i = 0; i < snapshot.size(); i++) {
            try {
                queued.futures().get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                recorded++;
            } catch (ExecutionException e) {
                lastFailure = e.getCause();
                logFailure(snapshot.get(i), e.getCause());
            } catch (TimeoutException e) {
                lastFailure = e;
                LOG.error("audit device at {} did not record an entry within {}s", snapshot.get(i).entry().path(),
                        RECORD_TIMEOUT.toSeconds());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lastFailure = e;
            }
        }
        if (recorded == 0) {
            throw CofferException.internal("no audit device could record the request; it was refused", lastFailure);
        }
    }

    private static CompletableFuture<Void> submitAll(Live live, List<AuditRecord> records) {
        try {
            return live.device().recordAll(records);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static CompletableFuture<Void> submit(Live live, AuditRecord record) {
        try {
            return live.device().record(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void logFailure(Live live, Throwable cause) {
        // The cause is an I/O or formatting failure; it names files, never record contents.
        LOG.error("audit device at {} failed to record an entry: {}", live.entry().path(), describe(cause));
    }

    static String describe(Throwable t) {
        if (t == null) {
            return "unknown failure";
        }
        String message = t instanceof java.nio.file.FileSystemException fse && fse.getReason() != null
                ? fse.getFile() + ": " + fse.getReason()
                : t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    // ---- the table: called by sys/audit ----

    /** The enabled devices, in the order they were enabled. */
    public List<AuditDeviceEntry> entries() {
        return devices.stream().map(Live::entry).toList();
    }

    /**
     * Enables a device at {@code path}. Refuses (400) a path that overlaps an enabled one, an
     * unknown type, invalid options, and a target the device cannot write to right now.
     */
    public synchronized AuditDeviceEntry enable(String path, String type, String description, Map<String, String> options,
            boolean local) {
        String p = normalize(path);
        validatePath(p);
        for (Live live : devices) {
            String existing = live.entry().path();
            if (p.startsWith(existing) || existing.startsWith(p)) {
                throw CofferException.invalid("path already in use at " + ClientText.escape(existing));
            }
        }
        AuditDeviceFactory factory = Optional.ofNullable(factories.get(type))
                .orElseThrow(() -> CofferException.invalid("unknown audit device type " + ClientText.quote(type) + "; supported: "
                        + String.join(", ", factories.keySet())));
        AuditFormatOptions.parse(options);
        factory.validateOptions(options);
        AuditDeviceEntry entry = new AuditDeviceEntry(p, type, description, options, local, UUID.randomUUID().toString());
        AuditDevice device = factory.create(entry, table.salt(entry), table.chain(entry, chainBreaks::incrementAndGet));
        try {
            device.checkReady();
            List<AuditDeviceEntry> next = new ArrayList<>(entries());
            next.add(entry);
            table.save(next);
        } catch (RuntimeException e) {
            device.close();
            table.deleteSalt(entry);
            throw e;
        }
        List<Live> nextDevices = new ArrayList<>(devices);
        nextDevices.add(new Live(entry, device));
        devices = List.copyOf(nextDevices);
        LOG.info("enabled audit device {} at {}", type, p);
        return entry;
    }

    /** Disables the device at {@code path} after it wrote what it queued; unknown paths are a no-op, as in Vault. */
    public synchronized void disable(String path) {
        String p = normalize(path);
        Optional<Live> found = devices.stream().filter(l -> l.entry().path().equals(p)).findFirst();
        if (found.isEmpty()) {
            return;
        }
        Live removed = found.get();
        List<Live> next = devices.stream().filter(l -> l != removed).toList();
        table.save(next.stream().map(Live::entry).toList());
        devices = next;
        removed.device().close();
        table.deleteSalt(removed.entry());
        LOG.info("disabled audit device at {}", p);
    }

    /**
     * The free space where the device at {@code path} writes (a gauge: a full audit volume refuses
     * every audited request); empty for an unknown path or a device without a local volume.
     */
    public Optional<VolumeSpace> volumeSpace(String path) {
        String p = normalize(path);
        return devices.stream().filter(l -> l.entry().path().equals(p)).findFirst()
                .flatMap(l -> l.device().volumeSpace());
    }

    /** {@code hmac-sha256:<hex>} of {@code input} with the salt of the device at {@code path}. */
    public String hash(String path, String input) {
        return live(path).device().hash(input);
    }

    /**
     * How many times a device found, when it opened its file, that the file did not match its
     * stored chain head (and started a new segment recording the break), since this node
     * started: {@code coffer_audit_chain_breaks_total} of {@code sys/metrics}, and
     * {@code sys/audit-verify} reports it.
     */
    public long chainBreaks() {
        return chainBreaks.get();
    }

    /** The chain of the device at {@code path}, as it stands now ({@code sys/audit-verify}). */
    public ChainReport verifyChain(String path) {
        Live live = live(path);
        AuditChainVerifier.Result result = live.device().verifyChain();
        return new ChainReport(result, table.storedHead(live.entry()), live.device().writtenHead());
    }

    /** A chain verification with the heads it was checked against. */
    public record ChainReport(AuditChainVerifier.Result result, Optional<ChainHead> storedHead,
            Optional<ChainHead> writtenHead) {
    }

    /**
     * The chain key of the device at {@code path} as hex, with its stored head, for verifying
     * copies of its files offline. Whoever holds the key can forge the chain: root only, and the
     * request is audited (the key itself is HMAC'd in the record like any response value).
     */
    public ExportedChainKey exportChainKey(String path) {
        Live live = live(path);
        byte[] key = table.exportChainKey(live.entry())
                .orElseThrow(() -> CofferException.invalid("the audit device at " + ClientText.quote(live.entry().path()) + " has no chain key"));
        try {
            return new ExportedChainKey(HexFormat.of().formatHex(key), table.storedHead(live.entry()));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** An exported chain key (hex) and the head stored when it was exported. */
    public record ExportedChainKey(String keyHex, Optional<ChainHead> storedHead) {
        @Override
        public String toString() {
            return "ExportedChainKey[redacted]";
        }
    }

    private Live live(String path) {
        String p = normalize(path);
        return devices.stream().filter(l -> l.entry().path().equals(p)).findFirst()
                .orElseThrow(() -> CofferException.invalid("no audit device is enabled at " + ClientText.quote(p)));
    }

    /**
     * Starts a new file on every device that has files (SIGHUP), without losing a record, and
     * waits until done. Returns the number of devices rotated.
     */
    public int rotateAll() {
        int rotated = 0;
        for (Live live : devices) {
            try {
                live.device().rotate().get(RECORD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                rotated++;
            } catch (ExecutionException e) {
                LOG.error("audit device at {} could not rotate: {}", live.entry().path(), describe(e.getCause()));
            } catch (TimeoutException e) {
                LOG.error("audit device at {} did not rotate within {}s", live.entry().path(), RECORD_TIMEOUT.toSeconds());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return rotated;
    }

    // ---- seal lifecycle ----

    @Override
    public synchronized void afterUnseal() {
        List<Live> loaded = new ArrayList<>();
        for (AuditDeviceEntry entry : table.load()) {
            AuditDeviceFactory factory = factories.get(entry.type());
            if (factory == null) {
                // Still fail closed: a device we cannot run must not silently stop auditing.
                loaded.add(new Live(entry, AuditDevice.refusing("unknown audit device type " + entry.type())));
                LOG.error("audit device at {} has unknown type {}; every request is refused until it is disabled",
                        entry.path(), entry.type());
                continue;
            }
            try {
                loaded.add(new Live(entry, factory.create(entry, table.salt(entry),
                        table.chain(entry, chainBreaks::incrementAndGet))));
            } catch (RuntimeException e) {
                loaded.add(new Live(entry, AuditDevice.refusing("audit device at " + entry.path() + " cannot be created")));
                LOG.error("audit device at {} cannot be created ({}); every request is refused until it is disabled",
                        entry.path(), describe(e));
            }
        }
        devices = List.copyOf(loaded);
    }

    @Override
    public synchronized void beforeSeal() {
        List<Live> closing = devices;
        devices = List.of();
        for (Live live : closing) {
            try {
                live.device().close();
            } catch (RuntimeException e) {
                LOG.error("audit device at {} failed to close: {}", live.entry().path(), describe(e));
            }
        }
    }

    static String normalize(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p.endsWith("/") ? p : p + "/";
    }

    private static void validatePath(String p) {
        if (p.equals("/")) {
            throw CofferException.invalid("audit device path must not be empty");
        }
        for (String segment : p.substring(0, p.length() - 1).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw CofferException.invalid("audit device path has an empty or relative segment");
            }
        }
        if (p.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw CofferException.invalid("audit device path contains a control character");
        }
    }
}
