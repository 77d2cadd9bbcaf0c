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
 *   "aws_mount": "secret/",
 *   "aws_region": "us-east-1",
 *   "aws_account_id": "000000000000",
 *   "login_workers": 4
 * }
 * }</pre>
 *
 * Relative paths are resolved against the file's directory. Unknown keys are refused: a typo in
 * a secrets server's config must not silently fall back to a default.
 */
public final class ConfigFile {

    private static final Set<String> KEYS = Set.of("listen", "data_dir", "tls_cert", "tls_key", "tls_disable",
            "max_request_size", "aws_mount", "aws_region", "aws_account_id", "login_workers");

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
        if (root.has("tls_disable")) {
            if (!root.get("tls_disable").isBoolean()) {
                throw new ConfigException("config key \"tls_disable\" in " + file + " must be true or false");
            }
            builder.tlsDisable(root.get("tls_disable").asBoolean());
        }
        if (root.has("max_request_size")) {
            if (!root.get("max_request_size").canConvertToLong()) {
                throw new ConfigException("config key \"max_request_size\" in " + file + " must be a number of bytes");
            }
            builder.maxRequestBytes(root.get("max_request_size").asLong());
        }
        if (root.has("login_workers")) {
            if (!root.get("login_workers").isIntegralNumber() || !root.get("login_workers").canConvertToInt()) {
                throw new ConfigException("config key \"login_workers\" in " + file + " must be a whole number of threads");
            }
            builder.loginWorkers(root.get("login_workers").asInt());
        }
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
