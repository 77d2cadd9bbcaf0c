package io.coffer.server;

import io.coffer.core.storage.sqlite.SqliteStorage;
import io.coffer.server.config.ServerConfig;
import java.nio.file.Path;

/**
 * Runs a SQLite-backed server in a child JVM for crash tests: args are the data directory and the
 * port. Prints {@code READY <url>} once listening, then serves until killed.
 */
public final class DataDirServerMain {

    private DataDirServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServerConfig config = ServerConfig.builder().dataDir(Path.of(args[0])).listen("127.0.0.1:" + args[1])
                .tlsDisable(true).build();
        CofferServer server = CofferServer.start(config, c -> SqliteStorage.open(c.dataDir().orElseThrow()));
        System.out.println("READY " + server.url());
        System.out.flush();
        server.awaitClose();
    }
}
