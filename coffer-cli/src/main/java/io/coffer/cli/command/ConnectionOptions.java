package io.coffer.cli.command;

import io.coffer.cli.client.ClientOverrides;
import io.coffer.cli.text.GoDurations;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The flags that say how to reach the server. Each overrides its {@code COFFER_*} / {@code VAULT_*}
 * variable. There is deliberately no token flag: tokens come from {@code COFFER_TOKEN},
 * {@code VAULT_TOKEN} or the token helper file {@code coffer login} writes, so they stay out of
 * shell history and process listings.
 */
public final class ConnectionOptions {

    @Option(names = {"-address", "--address"}, paramLabel = "ADDRESS",
            description = "Server address. Also COFFER_ADDR / VAULT_ADDR. Default: https://127.0.0.1:8200.")
    String address;

    @Option(names = {"-ca-cert", "--ca-cert"}, paramLabel = "FILE",
            description = "PEM file of CA certificates to trust. Also COFFER_CACERT / VAULT_CACERT.")
    String caCert;

    @Option(names = {"-tls-skip-verify", "--tls-skip-verify"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Do not verify the server's certificate (development only). Also COFFER_SKIP_VERIFY / VAULT_SKIP_VERIFY.")
    Boolean tlsSkipVerify;

    @Option(names = {"-client-timeout", "--client-timeout"}, paramLabel = "DURATION",
            description = "Timeout for each request, e.g. 30s. Also COFFER_CLIENT_TIMEOUT / VAULT_CLIENT_TIMEOUT. Default: 60s.")
    String clientTimeout;

    /** The flags as client overrides; a malformed timeout is a usage error. */
    public ClientOverrides overrides() {
        return new ClientOverrides(address, caCert, tlsSkipVerify, timeout());
    }

    private Duration timeout() {
        if (clientTimeout == null) {
            return null;
        }
        try {
            return GoDurations.parse(clientTimeout);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.local("invalid value \"" + clientTimeout + "\" for flag -client-timeout: " + e.getMessage());
        }
    }
}
