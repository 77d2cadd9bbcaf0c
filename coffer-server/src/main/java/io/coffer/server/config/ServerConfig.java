package io.coffer.server.config;

import io.coffer.core.aws.secrets.SecretsSettings;
import io.coffer.core.logical.Durations;
import io.coffer.core.node.DevAccessKey;
import io.coffer.core.ratelimit.LoginWorkPool;
import io.coffer.server.http.HttpLimits;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a server needs to start, validated in one place ({@link Builder#build()}). A secrets
 * server refuses to start on ambiguous or unsafe settings rather than guess: every error names the
 * setting and the fix.
 *
 * @param listen          address to bind, e.g. 127.0.0.1:8200
 * @param dev             in-memory storage, initialized and unsealed, KV v2 at secret/
 * @param devRootToken    dev mode's root token id; empty for a random one
 * @param dataDir         directory of the embedded SQLite database (non-dev)
 * @param tlsCert         PEM certificate chain; empty when TLS is disabled
 * @param tlsKey          PEM private key; empty when TLS is disabled
 * @param http            what the listener lets clients hold: timeouts, connection caps, body size
 *                        and body memory
 * @param devAccessKey    dev mode's AWS access key, created with the root policy; empty for none
 * @param awsSecrets      the KV mount the AWS Secrets Manager door serves and the region and account
 *                        of its ARNs
 * @param loginWorkers    threads that run the CPU-heavy steps of logins (bcrypt, signature
 *                        checks); as many more logins may wait, any beyond get 429
 * @param unauthenticatedMetrics serve {@code sys/metrics} without a token, even while sealed
 *                        (Vault's {@code unauthenticated_metrics_access})
 */
public record ServerConfig(InetSocketAddress listen, boolean dev, Optional<String> devRootToken, Optional<Path> dataDir,
        Optional<Path> tlsCert, Optional<Path> tlsKey, HttpLimits http, Optional<DevAccessKey> devAccessKey,
        SecretsSettings awsSecrets, int loginWorkers, boolean unauthenticatedMetrics) {

    /** Far more than any machine has cores; a bigger pool would only let logins take the reads' CPU. */
    public static final int MAX_LOGIN_WORKERS = 1024;

    public static final int DEFAULT_PORT = 8200;
    public static final long DEFAULT_MAX_REQUEST_BYTES = HttpLimits.DEFAULT_MAX_REQUEST_BYTES;

    /** Request bodies above this are refused with 413. */
    public long maxRequestBytes() {
        return http.maxRequestBytes();
    }

    public boolean tlsEnabled() {
        return tlsCert.isPresent();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects settings from flags and a config file, then validates them together. */
    public static final class Builder {
        private String listen;
        private boolean dev;
        private String devRootToken;
        private Path dataDir;
        private Path tlsCert;
        private Path tlsKey;
        private boolean tlsDisable;
        private Long maxRequestBytes;
        private String readHeaderTimeout;
        private String readTimeout;
        private String idleTimeout;
        private Long maxConnections;
        private Long maxConnectionsPerClient;
        private Long maxRequestMemory;
        private String devAccessKeyId;
        private String devSecretAccessKey;
        private String awsMount;
        private String awsRegion;
        private String awsAccountId;
        private Integer loginWorkers;
        private boolean unauthenticatedMetrics;

        public Builder listen(String hostPort) {
            this.listen = hostPort;
            return this;
        }

        public Builder dev(boolean dev) {
            this.dev = dev;
            return this;
        }

        public Builder devRootToken(String token) {
            this.devRootToken = token;
            return this;
        }

        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        public Builder tlsCert(Path cert) {
            this.tlsCert = cert;
            return this;
        }

        public Builder tlsKey(Path key) {
            this.tlsKey = key;
            return this;
        }

        public Builder tlsDisable(boolean disable) {
            this.tlsDisable = disable;
            return this;
        }

        /**
         * Dev mode's AWS access key ({@code --dev-access-key-id}, {@code --dev-secret-access-key}):
         * both or neither, only with {@code --dev}. Either may be null when its flag was not given.
         */
        public Builder devAccessKey(String accessKeyId, String secretAccessKey) {
            this.devAccessKeyId = accessKeyId;
            this.devSecretAccessKey = secretAccessKey;
            return this;
        }

        /** The KV v2 mount the AWS door serves, e.g. {@code secret/}; null for the default. */
        public Builder awsMount(String mount) {
            this.awsMount = mount;
            return this;
        }

        /** The region in the AWS door's ARNs; null for the default. */
        public Builder awsRegion(String region) {
            this.awsRegion = region;
            return this;
        }

        /** The 12-digit account id in the AWS door's ARNs; null for the default. */
        public Builder awsAccountId(String accountId) {
            this.awsAccountId = accountId;
            return this;
        }

        public Builder maxRequestBytes(long bytes) {
            this.maxRequestBytes = bytes;
            return this;
        }

        /** Threads for the CPU-heavy steps of logins ({@code --login-workers}); null for one fewer than the cores. */
        public Builder loginWorkers(Integer threads) {
            this.loginWorkers = threads;
            return this;
        }

        /** {@code --unauthenticated-metrics}: serve {@code sys/metrics} to anyone who can reach the listener. */
        public Builder unauthenticatedMetrics(boolean unauthenticated) {
            this.unauthenticatedMetrics = unauthenticated;
            return this;
        }

        /** {@code --http-read-header-timeout}: a duration such as {@code 10s}; null for the default. */
        public Builder readHeaderTimeout(String duration) {
            this.readHeaderTimeout = duration;
            return this;
        }

        /** {@code --http-read-timeout}: a duration such as {@code 30s}; null for the default. */
        public Builder readTimeout(String duration) {
            this.readTimeout = duration;
            return this;
        }

        /** {@code --http-idle-timeout}: a duration such as {@code 5m}; null for the default. */
        public Builder idleTimeout(String duration) {
            this.idleTimeout = duration;
            return this;
        }

        public Builder maxConnections(long connections) {
            this.maxConnections = connections;
            return this;
        }

        public Builder maxConnectionsPerClient(long connections) {
            this.maxConnectionsPerClient = connections;
            return this;
        }

        public Builder maxRequestMemory(long bytes) {
            this.maxRequestMemory = bytes;
            return this;
        }

        public ServerConfig build() {
            InetSocketAddress address = parseListen(listen == null ? "127.0.0.1:" + DEFAULT_PORT : listen);
            HttpLimits http = httpLimits();
            int workers = loginWorkers == null ? LoginWorkPool.defaultThreads() : loginWorkers;
            if (workers < 1 || workers > MAX_LOGIN_WORKERS) {
                throw new ConfigException("--login-workers (login_workers) must be between 1 and " + MAX_LOGIN_WORKERS
                        + ", not " + workers + "; the default is one fewer than the cores (here " + LoginWorkPool.defaultThreads() + ")");
            }
            if ((tlsCert == null) != (tlsKey == null)) {
                throw new ConfigException("--tls-cert and --tls-key go together: give both, or --tls-disable");
            }
            if (tlsCert != null && tlsDisable) {
                throw new ConfigException("--tls-disable conflicts with --tls-cert/--tls-key: choose one");
            }
            SecretsSettings aws = awsSecrets();
            if ((devAccessKeyId == null) != (devSecretAccessKey == null)) {
                throw new ConfigException("--dev-access-key-id and --dev-secret-access-key go together: give both or neither");
            }
            if (dev) {
                if (dataDir != null) {
                    throw new ConfigException("--dev keeps everything in memory and conflicts with --data-dir: drop one");
                }
                // Dev mode is plain HTTP on loopback by design, as Vault's -dev.
                return new ServerConfig(address, true, Optional.ofNullable(devRootToken), Optional.empty(),
                        Optional.ofNullable(tlsCert), Optional.ofNullable(tlsKey), http, devAccessKey(), aws, workers,
                        unauthenticatedMetrics);
            }
            if (devAccessKeyId != null) {
                throw new ConfigException("--dev-access-key-id and --dev-secret-access-key only apply with --dev; "
                        + "create access keys with POST /v1/auth/sigv4/keys instead");
            }
            if (devRootToken != null) {
                throw new ConfigException("--dev-root-token only applies with --dev");
            }
            if (dataDir == null) {
                throw new ConfigException("no storage configured: give --data-dir DIR (embedded SQLite), or --dev for an in-memory dev server");
            }
            if (tlsCert == null && !tlsDisable) {
                throw new ConfigException("TLS is not configured: give --tls-cert FILE and --tls-key FILE, "
                        + "or --tls-disable to serve plain HTTP (only behind a TLS-terminating proxy or on loopback)");
            }
            for (Path p : new Path[] {tlsCert, tlsKey}) {
                if (p != null && !java.nio.file.Files.isReadable(p)) {
                    throw new ConfigException("cannot read TLS file " + p + ": check the path and its permissions");
                }
            }
            return new ServerConfig(address, false, Optional.empty(), Optional.of(dataDir), Optional.ofNullable(tlsCert),
                    Optional.ofNullable(tlsKey), http, Optional.empty(), aws, workers, unauthenticatedMetrics);
        }

        private HttpLimits httpLimits() {
            long max = maxRequestBytes == null ? DEFAULT_MAX_REQUEST_BYTES : maxRequestBytes;
            if (max < 1024 || max > Integer.MAX_VALUE) {
                throw new ConfigException("--max-request-size (max_request_size) must be between 1024 and "
                        + Integer.MAX_VALUE + " bytes");
            }
            Duration header = duration("--http-read-header-timeout (http_read_header_timeout)", readHeaderTimeout,
                    HttpLimits.DEFAULT_READ_HEADER_TIMEOUT, Duration.ofHours(1));
            Duration read = duration("--http-read-timeout (http_read_timeout)", readTimeout,
                    HttpLimits.DEFAULT_READ_TIMEOUT, Duration.ofDays(1));
            Duration idle = duration("--http-idle-timeout (http_idle_timeout)", idleTimeout,
                    HttpLimits.DEFAULT_IDLE_TIMEOUT, Duration.ofDays(1));
            if (read.compareTo(header) < 0) {
                throw new ConfigException("--http-read-timeout (" + read.toSeconds() + "s) covers the headers too and must be "
                        + "at least --http-read-header-timeout (" + header.toSeconds() + "s)");
            }
            long connections = maxConnections == null ? HttpLimits.DEFAULT_MAX_CONNECTIONS : maxConnections;
            if (connections < 1 || connections > 1_000_000) {
                throw new ConfigException("--max-connections (max_connections) must be between 1 and 1000000");
            }
            long perClient = maxConnectionsPerClient == null
                    ? Math.min(HttpLimits.DEFAULT_MAX_CONNECTIONS_PER_CLIENT, connections) : maxConnectionsPerClient;
            if (perClient < 1 || perClient > connections) {
                throw new ConfigException("--max-connections-per-client (max_connections_per_client) must be between 1 "
                        + "and --max-connections (" + connections + ")");
            }
            long memory = maxRequestMemory == null
                    ? HttpLimits.defaultMaxRequestMemory(max, Runtime.getRuntime().maxMemory()) : maxRequestMemory;
            if (memory < max) {
                throw new ConfigException("--max-request-memory (max_request_memory) must be at least --max-request-size ("
                        + max + " bytes), or a body of the maximum size could never be received");
            }
            return new HttpLimits(header, read, idle, (int) connections, (int) perClient, (int) max, memory);
        }

        private static Duration duration(String setting, String value, Duration fallback, Duration most) {
            if (value == null) {
                return fallback;
            }
            long seconds;
            try {
                seconds = Durations.parseSeconds(value);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new ConfigException(setting + " must be a duration such as 10s, 5m or 1h");
            }
            if (seconds < 1 || seconds > most.toSeconds()) {
                throw new ConfigException(setting + " must be between 1s and " + most.toSeconds() + "s");
            }
            return Duration.ofSeconds(seconds);
        }

        private SecretsSettings awsSecrets() {
            SecretsSettings d = SecretsSettings.DEFAULT;
            String mount = awsMount == null ? d.mount() : awsMount.endsWith("/") ? awsMount : awsMount + "/";
            try {
                return new SecretsSettings(mount, awsRegion == null ? d.region() : awsRegion,
                        awsAccountId == null ? d.account() : awsAccountId);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage() + " (--aws-mount, --aws-region, --aws-account-id)");
            }
        }

        private Optional<DevAccessKey> devAccessKey() {
            if (devAccessKeyId == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(new DevAccessKey(devAccessKeyId, devSecretAccessKey));
            } catch (IllegalArgumentException e) {
                // The message names the rule, never the secret.
                throw new ConfigException("--dev-access-key-id/--dev-secret-access-key: " + e.getMessage());
            }
        }

        static InetSocketAddress parseListen(String hostPort) {
            Objects.requireNonNull(hostPort);
            int colon = hostPort.lastIndexOf(':');
            if (colon <= 0 || colon == hostPort.length() - 1) {
                throw new ConfigException("listen address \"" + hostPort + "\" must be HOST:PORT, e.g. 127.0.0.1:8200");
            }
            String host = hostPort.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port;
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new ConfigException("listen address \"" + hostPort + "\" has a port that is not a number");
            }
            if (port < 0 || port > 65535) {
                throw new ConfigException("listen port " + port + " is out of range 0-65535");
            }
            return new InetSocketAddress(host, port);
        }
    }
}
