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
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coffer policy list}: the policy names, one per line (a JSON array with -format=json). */
@Command(name = "list", description = "List the ACL policies.")
public final class PolicyListCommand extends ApiCommand {

    @Parameters(hidden = true)
    List<String> arguments = new ArrayList<>();

    public PolicyListCommand(CliRuntime runtime) {
        super(runtime);
    }

    @Override
    protected int execute(CommandOutput output) {
        Arguments.requireAtMost(arguments, 0);
        List<String> names = new ArrayList<>();
        try (CofferClient client = connect()) {
            Secret listed = attempt("Error listing policies", () -> client.list("sys/policies/acl"))
                    .filter(answer -> answer.data() != null)
                    .orElseThrow(() -> CommandFailure.remote("Error listing policies: data from server response is empty"));
            if (listed.data().get("keys") instanceof List<?> keys) {
                keys.forEach(key -> names.add(String.valueOf(key)));
            }
        }
        if (output.isTable()) {
            // No header and server order, as the vault CLI prints them.
            output.lines(names);
        } else {
            output.json(names);
        }
        return ExitCodes.OK;
    }
}
