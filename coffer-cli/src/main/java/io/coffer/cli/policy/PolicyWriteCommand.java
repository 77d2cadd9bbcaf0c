package io.coffer.cli.policy;

import io.coffer.cli.client.CofferClient;
import io.coffer.cli.command.ApiCommand;
import io.coffer.cli.command.Arguments;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.CommandFailure;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coffer policy write NAME FILE}: uploads a policy from a file, or from stdin with {@code -}. */
@Command(name = "write", description = {
    "Upload a policy: coffer policy write NAME FILE, or - as FILE to read it from stdin.",
    "The name is stored in lowercase."})
public final class PolicyWriteCommand extends ApiCommand {

    @Parameters(paramLabel = "NAME FILE", arity = "0..*", description = "The policy's name, then the file holding it (or -).")
    List<String> arguments = new ArrayList<>();

    public PolicyWriteCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        Arguments.requireExactly(arguments, 2);
        String given = arguments.get(0);
        String name = PolicyNames.normalize(given);
        String rules = readPolicy(arguments.get(1).strip());
        try (CofferClient client = connect()) {
            attempt("Error uploading policy", () -> client.put(PolicyNames.API_PREFIX + name, Map.of("policy", rules)));
        }
        if (!given.equals(name)) {
            output.error("Policy name was converted from \"" + given + "\" to \"" + name + "\"");
        }
        output.line("Success! Uploaded policy: " + name);
        return ExitCodes.OK;
    }

    /** The policy text. The vault CLI reports an unreadable policy file with exit code 2. */
    private String readPolicy(String source) {
        try {
            byte[] bytes = source.equals("-") ? runtime().stdin().readAllBytes() : Files.readAllBytes(Path.of(source));
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw CommandFailure.remote("Error opening policy file: open " + source + ": no such file or directory");
        } catch (IOException e) {
            throw CommandFailure.remote(source.equals("-") ? "Error reading policy: " + e.getMessage()
                    : "Error opening policy file: open " + source + ": " + e.getMessage());
        }
    }
}
