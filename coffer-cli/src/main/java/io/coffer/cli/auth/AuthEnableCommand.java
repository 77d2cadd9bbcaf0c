package io.coffer.cli.auth;

import io.coffer.cli.client.CofferClient;
import io.coffer.cli.command.ApiCommand;
import io.coffer.cli.command.Arguments;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.CommandFailure;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.DurationFlag;
import io.coffer.cli.command.ExitCodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coffer auth enable [-path=P] TYPE}: mounts an auth method, at its type's name by default. */
@Command(name = "enable", description = {
    "Enable an auth method, e.g. coffer auth enable userpass or coffer auth enable -path=ops approle.",
    "It is mounted at auth/<path>, where path defaults to the type."})
public final class AuthEnableCommand extends ApiCommand {

    @Option(names = {"-description", "--description"}, paramLabel = "TEXT", defaultValue = "",
            description = "Human-friendly description of the mount.")
    String description;

    @Option(names = {"-path", "--path"}, paramLabel = "PATH",
            description = "Where to mount the method (auth/PATH). Default: the type.")
    String path;

    @Option(names = {"-default-lease-ttl", "--default-lease-ttl"}, paramLabel = "DURATION",
            description = "Default TTL of tokens from this method. Default: the server's.")
    String defaultLeaseTtl;

    @Option(names = {"-max-lease-ttl", "--max-lease-ttl"}, paramLabel = "DURATION",
            description = "Maximum TTL of tokens from this method. Default: the server's.")
    String maxLeaseTtl;

    @Option(names = {"-audit-non-hmac-request-keys", "--audit-non-hmac-request-keys"}, paramLabel = "KEY",
            description = "Request data key the audit log shows in clear instead of HMAC'd. Repeatable.")
    List<String> auditNonHmacRequestKeys;

    @Option(names = {"-audit-non-hmac-response-keys", "--audit-non-hmac-response-keys"}, paramLabel = "KEY",
            description = "Response data key the audit log shows in clear instead of HMAC'd. Repeatable.")
    List<String> auditNonHmacResponseKeys;

    @Option(names = {"-listing-visibility", "--listing-visibility"}, paramLabel = "unauth|hidden",
            description = "Visibility of the mount in the UI's listing endpoint.")
    String listingVisibility;

    @Option(names = {"-passthrough-request-headers", "--passthrough-request-headers"}, paramLabel = "HEADER",
            description = "Request header passed to the method. Repeatable.")
    List<String> passthroughRequestHeaders;

    @Option(names = {"-allowed-response-headers", "--allowed-response-headers"}, paramLabel = "HEADER",
            description = "Response header the method may set. Repeatable.")
    List<String> allowedResponseHeaders;

    @Option(names = {"-token-type", "--token-type"}, paramLabel = "TYPE",
            description = "Token type forced on logins through this mount.")
    String tokenType;

    @Option(names = {"-plugin-name", "--plugin-name"}, paramLabel = "NAME",
            description = "Plugin name, when TYPE is \"plugin\".")
    String pluginName = "";

    @Option(names = {"-plugin-version", "--plugin-version"}, paramLabel = "VERSION",
            description = "Semantic version of the plugin to enable.")
    String pluginVersion;

    @Option(names = {"-options", "--options"}, paramLabel = "K=V",
            description = "Mount option. Repeatable.")
    Map<String, String> options;

    @Option(names = {"-local", "--local"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Mark the mount local-only (not replicated).")
    boolean local;

    @Option(names = {"-seal-wrap", "--seal-wrap"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Enable seal wrapping of critical values.")
    boolean sealWrap;

    @Option(names = {"-external-entropy-access", "--external-entropy-access"}, arity = "0..1", fallbackValue = "true",
            paramLabel = "BOOL", description = "Give the method access to the external entropy source.")
    boolean externalEntropyAccess;

    @Option(names = {"-version", "--version"}, paramLabel = "N", defaultValue = "0",
            description = "Version of the method to run, where it has versions (sent as options.version).")
    int version;

    @Parameters(paramLabel = "TYPE", arity = "0..*", description = "The auth method type, e.g. userpass or approle.")
    List<String> arguments = new ArrayList<>();

    public AuthEnableCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        Arguments.requireExactly(arguments, 1);
        String type = arguments.get(0).strip();
        if (type.equals("plugin")) {
            type = pluginName;
        }
        String mountPath = AuthMountPaths.normalize(path != null && !path.isBlank() ? path : type);
        if (mountPath.isEmpty()) {
            throw CommandFailure.local("Error enabling auth: the mount path is empty");
        }
        Map<String, Object> body = request(type);
        String thing = type + " auth method" + (pluginVersion != null && !pluginVersion.isEmpty() ? " version " + pluginVersion : "");
        String errorContext = "Error enabling " + type + " auth";
        try (CofferClient client = connect()) {
            attempt(errorContext, () -> client.post("sys/auth/" + mountPath, body));
        }
        output.line("Success! Enabled " + thing + " at: " + mountPath);
        return ExitCodes.OK;
    }

    /**
     * The body the vault CLI sends: its mount input, field for field. TTLs that were not given go
     * as {@code "0s"} ("use the server's"), and the optional config keys only when their flag was
     * given, as Vault sends them.
     */
    private Map<String, Object> request(String type) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("options", null);
        config.put("default_lease_ttl", DurationFlag.asRequestValue("default-lease-ttl", defaultLeaseTtl));
        config.put("max_lease_ttl", DurationFlag.asRequestValue("max-lease-ttl", maxLeaseTtl));
        config.put("force_no_cache", false);
        putIfGiven(config, "audit_non_hmac_request_keys", auditNonHmacRequestKeys);
        putIfGiven(config, "audit_non_hmac_response_keys", auditNonHmacResponseKeys);
        putIfGiven(config, "listing_visibility", listingVisibility);
        putIfGiven(config, "passthrough_request_headers", passthroughRequestHeaders);
        putIfGiven(config, "allowed_response_headers", allowedResponseHeaders);
        putIfGiven(config, "token_type", tokenType);
        putIfGiven(config, "plugin_version", pluginVersion);

        Map<String, String> mountOptions = options == null ? null : new LinkedHashMap<>(options);
        if (version > 0) {
            mountOptions = mountOptions == null ? new LinkedHashMap<>() : mountOptions;
            mountOptions.put("version", Integer.toString(version));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("description", description);
        body.put("config", config);
        body.put("local", local);
        body.put("seal_wrap", sealWrap);
        body.put("external_entropy_access", externalEntropyAccess);
        body.put("options", mountOptions);
        return body;
    }

    private static void putIfGiven(Map<String, Object> config, String key, Object value) {
        if (value != null) {
            config.put(key, value);
        }
    }
}
