package io.coffer.cli.kv;

import io.coffer.cli.client.CofferClient;
import io.coffer.cli.client.Secret;
import io.coffer.cli.command.CommandFailure;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.ExitCodes;
import java.util.Map;
import java.util.Optional;

/** The shared flow of {@code kv undelete} and {@code kv destroy}: a {@code versions} write to a KV v2 endpoint. */
final class VersionOperation {

    private VersionOperation() {
    }

    /**
     * Sends {@code {"versions": [...]}} to {@code <mount>/<verb>/<path>}.
     *
     * @param verb "undelete" or "destroy": the endpoint, and the word in the vault CLI's messages
     */
    static int run(CommandOutput output, CofferClient client, KvTarget target, VersionsOption versions, String verb) {
        target.requireVersionTwo(capitalized(verb) + " not supported on KV Version 1", ExitCodes.LOCAL_ERROR);
        String path = target.apiPath(verb);
        Map<String, Object> body = Map.of("versions", versions.numbers());
        Optional<Secret> answer = CommandFailure.attempt("Error writing data to " + path, () -> client.put(path, body));
        if (answer.isPresent()) {
            output.secret(answer.get());
        } else if (output.isTable()) {
            output.line("Success! Data written to: " + path);
        }
        return ExitCodes.OK;
    }

    /** The vault CLI's complaint when {@code -versions} is missing. */
    static CommandFailure noVersions(String verb) {
        return CommandFailure.local("No versions provided, use the \"-versions\" flag to specify the version to " + verb + ".");
    }

    private static String capitalized(String verb) {
        return Character.toUpperCase(verb.charAt(0)) + verb.substring(1);
    }
}
