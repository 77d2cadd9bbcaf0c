package io.coffer.cli.client;

import java.time.Duration;

/**
 * Connection settings given explicitly on the command line; each one, when non-null, wins over the
 * environment. Tokens are deliberately absent: a token only comes from the environment or the
 * token helper file ({@link TokenFile}), so it never lands in shell history or {@code ps} output.
 *
 * @param address          server address, e.g. {@code https://127.0.0.1:8200}
 * @param caCertFile       PEM bundle of CA certificates to trust
 * @param skipVerify       trust any server certificate (development only)
 * @param requestTimeout   how long one request may take
 */
public record ClientOverrides(String address, String caCertFile, Boolean skipVerify, Duration requestTimeout) {

    /** No overrides: everything comes from the environment or defaults. */
    public static final ClientOverrides NONE = new ClientOverrides(null, null, null, null);
}
