package io.coffer.cli.operator;

import io.coffer.cli.client.CofferClient;
import io.coffer.cli.client.Secret;
import io.coffer.cli.command.ApiCommand;
import io.coffer.cli.command.Arguments;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.CommandFailure;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.output.TextWrap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer operator unseal [KEY]}: submits one unseal key share and prints the resulting seal
 * status. Without KEY it prompts with echo off, which keeps the share out of shell history.
 */
@Command(name = "unseal", description = {
    "Submit one unseal key share.",
    "Without KEY, prompts for it without echo (recommended: keeps it out of shell history)."})
public final class OperatorUnsealCommand extends ApiCommand {

    static final String PROMPT = "Unseal Key (will be hidden): ";

    @Option(names = {"-reset", "--reset"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Discard the key shares entered so far.")
    boolean reset;

    @Parameters(paramLabel = "KEY", arity = "0..*", description = "An unseal key share (base64 or hex).")
    List<String> arguments = new ArrayList<>();

    public OperatorUnsealCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        Arguments.requireAtMost(arguments, 1);
        try (CofferClient client = connect()) {
            Map<String, Object> status;
            if (reset) {
                status = sealStatusFrom(attempt("Error resetting unseal process",
                        () -> client.put("sys/unseal", Map.of("reset", true))));
            } else {
                String key = arguments.isEmpty() ? prompt() : arguments.get(0).strip();
                status = sealStatusFrom(attempt("Error unsealing", () -> client.put("sys/unseal", Map.of("key", key))));
            }
            SealStatusLookup.print(output, client, status);
        }
        return ExitCodes.OK;
    }

    private String prompt() {
        return runtime().terminal().readHidden(PROMPT)
                .map(String::strip)
                .orElseThrow(() -> CommandFailure.local(TextWrap.wrap(
                        "An error occurred attempting to ask for an unseal key: there is no terminal to read it"
                        + " from. This usually means the command's input is piped or it runs outside a"
                        + " terminal (tty). Run it from a terminal, or pass the key as the first argument.")));
    }

    private static Map<String, Object> sealStatusFrom(Optional<Secret> response) {
        return response.map(Secret::envelope)
                .orElseThrow(() -> CommandFailure.remote("Error unsealing: the server returned no seal status"));
    }
}
