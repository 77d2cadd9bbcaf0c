package io.coffer.cli.policy;

import io.coffer.cli.client.CofferClient;
import io.coffer.cli.client.Secret;
import io.coffer.cli.command.ApiCommand;
import io.coffer.cli.command.Arguments;
import io.coffer.cli.command.CliRuntime;
import io.coffer.cli.command.CommandFailure;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.ExitCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coffer policy read NAME}: prints a policy's rules, or {@code {"policy": ...}} as JSON. */
@Command(name = "read", description = "Print a policy's rules.")
public final class PolicyReadCommand extends ApiCommand {

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "The policy's name.")
    List<String> arguments = new ArrayList<>();

    public PolicyReadCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        Arguments.requireExactly(arguments, 1);
        String name = PolicyNames.normalize(arguments.get(0));
        String context = "Error reading policy named " + name;
        String rules;
        try (CofferClient client = connect()) {
            Secret answer = attempt(context, () -> client.get(PolicyNames.API_PREFIX + name))
                    .orElseThrow(() -> CommandFailure.remote("No policy named: " + name));
            if (answer.data() == null) {
                throw CommandFailure.remote(context + ": data from server response is empty");
            }
            if (!(answer.data().get("policy") instanceof String text)) {
                throw CommandFailure.remote(context + ": no policy found in response");
            }
            rules = text;
        }
        if (rules.isEmpty()) {
            throw CommandFailure.remote("No policy named: " + name);
        }
        if (output.isTable()) {
            output.line(rules.strip());
        } else {
            output.json(Map.of("policy", rules));
        }
        return ExitCodes.OK;
    }
}
