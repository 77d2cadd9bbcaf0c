package io.coffer.cli.kv;

import io.coffer.cli.client.Secret;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.ExitCodes;
import java.util.Optional;

/** How {@code kv metadata put} and {@code patch} report a finished write. */
final class MetadataWrites {

    private MetadataWrites() {
    }

    static int report(CommandOutput output, String path, Optional<Secret> answer) {
        if (answer.isPresent()) {
            output.secret(answer.get());
        } else if (output.isTable()) {
            output.line("Success! Data written to: " + path);
        }
        return ExitCodes.OK;
    }
}
