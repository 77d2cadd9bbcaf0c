package io.coffer.cli.token;

import io.coffer.cli.client.CofferClient;
import io.coffer.cli.client.Secret;
import io.coffer.cli.command.ApiCommand;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.CommandFailure;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.FieldOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer token lookup [TOKEN]}: the properties of a token, the current one by default. A
 * token given as an argument travels in the request body, never in the URL, so it stays out of
 * server and proxy access logs.
 */
@Command(name = "lookup", description = {
    "Show a token's properties: the current token's, or TOKEN's.",
    "With -accessor, TOKEN is an accessor (and the output omits the token)."})
public final class TokenLookupCommand extends ApiCommand {

    @Option(names = {"-accessor", "--accessor"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Treat the argument as an accessor instead of a token (the output then omits the token).")
    boolean accessor;

    @Mixin
    FieldOption fieldOption;

    @Parameters(paramLabel = "TOKEN", arity = "0..*", description = "The token (or accessor) to look up. Default: the current token.")
    List<String> arguments = new ArrayList<>();

    public TokenLookupCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        if (accessor && arguments.isEmpty()) {
            throw CommandFailure.local("Not enough arguments with -accessor (expected 1, got 0)");
        }
        if (accessor && arguments.size() > 1) {
            throw CommandFailure.local("Too many arguments with -accessor (expected 1, got " + arguments.size() + ")");
        }
        if (arguments.size() > 1) {
            throw CommandFailure.local("Too many arguments (expected 0-1, got " + arguments.size() + ")");
        }
        String subject = arguments.isEmpty() ? "" : arguments.get(0).strip();
        try (CofferClient client = connect()) {
            Supplier<Optional<Secret>> lookup;
            if (subject.isEmpty()) {
                lookup = () -> client.get("auth/token/lookup-self");
            } else if (accessor) {
                lookup = () -> client.post("auth/token/lookup-accessor", Map.of("accessor", subject));
            } else {
                lookup = () -> client.post("auth/token/lookup", Map.of("token", subject));
            }
            Secret found = attempt("Error looking up token", lookup)
                    .orElseThrow(() -> CommandFailure.remote("Error looking up token: the server returned no token information"));
            if (fieldOption.name() != null) {
                output.secretField(found, fieldOption.name());
            } else {
                output.secret(found);
            }
            return ExitCodes.OK;
        }
    }
}
