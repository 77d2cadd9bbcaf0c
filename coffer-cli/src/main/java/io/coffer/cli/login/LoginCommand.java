package io.coffer.cli.login;

import io.coffer.cli.client.Environment;
import io.coffer.cli.client.Secret;
import io.coffer.cli.client.TokenFile;
import io.coffer.cli.command.ApiCommand;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.CommandFailure;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.FieldOption;
import io.coffer.cli.command.KeyValueArguments;
import io.coffer.cli.output.TextWrap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer login [-method=M] [TOKEN | K=V...]}: authenticates, stores the token in
 * {@code ~/.coffer-token} for later commands, and prints the token table, as {@code vault login}.
 */
@Command(name = "login", description = {
    "Authenticate and store the resulting token in ~/.coffer-token for later commands.",
    "  coffer login                                  (prompts for a token)",
    "  coffer login -method=userpass username=NAME   (prompts for the password)",
    "  coffer login -method=approle role_id=ID secret_id=-",
    "Values may be k=v, k=@file or k=- (stdin)."})
public final class LoginCommand extends ApiCommand {

    @Option(names = {"-method", "--method"}, paramLabel = "METHOD", defaultValue = "token",
            description = "Auth method type: token (default), userpass or approle.")
    String method;

    @Option(names = {"-path", "--path"}, paramLabel = "PATH",
            description = "Where the auth method is mounted, when not at its type's name (e.g. userpass-ops).")
    String path;

    @Option(names = {"-no-store", "--no-store"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Do not store the token in the token helper; only print it.")
    boolean noStore;

    @Option(names = {"-no-print", "--no-print"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Do not print the token; only store it.")
    boolean noPrint;

    @Option(names = {"-token-only", "--token-only"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Print only the token, and do not store it (same as -field=token -no-store).")
    boolean tokenOnly;

    @Mixin
    FieldOption fieldOption;

    @Parameters(paramLabel = "TOKEN | K=V", arity = "0..*",
            description = "The token for -method=token, or the method's settings, e.g. username=NAME.")
    List<String> arguments = new ArrayList<>();

    private final Map<String, LoginMethod> methods = LoginMethod.builtIn();

    public LoginCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        boolean store = !(noStore || tokenOnly);
        String field = tokenOnly ? "token" : fieldOption.name();
        if (!store && noPrint) {
            throw CommandFailure.local("-no-store and -no-print cannot be used together");
        }
        String methodName = trimSlashes(method).toLowerCase(Locale.ROOT);
        if (methodName.isEmpty()) {
            methodName = "token";
        }
        LoginMethod loginMethod = methods.get(methodName);
        if (loginMethod == null) {
            throw CommandFailure.local(TextWrap.wrap("Unknown auth method: " + methodName + ". Use \"coffer auth list\""
                    + " to see the complete list of auth methods. Additionally, some auth methods are only available"
                    + " via the HTTP API."));
        }
        Map<String, String> config = configuration(methodName);
        String mount = trimSlashes(Optional.ofNullable(config.remove("mount")).filter(m -> !m.isBlank())
                .orElse(path != null && !path.isBlank() ? path : methodName));

        Secret secret;
        try {
            secret = loginMethod.login(new LoginAttempt(settingsWithoutToken(), mount, config, runtime().terminal()));
        } catch (LoginFailure failure) {
            throw CommandFailure.remote("Error authenticating: " + failure.getMessage());
        }
        Map<String, Object> auth = secret.auth();
        if (auth == null || !(auth.get("client_token") instanceof String token) || token.isEmpty()) {
            throw CommandFailure.remote(TextWrap.wrap("Coffer returned a secret, but the secret has no authentication"
                    + " information attached. This should never happen and is likely a bug."));
        }

        if (store) {
            Optional<Integer> failed = store(output, token, secret);
            if (failed.isPresent()) {
                return failed.get();
            }
            warnIfVariableOverrides(output);
        } else if (!tokenOnly) {
            output.error(TextWrap.wrap("The token was not stored in the token helper. Set the COFFER_TOKEN environment"
                    + " variable to use it for future requests.") + "\n");
        }
        if (noPrint) {
            return ExitCodes.OK;
        }
        if (field != null) {
            output.secretField(secret, field);
            return ExitCodes.OK;
        }
        if (output.isTable() && store) {
            output.line(TextWrap.wrap("Success! You are now authenticated. The token information displayed below is"
                    + " already stored in the token helper. You do NOT need to run \"coffer login\" again. Future"
                    + " Coffer requests will automatically use this token.") + "\n");
        }
        output.secret(secret);
        return ExitCodes.OK;
    }

    /**
     * The {@code K=V} arguments; for the token method a first argument without {@code =} is the
     * token itself ({@code coffer login s.xxx}, or {@code coffer login -} to read it from stdin).
     * Trailing line breaks are dropped from every value: they come from {@code echo} or a file
     * ({@code secret_id=-}, {@code password=@file}) and are never part of a credential.
     */
    private Map<String, String> configuration(String methodName) {
        List<String> pairs = new ArrayList<>(arguments);
        if (methodName.equals("token") && !pairs.isEmpty() && !pairs.get(0).contains("=")) {
            pairs.set(0, "token=" + pairs.get(0));
        }
        Map<String, String> config = new LinkedHashMap<>();
        new KeyValueArguments(runtime().stdin()).parseStrings(pairs)
                .forEach((key, value) -> config.put(key, value.replaceAll("[\\r\\n]+$", "")));
        return config;
    }

    /**
     * Writes the token to the token helper file. On failure the token is still shown, once, since
     * the login itself worked and the token would otherwise be lost.
     *
     * @return the exit code to end with when storing failed
     */
    private Optional<Integer> store(CommandOutput output, String token, Secret secret) {
        Environment environment = runtime().environment();
        TokenFile tokenFile = TokenFile.inHomeOf(environment).orElseThrow(() -> CommandFailure.local(TextWrap.wrap(
                "Error initializing token helper. Please verify that the token helper is available and properly"
                + " configured for your system. The error was: cannot find the home directory (HOME is not set)")));
        try {
            tokenFile.store(token);
            return Optional.empty();
        } catch (IOException e) {
            output.error("Error storing token: " + e.getMessage());
            output.error(TextWrap.wrap("Authentication was successful, but the token was not persisted. The resulting"
                    + " token is shown below for your records.") + "\n");
            output.secret(secret);
            return Optional.of(ExitCodes.REMOTE_ERROR);
        }
    }

    /** The variables win over the token helper, so a stored token would silently go unused. */
    private void warnIfVariableOverrides(CommandOutput output) {
        for (String variable : List.of("COFFER_TOKEN", "VAULT_TOKEN")) {
            if (runtime().environment().lookup(variable).isPresent()) {
                output.error(TextWrap.wrap("WARNING! The " + variable + " environment variable is set! The value of this"
                        + " variable will take precedence; if this is unwanted please unset " + variable
                        + " or update its value accordingly.") + "\n");
                return;
            }
        }
    }

    private static String trimSlashes(String text) {
        String trimmed = text == null ? "" : text.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
