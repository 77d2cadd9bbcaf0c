package io.coffer.server.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a data directory, held for the server's lifetime. Two servers on one
 * directory would each cache their own token, mount and policy tables and overwrite each other's
 * changes; SQLite alone would not stop them. The operating system releases the lock when the
 * process dies, even by {@code kill -9}.
 */
public final class DataDirLock implements AutoCloseable {

    static final String FILE_NAME = "coffer.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code dir}, creating it when missing; fails with a message saying what to do. */
    public static DataDirLock acquire(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new DataDirLock(channel, lock);
            }
        } catch (OverlappingFileLockException e) {
            // Another server in this JVM holds it: the same answer as another process.
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ConfigException("cannot lock data directory " + dir + " (" + e.getClass().getSimpleName()
                    + "): check that it exists or can be created and is writable by this user", e);
        }
        closeQuietly(channel);
        throw new ConfigException("data directory " + dir + " is in use by another Coffer server (it holds " + file
                + "); stop that server or choose another --data-dir");
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases it too.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing left to do; the process exit releases the lock.
            }
        }
    }
}
