package io.coffer.cli.kv;

import io.coffer.cli.client.Secret;
import io.coffer.cli.command.CommandFailure;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.SecretFields;
import java.util.Optional;

/** How {@code kv put} and {@code kv patch} report a finished write. */
final class KvWrites {

    private KvWrites() {
    }

    /**
     * Prints the outcome of writing {@code path}: a success line when the server answered with no
     * body (KV v1), the requested field, the new version's metadata table, or the JSON envelope.
     */
    static int report(CommandOutput output, String path, Optional<Secret> written, String field) {
        if (written.isEmpty()) {
            if (output.isTable()) {
                output.line("Success! Data written to: " + path);
            }
            return ExitCodes.OK;
        }
        Secret secret = written.get();
        if (field != null) {
            Object value = SecretFields.of(secret, field);
            if (value == null) {
                throw CommandFailure.local("Field \"" + field + "\" not present in secret");
            }
            output.field(value);
            return ExitCodes.OK;
        }
        if (secret.isWrapped() || !output.isTable()) {
            output.secret(secret);
            return ExitCodes.OK;
        }
        output.warnings(secret);
        output.lines(KvReport.written(path, secret.data()));
        return ExitCodes.OK;
    }
}
