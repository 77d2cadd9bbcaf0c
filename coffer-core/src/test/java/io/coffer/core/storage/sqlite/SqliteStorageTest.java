package io.coffer.core.storage.sqlite;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.coffer.core.error.CofferException;
import io.coffer.core.storage.StorageBackend;
import io.coffer.core.storage.StorageBackendContract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class SqliteStorageTest extends StorageBackendContract {

    /** The kill test waits at most this long for the child to start and acknowledge writes. */
    private static final long CHILD_DEADLINE_MILLIS = 60_000;
    private static final String END_OF_OUTPUT = "\0eof";

    @TempDir
    Path tempDir;

    @Override
    protected StorageBackend newBackend() {
        return SqliteStorage.open(dataDirectory());
    }

    private Path dataDirectory() {
        return tempDir.resolve("data");
    }

    @Test
    void reopen_afterClose_keepsEveryValue() {
        byte[] large = new byte[300_000];
        new Random(1).nextBytes(large);
        storage.put("a/b", bytes("b"));
        storage.put("a/c/d", large);
        storage.put("empty", new byte[0]);
        storage.put("gone", bytes("x"));
        storage.delete("gone");
        storage.close();

        storage = SqliteStorage.open(dataDirectory());

        assertThat(storage.list("")).containsExactly("a/", "empty");
        assertThat(storage.list("a/")).containsExactly("b", "c/");
        assertThat(storage.get("a/b")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("b")));
        assertThat(storage.get("a/c/d")).hasValueSatisfying(v -> assertThat(v).isEqualTo(large));
        assertThat(storage.get("empty")).hasValueSatisfying(v -> assertThat(v).isEmpty());
        assertThat(storage.get("gone")).isEmpty();
    }

    @Test
    void open_keepsEveryFileInTheDataDirectory() throws IOException {
        storage.put("k", bytes("v"));

        assertThat(fileNames(tempDir)).containsExactly("data");
        assertThat(fileNames(dataDirectory()))
                .contains(SqliteStorage.DATABASE_FILE_NAME)
                .allMatch(name -> name.startsWith(SqliteStorage.DATABASE_FILE_NAME));

        storage.close();

        // The last connection checkpoints the log and removes the -wal and -shm files.
        assertThat(fileNames(dataDirectory())).containsExactly(SqliteStorage.DATABASE_FILE_NAME);
        assertThat(fileNames(tempDir)).containsExactly("data");
    }

    @Test
    void open_missingDirectories_areCreatedOwnerOnly() throws IOException {
        assumeThat(tempDir.getFileSystem().supportedFileAttributeViews()).contains("posix");
        Path nested = tempDir.resolve("x/y/data");

        try (SqliteStorage nestedStorage = SqliteStorage.open(nested)) {
            nestedStorage.put("k", bytes("v"));

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nested))).isEqualTo("rwx------");
            for (String name : fileNames(nested)) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nested.resolve(name))))
                        .as(name).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void open_pathWithCharactersSpecialInUris_usesThatDirectory() throws IOException {
        Path odd = tempDir.resolve("we?ird #dir% \u00e9");

        try (SqliteStorage oddStorage = SqliteStorage.open(odd)) {
            oddStorage.put("k", bytes("v"));
            assertThat(oddStorage.get("k")).isPresent();
        }

        assertThat(fileNames(odd)).containsExactly(SqliteStorage.DATABASE_FILE_NAME);
    }

    @Test
    void open_dataDirectoryIsAFile_failsUnavailable() throws IOException {
        Path file = Files.writeString(tempDir.resolve("not-a-directory"), "x");

        assertThatThrownBy(() -> SqliteStorage.open(file))
                .isInstanceOfSatisfying(CofferException.class, e -> assertThat(e.kind()).isEqualTo(CofferException.Kind.UNAVAILABLE))
                .hasMessageContaining("open");
    }

    @Test
    void open_fileThatIsNotADatabase_failsUnavailable() throws IOException {
        Path directory = tempDir.resolve("garbage");
        Files.createDirectories(directory);
        byte[] garbage = new byte[8192];
        new Random(3).nextBytes(garbage);
        Files.write(directory.resolve(SqliteStorage.DATABASE_FILE_NAME), garbage);

        assertThatThrownBy(() -> SqliteStorage.open(directory))
                .isInstanceOfSatisfying(CofferException.class, e -> assertThat(e.kind()).isEqualTo(CofferException.Kind.UNAVAILABLE))
                .hasMessageContaining("storage open failed");
    }

    @Test
    void open_databaseFromNewerVersion_isRefused() throws SQLException {
        storage.close();
        try (Connection raw = rawConnection(); Statement statement = raw.createStatement()) {
            statement.execute("PRAGMA user_version = " + (SqliteStorage.SCHEMA_VERSION + 1));
        }

        assertThatThrownBy(() -> SqliteStorage.open(dataDirectory()))
                .isInstanceOfSatisfying(CofferException.class, e -> assertThat(e.kind()).isEqualTo(CofferException.Kind.UNAVAILABLE))
                .hasMessageContaining("newer");
    }

    @Test
    void open_nonPositiveReaders_isRejected() {
        assertThatThrownBy(() -> SqliteStorage.open(dataDirectory(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void database_isInWalModeWithTheSchemaVersion() throws SQLException {
        try (Connection raw = rawConnection(); Statement statement = raw.createStatement()) {
            assertThat(pragma(statement, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(statement, "user_version")).isEqualTo(Integer.toString(SqliteStorage.SCHEMA_VERSION));
            assertThat(pragma(statement, "encoding")).isEqualTo("UTF-8");
        }
    }

    @Test
    void queries_searchTheKeyIndexInsteadOfScanningTheTable() throws SQLException {
        try (Connection raw = rawConnection(); Statement statement = raw.createStatement()) {
            for (String sql : List.of(SqliteStorage.GET_SQL, SqliteStorage.SCAN_SQL, SqliteStorage.SCAN_TO_END_SQL)) {
                List<String> plan = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
                    while (rows.next()) {
                        plan.add(rows.getString("detail"));
                    }
                }
                assertThat(plan).as(sql).singleElement(InstanceOfAssertFactories.STRING)
                        .startsWith("SEARCH entries USING")
                        .contains("INDEX sqlite_autoindex_entries_1");
            }
            // LIST reads keys only: the index covers them and the values are never loaded.
            try (ResultSet rows = statement.executeQuery("EXPLAIN QUERY PLAN " + SqliteStorage.SCAN_SQL)) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("detail")).contains("COVERING INDEX").contains("key>? AND key<?");
            }
        }
    }

    @Test
    void folderEnd_isTheFirstKeyPastTheFolder() {
        assertThat(SqliteStorage.folderEnd("a/")).isEqualTo("a0");
        assertThat(SqliteStorage.folderEnd("a/\u00e9/")).isEqualTo("a/\u00e90");
    }

    @Test
    void closedStorage_failsUnavailableWithoutNamingTheKey() {
        storage.close();
        storage.close();

        for (Runnable call : List.<Runnable>of(
                () -> storage.get("secret/name"),
                () -> storage.put("secret/name", bytes("value")),
                () -> storage.delete("secret/name"),
                () -> storage.list("secret/"))) {
            assertThatThrownBy(call::run)
                    .isInstanceOfSatisfying(CofferException.class, e -> assertThat(e.kind()).isEqualTo(CofferException.Kind.UNAVAILABLE))
                    .hasMessageStartingWith("storage ")
                    .hasMessageNotContaining("secret")
                    .hasMessageNotContaining("value");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoInstancesOnOneDirectory_shareDataAndWriteConcurrently() throws Exception {
        try (SqliteStorage second = SqliteStorage.open(dataDirectory(), 1)) {
            storage.put("from/first", bytes("1"));
            second.put("from/second", bytes("2"));

            assertThat(second.get("from/first")).isPresent();
            assertThat(storage.list("from/")).containsExactly("first", "second");

            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> writers = new ArrayList<>();
                for (StorageBackend backend : List.of(storage, second)) {
                    String name = backend == storage ? "first" : "second";
                    writers.add(executor.submit(() -> {
                        for (int i = 0; i < 100; i++) {
                            backend.put("both/" + name + "/" + i, bytes(name));
                        }
                        return null;
                    }));
                }
                for (Future<?> writer : writers) {
                    writer.get(60, TimeUnit.SECONDS);
                }
            }
            assertThat(storage.list("both/first/")).hasSize(100);
            assertThat(second.list("both/second/")).hasSize(100);
            assertThat(second.list("both/")).containsExactly("first/", "second/");
        }
    }

    /**
     * Kills a writing child JVM with SIGKILL ({@link Process#destroyForcibly}) and checks that
     * every write it acknowledged before dying is there, whole, after reopening.
     */
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void acknowledgedWrites_surviveKillDashNine() throws Exception {
        Path directory = tempDir.resolve("killed");
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                DurabilityWriter.class.getName(), directory.toString(), "10000000")
                .redirectError(tempDir.resolve("child-stderr.txt").toFile())
                .start();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread pump = Thread.ofVirtual().start(() -> pumpLines(child, lines));

        // Kill at a point that varies from run to run, once the child is well into writing.
        int killAfter = 200 + new Random().nextInt(300);
        int highestAck = -1;
        long deadline = System.currentTimeMillis() + CHILD_DEADLINE_MILLIS;
        try {
            while (highestAck + 1 < killAfter) {
                String line = lines.poll(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                if (line == null || line.equals(END_OF_OUTPUT)) {
                    throw new AssertionError("child acknowledged only " + (highestAck + 1) + " writes (exit "
                            + (child.isAlive() ? "none, still running" : child.exitValue()) + "); stderr: "
                            + Files.readString(tempDir.resolve("child-stderr.txt")));
                }
                highestAck = parseAck(line, highestAck);
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child died").isTrue();
        }
        // Acknowledgements already in the pipe when the child died count too.
        for (String line = lines.poll(30, TimeUnit.SECONDS); line != null && !line.equals(END_OF_OUTPUT);
                line = lines.poll(30, TimeUnit.SECONDS)) {
            highestAck = parseAck(line, highestAck);
        }
        pump.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(child.exitValue()).as("killed, not finished").isNotZero();

        try (SqliteStorage reopened = SqliteStorage.open(directory)) {
            for (int i = 0; i <= highestAck; i++) {
                byte[] expected = DurabilityWriter.value(i);
                assertThat(reopened.get(DurabilityWriter.key(i))).as("acknowledged key %d", i)
                        .hasValueSatisfying(v -> assertThat(v).isEqualTo(expected));
            }
            int latest = Integer.parseInt(new String(reopened.get(DurabilityWriter.LATEST_KEY).orElseThrow(), US_ASCII));
            assertThat(latest).isBetween(highestAck, highestAck + 1);
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(SqliteStorage.DATABASE_FILE_NAME).toUri());
                Statement statement = raw.createStatement()) {
            assertThat(pragma(statement, "integrity_check")).isEqualTo("ok");
        }
    }

    private static void pumpLines(Process child, LinkedBlockingQueue<String> lines) {
        try (BufferedReader out = child.inputReader(US_ASCII)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // The pipe breaks when the child is killed; what was read so far is what counts.
        } finally {
            lines.add(END_OF_OUTPUT);
        }
    }

    /** Acknowledgements must arrive in order; a line that is not one means the child misbehaved. */
    private static int parseAck(String line, int previous) {
        assertThat(line).startsWith(DurabilityWriter.ACK);
        int ack = Integer.parseInt(line.substring(DurabilityWriter.ACK.length()));
        assertThat(ack).isEqualTo(previous + 1);
        return ack;
    }

    private Connection rawConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dataDirectory().resolve(SqliteStorage.DATABASE_FILE_NAME).toUri());
    }

    private static String pragma(Statement statement, String name) throws SQLException {
        try (ResultSet row = statement.executeQuery("PRAGMA " + name)) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }

    private static List<String> fileNames(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
