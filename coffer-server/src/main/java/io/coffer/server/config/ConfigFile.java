package io.coffer.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;

/**
 * The server config file: one JSON object whose keys mirror the command-line flags.
 *
 * <pre>{@code
 * {
 *   "listen": "0.0.0.0:8200",
 *   "data_dir": "/var/lib/coffer",
 *   "tls_cert": "/etc/coffer/tls.crt",
 *   "tls_key": "/etc/coffer/tls.key",
 *   "tls_disable": false,
 *   "max_request_size": 33554432,
 *   "max_request_memory": 268435456,
 *   "max_connections": 4096,
 *   "max_connections_per_client": 512,
 *   "http_read_header_timeout": "10s",
 *   "http_read_timeout": "30s",
 *   "http_idle_timeout": "5m",
 *   "aws_mount": "secret/",
 *   "aws_region": "us-east-1",
 *   "aws_account_id": "000000000000",
 *   "login_workers": 4,
 *   "unauthenticated_metrics": false
 * }
 * }</pre>
 *
 * Relative paths are resolved against the file's directory. Unknown keys are refused: a typo in
 * a secrets server's config must not silently fall back to a default.
 */
public final class ConfigFile {

    private static final Set<String> KEYS = Set.of("listen", "data_dir", "tls_cert", "tls_key", "tls_disable",
            "max_request_size", "aws_mount", "aws_region", "aws_account_id", "max_request_memory", "max_connections",
            "max_connections_per_client", "http_read_header_timeout", "http_read_timeout", "http_idle_timeout",
            "login_workers", "unauthenticated_metrics");

    private ConfigFile() {
    }

    /** Applies the file's settings to {@code builder}; flags applied afterwards override them. */
    public static void apply(Path file, ServerConfig.Builder builder) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getClass().getSimpleName()
                    + " (it must be a JSON object, see README 'Configuration')");
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException("config file " + file + " must hold one JSON object");
        }
        Path base = file.toAbsolutePath().getParent();
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new ConfigException("config file " + file + " has unknown key \"" + key + "\"; known keys: "
                        + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        text(root, "listen", file).ifPresent(builder::listen);
        text(root, "data_dir", file).map(base::resolve).ifPresent(builder::dataDir);
        text(root, "tls_cert", file).map(base::resolve).ifPresent(builder::tlsCert);
        text(root, "tls_key", file).map(base::resolve).ifPresent(builder::tlsKey);
        text(root, "aws_mount", file).ifPresent(builder::awsMount);
        text(root, "aws_region", file).ifPresent(builder::awsRegion);
        text(root, "aws_account_id", file).ifPresent(builder::awsAccountId);
        bool(root, "tls_disable", file).ifPresent(builder::tlsDisable);
        bool(root, "unauthenticated_metrics", file).ifPresent(builder::unauthenticatedMetrics);
        number(root, "max_request_size", file, "bytes").ifPresent(builder::maxRequestBytes);
        number(root, "max_request_memory", file, "bytes").ifPresent(builder::maxRequestMemory);
        number(root, "max_connections", file, "connections").ifPresent(builder::maxConnections);
        number(root, "max_connections_per_client", file, "connections").ifPresent(builder::maxConnectionsPerClient);
        duration(root, "http_read_header_timeout", file).ifPresent(builder::readHeaderTimeout);
        duration(root, "http_read_timeout", file).ifPresent(builder::readTimeout);
        duration(root, "http_idle_timeout", file).ifPresent(builder::idleTimeout);
        // Out-of-int values become the nearest int so that the range check names them.
        number(root, "login_workers", file, "threads")
                .ifPresent(v -> builder.loginWorkers(Math.clamp(v, Integer.MIN_VALUE, Integer.MAX_VALUE)));
    }

    private static java.util.Optional<Boolean> bool(JsonNode root, String key, Path file) {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            return java.util.Optional.empty();
        }
        if (!v.isBoolean()) {
            throw new ConfigException("config key \"" + key + "\" in " + file + " must be true or false");
        }
        return java.util.Optional.of(v.asBoolean());
    }

    private static java.util.Optional<Long> number(JsonNode root, String key, Path file, String unit) {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            return java.util.Optional.empty();
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new ConfigException("config key \"" + key + "\" in " + file + " must be a whole number of " + unit);
        }
        return java.util.Optional.of(v.asLong());
    }

    /** A duration as Vault's config spells it ({@code "10s"}, {@code "5m"}) or a number of seconds. */
    private static java.util.Optional<String> duration(JsonNode root, String key, Path file) {
        JsonNode v = root.get(key);
        if (v != null && v.isIntegralNumber()) {
            return java.util.Optional.of(v.asText());
        }
        if (v != null && !v.isNull() && !v.isTextual()) {
            throw new ConfigException("config key \"" + key + "\" in " + file + " must be a duration such as \"10s\" or \"5m\"");
        }
        return text(root, key, file);
    }

    private static java.util.Optional<String> text(JsonNode root, String key, Path file) {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            return java.util.Optional.empty();
        }
        if (!v.isTextual()) {
            throw new ConfigException("config key \"" + key + "\" in " + file + " must be a string");
        }
        return java.util.Optional.of(v.asText());
    }
}
