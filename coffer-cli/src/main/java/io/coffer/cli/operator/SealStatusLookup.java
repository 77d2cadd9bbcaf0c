package io.coffer.cli.operator;

import io.coffer.cli.client.ApiException;
import io.coffer.cli.client.ClientException;
import io.coffer.cli.client.CofferClient;
import io.coffer.cli.client.Secret;
import io.coffer.cli.command.CommandFailure;
import io.coffer.cli.command.CommandOutput;
import io.coffer.cli.command.ExitCodes;
import java.util.Map;

/** Completes a seal status with HA information and prints it, for status and unseal alike. */
final class SealStatusLookup {

    private SealStatusLookup() {
    }

    /** Prints {@code sealStatus} with its HA rows and answers whether the server is sealed. */
    static boolean print(CommandOutput output, CofferClient client, Map<String, Object> sealStatus) {
        SealStatusReport report = new SealStatusReport(sealStatus, leaderOf(client));
        if (output.isTable()) {
            output.line(report.table());
        } else {
            output.json(report.json());
        }
        return report.sealed();
    }

    /**
     * The {@code sys/leader} body, or {@code null} when the server does not answer it (a server
     * without HA, or one that refuses while sealed): HA is then reported as disabled rather than
     * failing the whole status, since Coffer runs as a single node. Unreachable servers still fail.
     */
    private static Map<String, Object> leaderOf(CofferClient client) {
        try {
            return client.get("sys/leader").map(Secret::envelope).orElse(null);
        } catch (ApiException notServed) {
            return null;
        } catch (ClientException e) {
            throw new CommandFailure("Error checking leader status: " + e.getMessage(), ExitCodes.LOCAL_ERROR);
        }
    }
}
