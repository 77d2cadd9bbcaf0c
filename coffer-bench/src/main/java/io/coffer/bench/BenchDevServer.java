package io.coffer.bench;

import io.coffer.server.CofferServer;
import io.coffer.server.config.ServerConfig;

/**
 * A dev-mode Coffer server started in-process, for the HTTP load benchmark when the
 * {@code ./coffer} launcher is not usable. The same {@link CofferServer} the CLI starts:
 * in-memory storage, unsealed, KV v2 at {@code secret/}, plain HTTP.
 *
 * <pre>java -cp coffer-bench/target/benchmarks.jar io.coffer.bench.BenchDevServer 127.0.0.1:8200 root</pre>
 */
public final class BenchDevServer {

    private BenchDevServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: BenchDevServer HOST:PORT ROOT_TOKEN");
            System.exit(2);
        }
        ServerConfig config = ServerConfig.builder().dev(true).listen(args[0]).devRootToken(args[1]).build();
        CofferServer server = CofferServer.start(config, c -> {
            throw new IllegalStateException("dev mode only");
        });
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "coffer-shutdown"));
        System.out.println("Coffer dev server listening on " + server.url());
        System.out.flush();
        server.awaitClose();
    }
}
