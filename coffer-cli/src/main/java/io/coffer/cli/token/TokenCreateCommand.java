package io.coffer.cli.token;

import io.coffer.cli.client.CofferClient;
import io.coffer.cli.client.Secret;
import io.coffer.cli.command.ApiCommand;
import io.coffer.cli.command.Arguments;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.CommandFailure;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.DurationFlag;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.FieldOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer token create}: creates a child of the current token (or an orphan, or one from a
 * role) and prints it. Printing the new token is the point of the command, as with the vault CLI.
 */
@Command(name = "create", description = {
    "Create a new token as a child of the current token.",
    "The new token is printed: it is the command's result."})
public final class TokenCreateCommand extends ApiCommand {

    @Option(names = {"-id", "--id"}, paramLabel = "ID",
            description = "Value for the token instead of a generated one (requires sudo).")
    String id;

    @Option(names = {"-display-name", "--display-name"}, paramLabel = "NAME",
            description = "Non-sensitive name to associate with the token.")
    String displayName = "";

    @Option(names = {"-ttl", "--ttl"}, paramLabel = "DURATION", description = "Initial TTL, e.g. 30m or 1h.")
    String ttl;

    @Option(names = {"-explicit-max-ttl", "--explicit-max-ttl"}, paramLabel = "DURATION",
            description = "Hard maximum lifetime; renewals cannot extend past it.")
    String explicitMaxTtl;

    @Option(names = {"-period", "--period"}, paramLabel = "DURATION",
            description = "Make the token periodic: every renewal resets its TTL to this (requires sudo).")
    String period;

    @Option(names = {"-renewable", "--renewable"}, arity = "0..1", fallbackValue = "true", defaultValue = "true", paramLabel = "BOOL",
            description = "Allow the token to be renewed up to its maximum TTL. Default: true.")
    boolean renewable;

    @Option(names = {"-orphan", "--orphan"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Create the token with no parent, so it outlives the current token (requires sudo).")
    boolean orphan;

    @Option(names = {"-no-default-policy", "--no-default-policy"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Do not attach the \"default\" policy.")
    boolean noDefaultPolicy;

    @Option(names = {"-use-limit", "--use-limit"}, paramLabel = "N", defaultValue = "0",
            description = "Number of uses after which the token is revoked. Default: unlimited.")
    int useLimit;

    @Option(names = {"-role", "--role"}, paramLabel = "ROLE",
            description = "Create the token against this token role (auth/token/create/ROLE).")
    String role;

    @Option(names = {"-type", "--type"}, paramLabel = "TYPE", defaultValue = "service",
            description = "Token type: service (default) or batch.")
    String type;

    @Option(names = {"-metadata", "--metadata"}, paramLabel = "K=V",
            description = "Metadata for the token, shown in the audit log. Repeatable.")
    Map<String, String> metadata = new LinkedHashMap<>();

    @Option(names = {"-policy", "--policy"}, paramLabel = "NAME", split = ",",
            description = "Policy to attach. Repeatable or comma-separated.")
    List<String> policies = new ArrayList<>();

    @Option(names = {"-entity-alias", "--entity-alias"}, paramLabel = "ALIAS",
            description = "Entity alias to associate with (only with -role).")
    String entityAlias = "";

    @Mixin
    FieldOption fieldOption;

    @Parameters(hidden = true)
    List<String> arguments = new ArrayList<>();

    public TokenCreateCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        Arguments.requireAtMost(arguments, 0);
        Map<String, Object> request = request();
        String path = role == null || role.isBlank() ? "auth/token/create" : "auth/token/create/" + role.strip();
        try (CofferClient client = connect()) {
            Secret created = attempt("Error creating token", () -> client.post(path, request))
                    .orElseThrow(() -> CommandFailure.remote("Error creating token: the server returned no token"));
            if (fieldOption.name() != null) {
                output.secretField(created, fieldOption.name());
            } else {
                output.secret(created);
            }
            return ExitCodes.OK;
        }
    }

    /**
     * The body the vault CLI sends: its token-create request, field for field. Durations that
     * were not given go as {@code "0s"}, which servers read as "not set", exactly as Vault sends
     * them.
     */
    private Map<String, Object> request() {
        List<String> named = policies.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        if (id != null && !id.isEmpty()) {
            body.put("id", id);
        }
        if (!named.isEmpty()) {
            body.put("policies", named);
        }
        if (!metadata.isEmpty()) {
            body.put("meta", metadata);
        }
        body.put("ttl", DurationFlag.asRequestValue("ttl", ttl));
        body.put("explicit_max_ttl", DurationFlag.asRequestValue("explicit-max-ttl", explicitMaxTtl));
        body.put("period", DurationFlag.asRequestValue("period", period));
        if (orphan) {
            body.put("no_parent", true);
        }
        if (noDefaultPolicy) {
            body.put("no_default_policy", true);
        }
        body.put("display_name", displayName);
        body.put("num_uses", useLimit);
        // Batch tokens cannot be renewed; the vault CLI drops the flag's default for them.
        body.put("renewable", !"batch".equals(type) && renewable);
        body.put("type", type);
        body.put("entity_alias", entityAlias);
        return body;
    }
}
