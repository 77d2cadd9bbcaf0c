package io.coffer.cli.server;

import io.coffer.core.node.DevCredentials;
import io.coffer.core.storage.sqlite.SqliteStorage;
import io.coffer.server.CofferServer;
import io.coffer.server.Version;
import io.coffer.server.config.ConfigException;
import io.coffer.server.config.ConfigFile;
import io.coffer.server.config.ServerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coffer server}: runs a Coffer server until interrupted. The flags are a contract other
 * tools rely on; a config file ({@code --config}) carries the same settings and flags override it.
 */
@Command(name = "server", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a Coffer server.",
            "Dev mode: --dev [--dev-root-token T] [--dev-access-key-id ID --dev-secret-access-key S]",
            "  [--listen 127.0.0.1:8200] (in memory, unsealed, KV v2 at secret/).",
            "Otherwise: --data-dir DIR --listen ADDR (--tls-cert F --tls-key F | --tls-disable)."})
public final class ServerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"--dev", "-dev"}, description = "In-memory dev server: initialized, unsealed, KV v2 at secret/, plain HTTP.")
    boolean dev;

    @Option(names = {"--dev-root-token", "-dev-root-token-id"}, paramLabel = "TOKEN",
            description = "Root token of the dev server (default: random).")
    String devRootToken;

    @Option(names = "--dev-access-key-id", paramLabel = "ID",
            description = "Dev mode: AWS access key id created with the root policy (with --dev-secret-access-key).")
    String devAccessKeyId;

    @Option(names = "--dev-secret-access-key", paramLabel = "SECRET",
            description = "Dev mode: the secret access key of --dev-access-key-id.")
    String devSecretAccessKey;

    @Option(names = {"--listen", "-listen"}, paramLabel = "HOST:PORT", description = "Address to listen on (default 127.0.0.1:8200).")
    String listen;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Directory of the embedded SQLite storage.")
    Path dataDir;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "PEM certificate chain for HTTPS.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM private key for HTTPS.")
    Path tlsKey;

    @Option(names = "--tls-disable", description = "Serve plain HTTP (behind a TLS-terminating proxy or on loopback only).")
    boolean tlsDisable;

    @Option(names = "--max-request-size", paramLabel = "BYTES", description = "Largest accepted request body (default 33554432).")
    Long maxRequestSize;

    @Option(names = "--max-request-memory", paramLabel = "BYTES",
            description = "Request body bytes all connections together may hold in memory; more get 503 "
                    + "(default: a quarter of the heap, at most 268435456).")
    Long maxRequestMemory;

    @Option(names = "--max-connections", paramLabel = "N", description = "Open connections the listener keeps (default 4096).")
    Long maxConnections;

    @Option(names = "--max-connections-per-client", paramLabel = "N",
            description = "Open connections one client IP address may have (default 512).")
    Long maxConnectionsPerClient;

    @Option(names = "--http-read-header-timeout", paramLabel = "DURATION",
            description = "Time to send a request line and headers (default 10s).")
    String readHeaderTimeout;

    @Option(names = "--http-read-timeout", paramLabel = "DURATION",
            description = "Time to send a whole request, headers and body (default 30s).")
    String readTimeout;

    @Option(names = "--http-idle-timeout", paramLabel = "DURATION",
            description = "Time a keep-alive connection may wait for its next request (default 5m).")
    String idleTimeout;

    @Option(names = "--login-workers", paramLabel = "N",
            description = "Threads for the CPU-heavy steps of logins (bcrypt, signature checks); as many more may wait, "
                    + "others get 429 (default: the number of cores minus one, at least 1).")
    Integer loginWorkers;

    @Option(names = "--unauthenticated-metrics",
            description = "Serve GET /v1/sys/metrics without a token, even while sealed (default: a token with read on sys/metrics).")
    boolean unauthenticatedMetrics;

    @Option(names = "--aws-mount", paramLabel = "PATH",
            description = "KV v2 mount the AWS Secrets Manager API serves (default secret/).")
    String awsMount;

    @Option(names = "--aws-region", paramLabel = "REGION", description = "Region in the ARNs of the AWS API, and the only region SigV4 signatures may be scoped to (default us-east-1).")
    String awsRegion;

    @Option(names = "--aws-account-id", paramLabel = "ID",
            description = "12-digit account id in the ARNs of the AWS API (default 000000000000).")
    String awsAccountId;

    @Option(names = "--config", paramLabel = "FILE", description = "JSON config file with the same settings; flags override it.")
    Path configFile;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CofferServer server;
        try {
            ServerConfig config = config();
            server = CofferServer.start(config, c -> SqliteStorage.open(c.dataDir().orElseThrow()));
        } catch (ConfigException e) {
            err.println("Error: " + e.getMessage());
            err.flush();
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "coffer-shutdown"));
        printBanner(out, server);
        server.awaitClose();
        return 0;
    }

    private ServerConfig config() {
        ServerConfig.Builder b = ServerConfig.builder();
        if (configFile != null) {
            ConfigFile.apply(configFile, b);
        }
        if (dev) {
            b.dev(true);
        }
        if (devRootToken != null) {
            b.devRootToken(devRootToken);
        }
        if (devAccessKeyId != null || devSecretAccessKey != null) {
            b.devAccessKey(devAccessKeyId, devSecretAccessKey);
        }
        if (listen != null) {
            b.listen(listen);
        }
        if (dataDir != null) {
            b.dataDir(dataDir);
        }
        // Flags override the file: a TLS flag replaces the file's TLS choice rather than conflict with it.
        if (tlsCert != null) {
            b.tlsDisable(false);
            b.tlsCert(tlsCert);
        }
        if (tlsKey != null) {
            b.tlsKey(tlsKey);
        }
        if (tlsDisable) {
            b.tlsCert(null);
            b.tlsKey(null);
            b.tlsDisable(true);
        }
        if (awsMount != null) {
            b.awsMount(awsMount);
        }
        if (awsRegion != null) {
            b.awsRegion(awsRegion);
        }
        if (awsAccountId != null) {
            b.awsAccountId(awsAccountId);
        }
        if (maxRequestSize != null) {
            b.maxRequestBytes(maxRequestSize);
        }
        if (maxRequestMemory != null) {
            b.maxRequestMemory(maxRequestMemory);
        }
        if (maxConnections != null) {
            b.maxConnections(maxConnections);
        }
        if (maxConnectionsPerClient != null) {
            b.maxConnectionsPerClient(maxConnectionsPerClient);
        }
        if (readHeaderTimeout != null) {
            b.readHeaderTimeout(readHeaderTimeout);
        }
        if (readTimeout != null) {
            b.readTimeout(readTimeout);
        }
        if (idleTimeout != null) {
            b.idleTimeout(idleTimeout);
        }
        if (loginWorkers != null) {
            b.loginWorkers(loginWorkers);
        }
        if (unauthenticatedMetrics) {
            b.unauthenticatedMetrics(true);
        }
        return b.build();
    }

    private void printBanner(PrintWriter out, CofferServer server) {
        out.println("==> Coffer server started (version " + Version.COFFER + ")");
        out.println("          Listening on: " + server.url());
        if (server.devCredentials().isPresent()) {
            DevCredentials dev = server.devCredentials().get();
            out.println();
            out.println("WARNING! Dev mode is enabled: all data is in memory and lost on exit, the server is");
            out.println("unsealed and serves plain HTTP. Never use dev mode in production.");
            out.println();
            out.println("Point a client at it with:");
            out.println();
            out.println("    $ export VAULT_ADDR='" + server.url() + "'");
            out.println("    $ export COFFER_ADDR='" + server.url() + "'");
            out.println();
            out.println("The unseal key and root token are shown below in case you want to");
            out.println("seal/unseal the server or re-authenticate.");
            out.println();
            out.println("Unseal Key: " + dev.unsealKey());
            out.println("Root Token: " + dev.rootToken());
            if (devAccessKeyId != null) {
                // The secret was given on the command line; it is not repeated here.
                out.println("AWS Access Key Id: " + devAccessKeyId + " (policy root; endpoint " + server.url() + ")");
            }
            out.println();
            out.println("Development mode should NOT be used in production installations!");
        } else {
            out.println();
            out.println("The server starts sealed. Initialize it once with 'coffer operator init',");
            out.println("then unseal it after every start with 'coffer operator unseal'.");
        }
        out.flush();
    }
}
