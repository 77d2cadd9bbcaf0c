package io.coffer.core.audit.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreeSpaceWarningTest {

    private static final long GIB = 1L << 30;

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final AtomicLong free = new AtomicLong(50 * GIB);
    private final AtomicInteger reads = new AtomicInteger();

    private FreeSpaceWarning watching(String threshold) {
        return new FreeSpaceWarning(Path.of("/var/log/coffer"), () -> {
            reads.incrementAndGet();
            return new FreeSpaceWarning.Reading(free.get(), 100 * GIB);
        }, FreeSpaceThreshold.parse(threshold), nanos::get);
    }

    @Test
    void measures_afterFourMiBOrTenSeconds_neverPerRecord() {
        FreeSpaceWarning warning = watching("10%");
        assertThat(reads).hasValue(1);
        for (int i = 0; i < 1000; i++) {
            warning.recorded(1000);
        }
        assertThat(reads).hasValue(1);
        warning.recorded(FreeSpaceWarning.CHECK_EVERY_BYTES);
        assertThat(reads).hasValue(2);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(FreeSpaceWarning.CHECK_EVERY_SECONDS));
        warning.recorded(1);
        assertThat(reads).hasValue(3);
        assertThat(warning.space()).isPresent();
        assertThat(reads).hasValue(3);
    }

    @Test
    void warns_belowTheThreshold_atOnceThenEveryFiveMinutes_andTheGaugeSaysLow() {
        FreeSpaceWarning warning = watching("10%");
        assertThat(warning.space().orElseThrow().low()).isFalse();
        assertThat(warning.warnings()).isZero();

        free.set(9 * GIB);
        warning.recorded(FreeSpaceWarning.CHECK_EVERY_BYTES);
        assertThat(warning.warnings()).isEqualTo(1);
        assertThat(warning.space().orElseThrow().low()).isTrue();
        assertThat(warning.space().orElseThrow().warnBelowBytes()).isEqualTo(10 * GIB);

        // Still low ten seconds later: no second warning yet (rate-limited).
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(10));
        warning.recorded(1);
        assertThat(warning.warnings()).isEqualTo(1);
        nanos.addAndGet(TimeUnit.MINUTES.toNanos(FreeSpaceWarning.WARN_EVERY_MINUTES));
        warning.recorded(1);
        assertThat(warning.warnings()).isEqualTo(2);

        free.set(20 * GIB);
        warning.recorded(FreeSpaceWarning.CHECK_EVERY_BYTES);
        assertThat(warning.space().orElseThrow().low()).isFalse();
        free.set(5 * GIB);
        warning.recorded(FreeSpaceWarning.CHECK_EVERY_BYTES);
        assertThat(warning.warnings()).as("a new drop warns at once").isEqualTo(3);
    }

    @Test
    void thresholdInBytes_andZeroTurnsItOff() {
        free.set(2 * GIB);
        assertThat(watching(String.valueOf(3 * GIB)).space().orElseThrow().low()).isTrue();
        assertThat(watching(String.valueOf(GIB)).space().orElseThrow().low()).isFalse();
        free.set(0);
        FreeSpaceWarning off = watching("0");
        assertThat(off.space().orElseThrow().low()).isFalse();
        assertThat(off.warnings()).isZero();
    }

    @Test
    void aProbeThatFails_leavesNoGauge_andTriesAgainLater() {
        AtomicInteger attempts = new AtomicInteger();
        FreeSpaceWarning warning = new FreeSpaceWarning(Path.of("/gone"), () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IOException("no such file");
            }
            return new FreeSpaceWarning.Reading(GIB, 2 * GIB);
        }, FreeSpaceThreshold.DEFAULT, nanos::get);
        assertThat(attempts).hasValue(1);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(FreeSpaceWarning.CHECK_EVERY_SECONDS));
        assertThat(warning.space()).isPresent();
    }

    @Test
    void theRealVolume_isMeasured(@TempDir Path dir) {
        FreeSpaceWarning warning = new FreeSpaceWarning(dir.resolve("audit.log"), FreeSpaceThreshold.parse("100%"));
        assertThat(warning.space().orElseThrow().totalBytes()).isPositive();
        assertThat(warning.space().orElseThrow().low()).isTrue();
        assertThat(warning.warnings()).isEqualTo(1);
    }
}
