package io.coffer.cli.auth;

import io.coffer.cli.client.CofferClient;
import io.coffer.cli.command.ApiCommand;
import io.coffer.cli.command.Arguments;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.ExitCodes;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code coffer auth disable PATH}: unmounts an auth method. Vault revokes every token the mount
 * issued when it goes; that is the server's part.
 */
@Command(name = "disable", description = "Disable the auth method mounted at PATH (its tokens are revoked).")
public final class AuthDisableCommand extends ApiCommand {

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "The auth method's mount path, e.g. userpass.")
    List<String> arguments = new ArrayList<>();

    public AuthDisableCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        Arguments.requireExactly(arguments, 1);
        String path = AuthMountPaths.normalize(arguments.get(0));
        try (CofferClient client = connect()) {
            attempt("Error disabling auth method at " + path, () -> client.delete("sys/auth/" + path));
        }
        output.line("Success! Disabled the auth method (if it existed) at: " + path);
        return ExitCodes.OK;
    }
}
