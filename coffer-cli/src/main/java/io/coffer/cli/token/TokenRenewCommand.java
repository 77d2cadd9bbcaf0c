package io.coffer.cli.token;

import io.coffer.cli.client.CofferClient;
import io.coffer.cli.client.Secret;
import io.coffer.cli.command.ApiCommand;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.CommandFailure;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.DurationFlag;
import io.coffer.cli.command.ExitCodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coffer token renew [TOKEN]}: extends a token's TTL, the current token's by default. */
@Command(name = "renew", description = {
    "Renew a token: the current one, or TOKEN.",
    "With -accessor, TOKEN is an accessor."})
public final class TokenRenewCommand extends ApiCommand {

    @Option(names = {"-accessor", "--accessor"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Treat the argument as an accessor instead of a token.")
    boolean accessor;

    @Option(names = {"-increment", "--increment", "-i"}, paramLabel = "DURATION",
            description = "Requested TTL extension, e.g. 1h; the server may grant less. Default: the token's default TTL.")
    String increment;

    @Parameters(paramLabel = "TOKEN", arity = "0..*", description = "The token (or accessor) to renew. Default: the current token.")
    List<String> arguments = new ArrayList<>();

    public TokenRenewCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        if (arguments.size() > 1) {
            throw CommandFailure.local("Too many arguments (expected 1, got " + arguments.size() + ")");
        }
        long seconds = incrementSeconds();
        String subject = arguments.isEmpty() ? "" : arguments.get(0).strip();
        try (CofferClient client = connect()) {
            Supplier<Optional<Secret>> renewal;
            if (subject.isEmpty()) {
                renewal = () -> client.put("auth/token/renew-self", Map.of("increment", seconds));
            } else if (accessor) {
                renewal = () -> client.post("auth/token/renew-accessor", body("accessor", subject, seconds));
            } else {
                renewal = () -> client.put("auth/token/renew", body("token", subject, seconds));
            }
            Secret renewed = attempt("Error renewing token", renewal)
                    .orElseThrow(() -> CommandFailure.remote("Error renewing token: the server returned no token information"));
            output.secret(renewed);
            return ExitCodes.OK;
        }
    }

    /** Whole seconds, as the API takes them; anything under a second asks for the default. */
    private long incrementSeconds() {
        return DurationFlag.parse("increment", increment).getSeconds();
    }

    private static Map<String, Object> body(String subjectField, String subject, long increment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(subjectField, subject);
        body.put("increment", increment);
        return body;
    }
}
