package io.coffer.cli.token;

import io.coffer.cli.client.CofferClient;
import io.coffer.cli.client.Secret;
import io.coffer.cli.command.ApiCommand;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.CommandFailure;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.ExitCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer token revoke TOKEN | -self | -accessor ACCESSOR}: revokes a token and, unless
 * {@code -mode=orphan}, all its children.
 */
@Command(name = "revoke", description = {
    "Revoke a token and its children: TOKEN, or the current one with -self.",
    "With -accessor, TOKEN is an accessor; -mode=orphan spares the children."})
public final class TokenRevokeCommand extends ApiCommand {

    @Option(names = {"-accessor", "--accessor"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Treat the argument as an accessor instead of a token.")
    boolean accessor;

    @Option(names = {"-self", "--self"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Revoke the current token.")
    boolean self;

    @Option(names = {"-mode", "--mode"}, paramLabel = "MODE", defaultValue = "",
            description = "orphan: revoke only the token, leaving its children as orphans; "
                    + "path: revoke every token created under the given path prefix. Default: the token and its children.")
    String mode;

    @Parameters(paramLabel = "TOKEN", arity = "0..*", description = "The token (or accessor, or path prefix with -mode=path).")
    List<String> arguments = new ArrayList<>();

    public TokenRevokeCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        checkCombination();
        String subject = arguments.isEmpty() ? "" : arguments.get(0).strip();
        try (CofferClient client = connect()) {
            Supplier<Optional<Secret>> revocation;
            if (self) {
                revocation = () -> client.put("auth/token/revoke-self", null);
            } else if (accessor) {
                revocation = () -> client.post("auth/token/revoke-accessor", Map.of("accessor", subject));
            } else if (mode.equals("orphan")) {
                revocation = () -> client.put("auth/token/revoke-orphan", Map.of("token", subject));
            } else if (mode.equals("path")) {
                revocation = () -> client.put("sys/leases/revoke-prefix/" + subject, null);
            } else {
                revocation = () -> client.put("auth/token/revoke", Map.of("token", subject));
            }
            attempt("Error revoking token", revocation);
            output.line("Success! Revoked token (if it existed)");
            return ExitCodes.OK;
        }
    }

    /** The vault CLI's checks, in its order and words. */
    private void checkCombination() {
        if (!mode.isEmpty() && !mode.equals("orphan") && !mode.equals("path")) {
            throw CommandFailure.local("Invalid mode: " + mode);
        }
        int count = arguments.size();
        if (self && count > 0) {
            throw CommandFailure.local("Too many arguments with -self (expected 0, got " + count + ")");
        }
        if (!self && count > 1) {
            throw CommandFailure.local("Too many arguments (expected 1 or -self, got " + count + ")");
        }
        if (!self && count < 1) {
            throw CommandFailure.local("Not enough arguments (expected 1 or -self, got " + count + ")");
        }
        if (self && accessor) {
            throw CommandFailure.local("Cannot use -self with -accessor!");
        }
        if (self && !mode.isEmpty()) {
            throw CommandFailure.local("Cannot use -self with -mode!");
        }
        if (accessor && !mode.isEmpty()) {
            throw CommandFailure.local("Cannot use -accessor with -mode=" + mode + "!");
        }
    }
}
