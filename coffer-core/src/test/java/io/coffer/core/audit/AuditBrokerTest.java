package io.coffer.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.audit.file.FileAuditDeviceFactory;
import io.coffer.core.barrier.PlaintextSecureStorage;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Request;
import io.coffer.core.logical.Response;
import io.coffer.core.storage.InMemoryStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditBrokerTest {

    @TempDir
    Path dir;

    private final PlaintextSecureStorage storage = new PlaintextSecureStorage(new InMemoryStorage());
    private AuditBroker broker;

    @BeforeEach
    void start() {
        broker = newBroker();
        broker.afterUnseal();
    }

    @AfterEach
    void stop() {
        broker.beforeSeal();
    }

    private AuditBroker newBroker() {
        return new AuditBroker(storage, Clock.systemUTC(), List.of(new FileAuditDeviceFactory(Clock.systemUTC())));
    }

    private static AuditEvent event() {
        return new AuditEvent(Request.builder(Operation.READ, "secret/data/app").build(), Operation.READ, "kv", Optional.empty(),
                java.time.Instant.now());
    }

    private Map<String, String> fileAt(String name) {
        return Map.of("file_path", dir.resolve(name).toString());
    }

    @Test
    void log_withNoDeviceEnabled_recordsNothingAndRefusesNothing() {
        broker.logResponse(event(), Response.empty(), broker.logRequest(event()));
        broker.logResponse(event(), Response.empty(), broker.queueRequest(event()));

        assertThat(broker.entries()).isEmpty();
    }

    @Test
    void enable_persistsTheTable_soDevicesComeBackAfterUnseal() throws Exception {
        broker.enable("file", "file", "main log", fileAt("audit.log"), false);
        broker.logRequest(event());
        String hashBefore = broker.hash("file", "x");
        broker.beforeSeal();

        AuditBroker reloaded = newBroker();
        reloaded.afterUnseal();
        try {
            assertThat(reloaded.entries()).singleElement().satisfies(e -> {
                assertThat(e.path()).isEqualTo("file/");
                assertThat(e.description()).isEqualTo("main log");
            });
            reloaded.logRequest(event());
            assertThat(reloaded.hash("file", "x")).isEqualTo(hashBefore);
        } finally {
            reloaded.beforeSeal();
        }
        assertThat(Files.readAllLines(dir.resolve("audit.log"))).hasSize(3);
    }

    @Test
    void enable_refusesOverlappingPathsUnknownTypesBadOptionsAndUnwritableFiles() throws Exception {
        broker.enable("file", "file", "", fileAt("a.log"), false);
        Path regularFile = Files.writeString(dir.resolve("regular"), "x");

        assertThatThrownBy(() -> broker.enable("file/nested", "file", "", fileAt("b.log"), false))
                .hasMessageContaining("already in use");
        assertThatThrownBy(() -> broker.enable("sock", "socket", "", Map.of(), false)).hasMessageContaining("unknown audit device type");
        assertThatThrownBy(() -> broker.enable("x", "file", "", Map.of("file_path", "/tmp/x", "colour", "red"), false))
                .hasMessageContaining("unknown option \"colour\"");
        assertThatThrownBy(() -> broker.enable("x", "file", "", Map.of(), false)).hasMessageContaining("file_path");
        assertThatThrownBy(() -> broker.enable("x", "file", "", Map.of("file_path", dir.resolve("c.log").toString(),
                "log_raw", "maybe"), false)).hasMessageContaining("log_raw");
        assertThatThrownBy(() -> broker.enable("x", "file", "", fileAt("a.log"), false)).hasMessageContaining("already used");
        assertThatThrownBy(() -> broker.enable("x", "file", "", Map.of("file_path", regularFile.resolve("audit.log").toString()),
                false)).isInstanceOfSatisfying(CofferException.class,
                        e -> assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST));

        assertThat(broker.entries()).extracting(AuditDeviceEntry::path).containsExactly("file/");
    }

    @Test
    void log_whenTheOnlyDeviceCannotWrite_failsClosed() throws Exception {
        Path file = dir.resolve("audit.log");
        broker.enable("file", "file", "", Map.of("file_path", file.toString()), false);
        broker.beforeSeal();
        Files.delete(file);
        Files.createDirectory(file);
        broker.afterUnseal();

        assertThatThrownBy(() -> broker.logRequest(event())).isInstanceOfSatisfying(CofferException.class,
                e -> assertThat(e.kind()).isEqualTo(CofferException.Kind.INTERNAL));
        assertThatThrownBy(() -> broker.logError(event(), CofferException.permissionDenied(), broker.queueRequest(event())))
                .isInstanceOf(CofferException.class);
        // A read served while its request record was queued is refused when the records fail.
        AuditLog.Receipt queued = broker.queueRequest(event());
        assertThatThrownBy(() -> broker.logResponse(event(), Response.empty(), queued))
                .isInstanceOfSatisfying(CofferException.class, e -> assertThat(e.kind()).isEqualTo(CofferException.Kind.INTERNAL));
    }

    @Test
    void logResponse_afterAQueuedRequest_returnsOnceBothRecordsAreWrittenInOrder() throws Exception {
        broker.enable("file", "file", "", fileAt("audit.log"), false);

        broker.logResponse(event(), Response.empty(), broker.queueRequest(event()));

        List<String> lines = Files.readAllLines(dir.resolve("audit.log"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains("\"type\":\"request\"");
        assertThat(lines.get(2)).contains("\"type\":\"response\"");
    }

    @Test
    void logResponse_countsOnlyDevicesThatRecordedTheRequestToo() {
        // Device "flaky" loses the request record but takes the response: it has no complete
        // trace of the request, so with no other device the response must be refused.
        AuditBroker withFlakyDevice = new AuditBroker(storage, Clock.systemUTC(), List.of(new FlakyDeviceFactory()));
        withFlakyDevice.afterUnseal();
        try {
            withFlakyDevice.enable("flaky", "flaky", "", Map.of(), false);
            AuditLog.Receipt queued = withFlakyDevice.queueRequest(event());

            assertThatThrownBy(() -> withFlakyDevice.logResponse(event(), Response.empty(), queued))
                    .isInstanceOfSatisfying(CofferException.class,
                            e -> assertThat(e.kind()).isEqualTo(CofferException.Kind.INTERNAL));
            withFlakyDevice.logResponse(event(), Response.empty(), withFlakyDevice.queueRequest(event()));
        } finally {
            withFlakyDevice.beforeSeal();
        }
    }

    /** Devices that lose their first record and keep every later one. */
    private static final class FlakyDeviceFactory implements AuditDeviceFactory {
        @Override
        public String type() {
            return "flaky";
        }

        @Override
        public void validateOptions(Map<String, String> options) {
        }

        @Override
        public AuditDevice create(AuditDeviceEntry entry, AuditSalt salt, AuditChainStore chain) {
            java.util.concurrent.atomic.AtomicInteger records = new java.util.concurrent.atomic.AtomicInteger();
            return new AuditDevice() {
                @Override
                public java.util.concurrent.CompletableFuture<Void> record(AuditRecord record) {
                    return records.getAndIncrement() == 0
                            ? java.util.concurrent.CompletableFuture.failedFuture(new java.io.IOException("lost"))
                            : java.util.concurrent.CompletableFuture.completedFuture(null);
                }

                @Override
                public String hash(String input) {
                    return salt.hash(input);
                }

                @Override
                public void checkReady() {
                }

                @Override
                public void close() {
                }
            };
        }
    }

    @Test
    void log_whenOneOfTwoDevicesCannotWrite_succeedsOnTheOther() throws Exception {
        Path broken = dir.resolve("broken.log");
        broker.enable("good", "file", "", fileAt("good.log"), false);
        broker.enable("bad", "file", "", Map.of("file_path", broken.toString()), false);
        broker.beforeSeal();
        Files.delete(broken);
        Files.createDirectory(broken);
        broker.afterUnseal();

        broker.logRequest(event());

        assertThat(Files.readAllLines(dir.resolve("good.log"))).hasSize(2);
    }

    @Test
    void disable_stopsRecording_andUnknownPathsAreANoOp() throws Exception {
        broker.enable("file", "file", "", fileAt("audit.log"), false);
        broker.disable("file/");
        broker.disable("never-enabled");

        broker.logRequest(event());

        assertThat(broker.entries()).isEmpty();
        assertThat(Files.readAllLines(dir.resolve("audit.log"))).isEmpty();
        assertThatThrownBy(() -> broker.hash("file", "x")).hasMessageContaining("no audit device");
    }
}
