package io.coffer.core.audit.file;

import io.coffer.core.audit.VolumeSpace;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the free space of the volume an audit file lives on and warns (log and
 * {@link VolumeSpace} gauge) once it drops under {@code free_space_warn}, long before the volume is
 * full: a full audit volume refuses every audited request (auditing fails closed).
 *
 * <p>Measuring is one {@code statfs} call, made after every {@value #CHECK_EVERY_BYTES} bytes
 * recorded or {@value #CHECK_EVERY_SECONDS} seconds, whichever comes first, never per record; a
 * record costs one atomic add and a clock read. One caller measures at a time; the others go on.
 * While space stays low, the warning repeats every {@value #WARN_EVERY_MINUTES} minutes.
 */
final class FreeSpaceWarning {

    private static final Logger LOG = LoggerFactory.getLogger(FreeSpaceWarning.class);
    static final long CHECK_EVERY_BYTES = 4L << 20;
    static final long CHECK_EVERY_SECONDS = 10;
    static final long WARN_EVERY_MINUTES = 5;

    /** One measurement of a volume. */
    record Reading(long usableBytes, long totalBytes) {
    }

    /** Measures the volume; the file device's reads the file system, tests give their own. */
    @FunctionalInterface
    interface Probe {
        Reading read() throws IOException;
    }

    private final Path directory;
    private final Probe probe;
    private final FreeSpaceThreshold threshold;
    private final LongSupplier nanoTime;
    private final AtomicLong recordedSinceCheck = new AtomicLong();
    private final AtomicBoolean measuring = new AtomicBoolean();
    private volatile long nextCheckNanos;
    private volatile Optional<VolumeSpace> last = Optional.empty();
    /** Guarded by {@link #measuring}: when the last warning was logged, and whether space is low since. */
    private long lastWarningNanos;
    private boolean warnedLow;
    private volatile long warnings;

    /** Watches the volume of {@code file}'s directory. */
    FreeSpaceWarning(Path file, FreeSpaceThreshold threshold) {
        this(directoryOf(file), fileStoreProbe(directoryOf(file)), threshold, System::nanoTime);
    }

    FreeSpaceWarning(Path directory, Probe probe, FreeSpaceThreshold threshold, LongSupplier nanoTime) {
        this.directory = directory;
        this.probe = probe;
        this.threshold = threshold;
        this.nanoTime = nanoTime;
        measure();
    }

    private static Path directoryOf(Path file) {
        Path parent = file.getParent();
        return parent == null ? file : parent;
    }

    /** Reads the directory's file store, looked up once (a lookup scans the mount table) and again after a failure. */
    private static Probe fileStoreProbe(Path directory) {
        FileStore[] store = new FileStore[1];
        return () -> {
            try {
                if (store[0] == null) {
                    store[0] = Files.getFileStore(directory);
                }
                return new Reading(store[0].getUsableSpace(), store[0].getTotalSpace());
            } catch (IOException | RuntimeException e) {
                store[0] = null;
                throw e;
            }
        };
    }

    /** Notes {@code bytes} recorded; measures when enough was written or enough time passed. */
    void recorded(long bytes) {
        if (recordedSinceCheck.addAndGet(bytes) >= CHECK_EVERY_BYTES || nanoTime.getAsLong() - nextCheckNanos >= 0) {
            measure();
        }
    }

    /** The last measurement, renewed first when it is older than the check interval. */
    Optional<VolumeSpace> space() {
        if (nanoTime.getAsLong() - nextCheckNanos >= 0) {
            measure();
        }
        return last;
    }

    /** How many low-space warnings were logged. */
    long warnings() {
        return warnings;
    }

    private void measure() {
        if (!measuring.compareAndSet(false, true)) {
            return;
        }
        try {
            long now = nanoTime.getAsLong();
            recordedSinceCheck.set(0);
            nextCheckNanos = now + TimeUnit.SECONDS.toNanos(CHECK_EVERY_SECONDS);
            VolumeSpace space;
            try {
                Reading reading = probe.read();
                space = new VolumeSpace(reading.usableBytes(), reading.totalBytes(), threshold.bytesOf(reading.totalBytes()));
            } catch (IOException | RuntimeException e) {
                // The writer reports an unusable directory on its own; the next check tries again.
                return;
            }
            last = Optional.of(space);
            report(space, now);
        } finally {
            measuring.set(false);
        }
    }

    private void report(VolumeSpace space, long now) {
        if (space.low()) {
            if (!warnedLow || now - lastWarningNanos >= TimeUnit.MINUTES.toNanos(WARN_EVERY_MINUTES)) {
                LOG.warn("audit volume of {} is running out of space: {} MiB free of {} MiB, below free_space_warn ({} MiB);"
                        + " when it is full every audited request is refused", directory, space.freeBytes() >> 20,
                        space.totalBytes() >> 20, space.warnBelowBytes() >> 20);
                warnedLow = true;
                lastWarningNanos = now;
                warnings++;
            }
        } else if (warnedLow) {
            LOG.info("audit volume of {} has {} MiB free again, above free_space_warn", directory, space.freeBytes() >> 20);
            warnedLow = false;
        }
    }
}
