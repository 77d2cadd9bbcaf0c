package io.coffer.cli.operator;

import io.coffer.cli.client.CofferClient;
import io.coffer.cli.client.Secret;
import io.coffer.cli.command.ApiCommand;
import io.coffer.cli.command.Arguments;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.CommandFailure;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.ExitCodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer operator init}: initializes a new server and prints its unseal key shares and root
 * token, the only time either is ever shown. With {@code -status} it only reports whether the
 * server is initialized (exit 0 yes, 2 no, 1 error), as {@code vault operator init -status} does.
 */
@Command(name = "init", description = {
    "Initialize a new server: split its root key into unseal key shares and create the root token.",
    "Both are printed once and never stored by the server."})
public final class OperatorInitCommand extends ApiCommand {

    static final int NOT_INITIALIZED = 2;

    @Option(names = {"-key-shares", "--key-shares", "-n"}, paramLabel = "N", defaultValue = "5",
            description = "Number of unseal key shares to create. Default: ${DEFAULT-VALUE}.")
    int keyShares;

    @Option(names = {"-key-threshold", "--key-threshold", "-t"}, paramLabel = "N", defaultValue = "3",
            description = "Number of shares needed to unseal; at most -key-shares. Default: ${DEFAULT-VALUE}.")
    int keyThreshold;

    @Option(names = {"-status", "--status"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Only report whether the server is initialized: exit 0 if so, 2 if not, 1 on error.")
    boolean statusOnly;

    @Parameters(hidden = true)
    List<String> arguments = new ArrayList<>();

    public OperatorInitCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        Arguments.requireAtMost(arguments, 0);
        try (CofferClient client = connect()) {
            return statusOnly ? reportStatus(client, output) : initialize(client, output);
        }
    }

    private int initialize(CofferClient client, CommandOutput output) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("secret_shares", keyShares);
        request.put("secret_threshold", keyThreshold);
        Map<String, Object> response = attempt("Error initializing", () -> client.put("sys/init", request))
                .map(Secret::envelope)
                .orElseThrow(() -> CommandFailure.remote("Error initializing: the server returned no keys"));
        InitReport report = new InitReport(keyShares, keyThreshold, response);
        if (output.isTable()) {
            output.lines(report.lines());
        } else {
            output.json(report.json());
        }
        return ExitCodes.OK;
    }

    private int reportStatus(CofferClient client, CommandOutput output) {
        // Errors are 1 here, because 2 already means "not initialized".
        boolean initialized = attempt("Error checking init status", ExitCodes.LOCAL_ERROR, () -> client.get("sys/init"))
                .map(secret -> Boolean.TRUE.equals(secret.envelope().get("initialized")))
                .orElse(false);
        if (output.isTable()) {
            output.line(initialized ? "Coffer is initialized" : "Coffer is not initialized");
        } else {
            output.json(Map.of("initialized", initialized));
        }
        return initialized ? ExitCodes.OK : NOT_INITIALIZED;
    }
}
