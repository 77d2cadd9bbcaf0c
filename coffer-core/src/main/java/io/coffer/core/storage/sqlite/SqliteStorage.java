package io.coffer.core.storage.sqlite;

import io.coffer.core.error.CofferException;
import io.coffer.core.storage.StorageBackend;
import io.coffer.core.storage.StorageKeys;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;

/**
 * Storage in one embedded SQLite database, {@value #DATABASE_FILE_NAME}, inside a data directory:
 * the default backend. Fulfils the whole {@link StorageBackend} contract, including durability:
 * once {@link #put} or {@link #delete} returns, the change is in the write-ahead log and that log
 * has been fsynced, so it survives {@code kill -9}, and an OS crash or power loss as far as the
 * disk honours fsync.
 *
 * <p>While open, SQLite keeps two companion files beside the database ({@code coffer.db-wal} and
 * {@code coffer.db-shm}); they belong to the database and must be copied with it while it is open.
 * On POSIX systems the directory is created owner-only (0700) and the database owner-only (0600);
 * SQLite gives its companion files the database's permissions.
 *
 * <p>Concurrency: one writer connection behind a lock (SQLite admits one writer at a time anyway)
 * and a fixed pool of read-only connections, so reads never wait for a write's {@code fsync}.
 * Every call is atomic; a {@link #list} sees one snapshot even when it issues several queries.
 *
 * <p>Several instances, in this JVM or in other processes, may open the same directory: SQLite's
 * file locks keep the file consistent and each sees the others' writes. Nothing here refuses a
 * second server on the same data directory; preventing that (its caches would go stale) is the
 * server's job, not the storage's.
 */
public final class SqliteStorage implements StorageBackend {

    /** The database file inside the data directory. */
    public static final String DATABASE_FILE_NAME = "coffer.db";

    /** Read connections when none is given: enough to overlap reads on a small server. */
    public static final int DEFAULT_READERS = 4;

    /** Bumped with every change to the table layout; a newer file is refused, not misread. */
    static final int SCHEMA_VERSION = 1;

    static final String GET_SQL = "SELECT value FROM entries WHERE key = ?";
    static final String SCAN_SQL = "SELECT key FROM entries WHERE key >= ? AND key < ? ORDER BY key";
    static final String SCAN_TO_END_SQL = "SELECT key FROM entries WHERE key >= ? ORDER BY key";
    static final String SCAN_BACK_SQL = "SELECT key FROM entries WHERE key >= ? AND key < ? ORDER BY key DESC";
    static final String SCAN_BACK_FROM_END_SQL = "SELECT key FROM entries WHERE key >= ? ORDER BY key DESC";
    private static final String PUT_SQL =
            "INSERT INTO entries (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
    private static final String DELETE_SQL = "DELETE FROM entries WHERE key = ?";

    /*
     * A rowid table with the key's own index rather than WITHOUT ROWID: LIST reads only keys, and
     * the primary-key index covers them, so listing never drags values (up to megabytes each)
     * through the page cache. GET pays one extra b-tree probe for that.
     */
    private static final String CREATE_TABLE_SQL =
            "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY NOT NULL, value BLOB NOT NULL)";

    /** How long a connection waits for another process's lock before failing with SQLITE_BUSY. */
    private static final int BUSY_TIMEOUT_MILLIS = 5_000;

    /**
     * Rows a LIST steps through inside one folder before it re-seeks past the folder. Stepping is
     * cheaper than a new query for folders of a few keys; seeking keeps a folder of a million keys
     * from costing a million steps.
     */
    private static final int STEPS_BEFORE_SEEK = 8;

    private final Path databaseFile;
    private final Writer writer;
    private final List<Reader> readers;
    private final BlockingQueue<Reader> idleReaders;
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Operations hold the read side; {@link #close} takes the write side, so it waits for them. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private SqliteStorage(Path databaseFile, Writer writer, List<Reader> readers) {
        this.databaseFile = databaseFile;
        this.writer = writer;
        this.readers = List.copyOf(readers);
        this.idleReaders = new ArrayBlockingQueue<>(readers.size(), false, readers);
    }

    /** Opens (creating if needed) the database in {@code dataDirectory} with {@value #DEFAULT_READERS} readers. */
    public static SqliteStorage open(Path dataDirectory) {
        return open(dataDirectory, DEFAULT_READERS);
    }

    /**
     * Opens (creating if needed) {@code dataDirectory} and the database in it, with {@code readers}
     * read-only connections.
     *
     * @throws CofferException of kind {@code UNAVAILABLE} when the directory or database cannot
     *     be created or opened, is not a Coffer database, or was written by a newer Coffer
     */
    public static SqliteStorage open(Path dataDirectory, int readers) {
        if (readers < 1) {
            throw new IllegalArgumentException("readers must be positive, was " + readers);
        }
        createDirectory(dataDirectory);
        Path databaseFile = dataDirectory.resolve(DATABASE_FILE_NAME).toAbsolutePath();
        createOwnerOnlyFile(databaseFile);
        // A file: URI, because sqlite-jdbc reads a '?' in a plain path as the start of options.
        String url = "jdbc:sqlite:" + databaseFile.toUri();
        Writer writer = null;
        List<Reader> pool = new ArrayList<>(readers);
        try {
            writer = Writer.open(url);
            for (int i = 0; i < readers; i++) {
                Reader reader = new Reader(url);
                pool.add(reader);
                reader.connection();
            }
            return new SqliteStorage(databaseFile, writer, pool);
        } catch (SQLException | RuntimeException e) {
            pool.forEach(Reader::discard);
            if (writer != null) {
                writer.closeQuietly();
            }
            throw e instanceof SQLException sql ? unavailable("open", sql) : (RuntimeException) e;
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        StorageKeys.requireValidKey(key);
        return read("get", reader -> reader.get(key));
    }

    @Override
    public void put(String key, byte[] value) {
        StorageKeys.requireValidKey(key);
        if (value == null) {
            throw new IllegalArgumentException("value must not be null");
        }
        write("put", w -> w.put(key, value));
    }

    @Override
    public void delete(String key) {
        StorageKeys.requireValidKey(key);
        write("delete", w -> w.delete(key));
    }

    @Override
    public List<String> list(String prefix) {
        StorageKeys.requireValidPrefix(prefix);
        return read("list", reader -> children(reader, prefix, prefix, false, Integer.MAX_VALUE));
    }

    /** Seeks straight to the first entry after {@code after} instead of listing everything before it. */
    @Override
    public List<String> listPage(String prefix, String after, int limit) {
        StorageKeys.requireValidPrefix(prefix);
        if (after == null) {
            throw new IllegalArgumentException("after must not be null");
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        String start;
        boolean startExclusive;
        int slash = after.indexOf('/');
        if (after.isEmpty()) {
            start = prefix;
            startExclusive = false;
        } else if (slash >= 0) {
            // Entries hold at most one '/', at their end, so every entry after "b/..." is after the
            // folder "b/" as a whole: start past all keys under prefix + "b/".
            start = folderEnd(prefix + after.substring(0, slash + 1));
            startExclusive = false;
        } else {
            // Child names grow with their keys, so the entries after "b" are exactly those of the
            // keys after prefix + "b" ("b/" from "b/x", "b-x" from "b-x", ...).
            start = prefix + after;
            startExclusive = true;
        }
        return read("list", reader -> children(reader, prefix, start, startExclusive, limit));
    }

    /** Seeks backwards from {@code before} instead of listing everything after it. */
    @Override
    public List<String> listPageBefore(String prefix, String before, int limit) {
        StorageKeys.requireValidPrefix(prefix);
        if (before == null) {
            throw new IllegalArgumentException("before must not be null");
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        // The keys before entry "b" (or folder "b/") are exactly those before prefix + "b" (or
        // prefix + "b/"): a child name never sorts apart from the keys that contribute it.
        String end = before.isEmpty() ? (prefix.isEmpty() ? null : folderEnd(prefix)) : prefix + before;
        return read("list", reader -> childrenBackwards(reader, prefix, end, limit));
    }

    /**
     * The entries under {@code prefix} whose keys are before {@code end} (null: no bound), last
     * first, at most {@code limit}: {@link #children} walked the other way. Keys arrive in
     * descending byte order, so a repeat can only be the folder just emitted, and a folder left
     * behind is skipped by seeking to before its first key.
     */
    private static List<String> childrenBackwards(Reader reader, String prefix, String end, int limit)
            throws SQLException {
        List<String> entries = new ArrayList<>();
        String to = end;
        reader.beginSnapshot();
        seek:
        while (true) {
            try (ResultSet rows = reader.scanBackwards(prefix, to)) {
                String folder = null;
                int stepsInFolder = 0;
                while (rows.next()) {
                    String child = StorageKeys.childOf(prefix, rows.getString(1));
                    if (child.equals(folder)) {
                        if (++stepsInFolder == STEPS_BEFORE_SEEK) {
                            to = prefix + folder;
                            continue seek;
                        }
                        continue;
                    }
                    entries.add(child);
                    if (entries.size() == limit) {
                        break seek;
                    }
                    folder = child.endsWith("/") ? child : null;
                    stepsInFolder = 0;
                }
            }
            break;
        }
        reader.endSnapshot();
        return List.copyOf(entries);
    }

    /**
     * Waits for operations in flight, then closes every connection. Later calls fail with
     * {@code UNAVAILABLE}. The writer closes last so that SQLite checkpoints the log into the
     * database and removes the companion files.
     */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            readers.forEach(Reader::discard);
            writer.close();
        } catch (SQLException e) {
            throw unavailable("close", e);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "SqliteStorage[" + databaseFile + "]";
    }

    /**
     * The entries under {@code prefix} whose keys are at or after {@code start}, at most
     * {@code limit}. Keys arrive in byte order, and the child name a key contributes never
     * decreases as the key grows, so the entries come out sorted and a repeat can only be the
     * folder just emitted.
     */
    private static List<String> children(Reader reader, String prefix, String start, boolean startExclusive, int limit)
            throws SQLException {
        String end = prefix.isEmpty() ? null : folderEnd(prefix);
        List<String> entries = new ArrayList<>();
        String from = start;
        boolean skipFrom = startExclusive;
        reader.beginSnapshot();
        seek:
        while (true) {
            try (ResultSet rows = reader.scan(from, end)) {
                String folder = null;
                int stepsInFolder = 0;
                while (rows.next()) {
                    String key = rows.getString(1);
                    if (skipFrom) {
                        skipFrom = false;
                        if (key.equals(from)) {
                            continue;
                        }
                    }
                    String child = StorageKeys.childOf(prefix, key);
                    if (child.equals(folder)) {
                        if (++stepsInFolder == STEPS_BEFORE_SEEK) {
                            from = folderEnd(prefix + folder);
                            continue seek;
                        }
                        continue;
                    }
                    entries.add(child);
                    if (entries.size() == limit) {
                        break seek;
                    }
                    folder = child.endsWith("/") ? child : null;
                    stepsInFolder = 0;
                }
            }
            break;
        }
        reader.endSnapshot();
        return List.copyOf(entries);
    }

    /**
     * The exclusive upper bound of the keys under {@code folder} (which ends with '/'): the folder
     * with its '/' replaced by '0', the next byte. '/' is ASCII and never part of a multi-byte
     * UTF-8 sequence, so [folder, folderEnd) holds exactly the keys starting with folder, in
     * SQLite's BINARY collation (memcmp of UTF-8) as in {@link StorageKeys#compare}.
     */
    static String folderEnd(String folder) {
        return folder.substring(0, folder.length() - 1) + '0';
    }

    private <T> T read(String operation, SqlFunction<Reader, T> action) {
        lifecycle.readLock().lock();
        try {
            requireOpen(operation);
            Reader reader = takeReader(operation);
            boolean healthy = false;
            try {
                T result = action.apply(reader);
                healthy = true;
                return result;
            } catch (SQLException e) {
                throw unavailable(operation, e);
            } finally {
                if (!healthy) {
                    // It may be stuck in a snapshot or broken; the next user opens a fresh one.
                    reader.discard();
                }
                idleReaders.add(reader);
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void write(String operation, SqlConsumer<Writer> action) {
        lifecycle.readLock().lock();
        try {
            requireOpen(operation);
            writeLock.lock();
            try {
                action.accept(writer);
            } catch (SQLException e) {
                throw unavailable(operation, e);
            } finally {
                writeLock.unlock();
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void requireOpen(String operation) {
        if (closed) {
            throw new CofferException(CofferException.Kind.UNAVAILABLE, "storage " + operation + " failed: storage is closed");
        }
    }

    private Reader takeReader(String operation) {
        try {
            return idleReaders.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CofferException(CofferException.Kind.UNAVAILABLE, "storage " + operation + " interrupted", e);
        }
    }

    /** Names the operation and SQLite's result code; never the key or value, which the statement held. */
    private static CofferException unavailable(String operation, SQLException e) {
        String reason = e instanceof SQLiteException sqlite ? sqlite.getResultCode().name() : "SQL state " + e.getSQLState();
        return new CofferException(CofferException.Kind.UNAVAILABLE, "storage " + operation + " failed: " + reason, e);
    }

    private static void createDirectory(Path directory) {
        try {
            if (isPosix(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
        } catch (IOException e) {
            throw new CofferException(CofferException.Kind.UNAVAILABLE,
                    "storage open failed: cannot create data directory " + directory + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Creates the database file before SQLite does, so that it (and the -wal, -shm files) start owner-only. */
    private static void createOwnerOnlyFile(Path file) {
        if (!isPosix(file)) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // An existing database keeps whatever permissions the operator gave it.
        } catch (IOException e) {
            throw new CofferException(CofferException.Kind.UNAVAILABLE,
                    "storage open failed: cannot create " + file + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @FunctionalInterface
    private interface SqlFunction<T, R> {
        R apply(T t) throws SQLException;
    }

    @FunctionalInterface
    private interface SqlConsumer<T> {
        void accept(T t) throws SQLException;
    }

    /** The only connection that writes. Used under {@link #writeLock}. */
    private static final class Writer {

        private final Connection connection;
        private final PreparedStatement put;
        private final PreparedStatement delete;

        private Writer(Connection connection) throws SQLException {
            this.connection = connection;
            this.put = connection.prepareStatement(PUT_SQL);
            this.delete = connection.prepareStatement(DELETE_SQL);
        }

        static Writer open(String url) throws SQLException {
            SQLiteConfig config = new SQLiteConfig();
            // WAL: readers keep reading their snapshot while a write commits, and a commit costs
            // one append plus one fsync instead of rewriting pages in place.
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            // FULL, not NORMAL: under WAL, NORMAL skips the fsync at commit, so a write that was
            // acknowledged could vanish on power loss. Acknowledged writes surviving any crash is
            // a product promise, and the barrier's keyring lives here too.
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
            Connection connection = config.createConnection(url);
            try {
                prepareSchema(connection);
                return new Writer(connection);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }

        private static void prepareSchema(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                String journalMode = pragma(statement, "journal_mode");
                if (!"wal".equalsIgnoreCase(journalMode)) {
                    throw new CofferException(CofferException.Kind.UNAVAILABLE,
                            "storage open failed: the file system does not support SQLite's WAL mode (journal mode is "
                                    + journalMode + ")");
                }
                // BINARY collation is memcmp of the stored encoding; only UTF-8 gives StorageKeys' order.
                String encoding = pragma(statement, "encoding");
                if (!"UTF-8".equalsIgnoreCase(encoding)) {
                    throw new CofferException(CofferException.Kind.UNAVAILABLE,
                            "storage open failed: database text encoding is " + encoding + ", not UTF-8");
                }
                int version = Integer.parseInt(pragma(statement, "user_version"));
                if (version > SCHEMA_VERSION) {
                    throw new CofferException(CofferException.Kind.UNAVAILABLE,
                            "storage open failed: database schema version " + version
                                    + " is newer than this Coffer supports (" + SCHEMA_VERSION + ")");
                }
                statement.execute(CREATE_TABLE_SQL);
                if (version < SCHEMA_VERSION) {
                    statement.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                }
            }
        }

        private static String pragma(Statement statement, String name) throws SQLException {
            try (ResultSet row = statement.executeQuery("PRAGMA " + name)) {
                return row.next() ? row.getString(1) : "";
            }
        }

        void put(String key, byte[] value) throws SQLException {
            // SQLite copies the bound bytes, so later changes to the caller's array cannot leak in.
            put.setString(1, key);
            put.setBytes(2, value);
            put.executeUpdate();
        }

        void delete(String key) throws SQLException {
            delete.setString(1, key);
            delete.executeUpdate();
        }

        void close() throws SQLException {
            connection.close();
        }

        void closeQuietly() {
            try {
                close();
            } catch (SQLException e) {
                // Already failing; the original error is the one worth reporting.
            }
        }
    }

    /**
     * A read-only connection, used by one thread at a time (whoever took it from the pool). It
     * opens lazily so that a connection discarded after an error is replaced on next use.
     */
    private static final class Reader {

        private final String url;
        private Connection connection;
        private PreparedStatement get;
        private PreparedStatement scan;
        private PreparedStatement scanToEnd;
        private PreparedStatement scanBack;
        private PreparedStatement scanBackFromEnd;

        Reader(String url) {
            this.url = url;
        }

        Connection connection() throws SQLException {
            if (connection == null) {
                SQLiteConfig config = new SQLiteConfig();
                config.setReadOnly(true);
                config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
                Connection opened = config.createConnection(url);
                try {
                    get = opened.prepareStatement(GET_SQL);
                    scan = opened.prepareStatement(SCAN_SQL);
                    scanToEnd = opened.prepareStatement(SCAN_TO_END_SQL);
                    scanBack = opened.prepareStatement(SCAN_BACK_SQL);
                    scanBackFromEnd = opened.prepareStatement(SCAN_BACK_FROM_END_SQL);
                } catch (SQLException e) {
                    opened.close();
                    throw e;
                }
                connection = opened;
            }
            return connection;
        }

        Optional<byte[]> get(String key) throws SQLException {
            connection();
            get.setString(1, key);
            try (ResultSet row = get.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                byte[] value = row.getBytes(1);
                // Some driver versions return null for a zero-length BLOB; the column is NOT NULL.
                return Optional.of(value == null ? new byte[0] : value);
            }
        }

        /** Keys from {@code from} (inclusive) to {@code to} (exclusive; null for no bound), in byte order. */
        ResultSet scan(String from, String to) throws SQLException {
            connection();
            // Bound as TEXT, never BLOB: SQLite orders every BLOB after every TEXT.
            if (to == null) {
                scanToEnd.setString(1, from);
                return scanToEnd.executeQuery();
            }
            scan.setString(1, from);
            scan.setString(2, to);
            return scan.executeQuery();
        }

        /** Keys from {@code from} (inclusive) to {@code to} (exclusive; null for no bound), last first. */
        ResultSet scanBackwards(String from, String to) throws SQLException {
            connection();
            if (to == null) {
                scanBackFromEnd.setString(1, from);
                return scanBackFromEnd.executeQuery();
            }
            scanBack.setString(1, from);
            scanBack.setString(2, to);
            return scanBack.executeQuery();
        }

        /** Pins one snapshot until {@link #endSnapshot}: a LIST that re-seeks must not see a write land midway. */
        void beginSnapshot() throws SQLException {
            connection().setAutoCommit(false);
        }

        void endSnapshot() throws SQLException {
            connection().setAutoCommit(true);
        }

        void discard() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // Nothing was written through it; a failed close loses nothing.
                } finally {
                    connection = null;
                }
            }
        }
    }
}
