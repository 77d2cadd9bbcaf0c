package io.coffer.core.storage.sqlite;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child process of {@link SqliteStorageTest}'s kill test: writes keys one after another and
 * prints {@code ack N} once {@code put} has returned for key N, until it is killed.
 *
 * <p>Arguments: the data directory and the number of keys to write.
 */
public final class DurabilityWriter {

    static final String ACK = "ack ";
    static final String LATEST_KEY = "durability/latest";

    private DurabilityWriter() {
    }

    public static void main(String[] args) {
        Path dataDirectory = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        PrintStream out = System.out;
        try (SqliteStorage storage = SqliteStorage.open(dataDirectory)) {
            for (int i = 0; i < count; i++) {
                storage.put(key(i), value(i));
                // An overwritten key too: after the kill it must hold the last acknowledged number or the next.
                storage.put(LATEST_KEY, Integer.toString(i).getBytes(StandardCharsets.US_ASCII));
                out.println(ACK + i);
                out.flush();
            }
        }
    }

    static String key(int i) {
        return "durability/keys/" + i;
    }

    /** Deterministic and of varying length, some long enough to spill into overflow pages. */
    static byte[] value(int i) {
        byte[] value = new byte[64 + (i * 997) % 6000];
        for (int j = 0; j < value.length; j++) {
            value[j] = (byte) (i * 31 + j * 7);
        }
        return value;
    }
}
