package io.coffer.cli.path;

import io.coffer.cli.client.CofferClient;
import io.coffer.cli.client.Secret;
import io.coffer.cli.command.ApiCommand;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.CommandFailure;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.FieldOption;
import io.coffer.cli.command.KeyValueArguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coffer write PATH K=V...}: PUT data to any API path. */
@Command(name = "write", description = {
    "Write data to any API path.",
    "DATA is key=value, key=@file, key=- (stdin), @file.json or - (JSON on stdin)."})
public final class WriteCommand extends ApiCommand {

    @Option(names = {"-force", "--force", "-f"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Write even without any key=value data, for paths that expect none.")
    boolean force;

    @Mixin
    FieldOption fieldOption;

    @Parameters(paramLabel = "PATH DATA", arity = "0..*", description = "The API path (without /v1/), then its data.")
    List<String> arguments = new ArrayList<>();

    public WriteCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        if (arguments.isEmpty()) {
            throw CommandFailure.local("Not enough arguments (expected 1, got 0)");
        }
        if (arguments.size() == 1 && !force) {
            throw CommandFailure.local("Must supply data or use -force");
        }
        String path = ApiPaths.sanitize(arguments.get(0));
        Map<String, Object> data = new KeyValueArguments(runtime().stdin()).parse(arguments.subList(1, arguments.size()));
        try (CofferClient client = connect()) {
            Optional<Secret> written = attempt("Error writing data to " + path, () -> client.put(path, data));
            if (written.isEmpty()) {
                if (output.isTable()) {
                    output.line("Success! Data written to: " + path);
                }
            } else if (fieldOption.name() != null) {
                output.secretField(written.get(), fieldOption.name());
            } else {
                output.secret(written.get());
            }
            return ExitCodes.OK;
        }
    }
}
