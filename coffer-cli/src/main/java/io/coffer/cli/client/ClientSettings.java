package io.coffer.cli.client;

import io.coffer.cli.text.GoBooleans;
import io.coffer.cli.text.GoDurations;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where and how to reach the server, fully resolved.
 *
 * <p>Each setting is taken from, in order: the command-line flag, the {@code COFFER_*} variable,
 * the {@code VAULT_*} variable, the default. The token has no flag; after the two variables it
 * comes from the token helper file {@code ~/.coffer-token} that {@code coffer login} writes
 * ({@link TokenFile}). The defaults are Vault's: address
 * {@code https://127.0.0.1:8200}, a 60 second request timeout, certificate checks on.
 *
 * @param address        base address, without a trailing slash
 * @param token          the token to send as {@code X-Vault-Token}, or {@code null} for none
 * @param caCertFile     PEM bundle of CAs to trust instead of the JDK's, or {@code null}
 * @param skipVerify     trust any certificate and host name (development only)
 * @param requestTimeout how long one request may take
 */
public record ClientSettings(URI address, String token, Path caCertFile, boolean skipVerify, Duration requestTimeout) {

    public static final String DEFAULT_ADDRESS = "https://127.0.0.1:8200";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public ClientSettings {
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new ClientConfigurationException("client timeout must be positive");
        }
    }

    /** Resolves every setting from {@code flags}, then {@code env}, then the defaults. */
    public static ClientSettings resolve(ClientOverrides flags, Environment env) {
        ClientSettings withoutToken = resolveWithoutToken(flags, env);
        String token = env.first("COFFER_TOKEN", "VAULT_TOKEN")
                .or(() -> TokenFile.inHomeOf(env).flatMap(TokenFile::read))
                .orElse(null);
        return withoutToken.withToken(token);
    }

    /**
     * Resolves every setting but the token, which is left out, without looking at the token
     * variables or the token helper file: for logins, which must neither send nor depend on a
     * previous token (a broken token file must not stop the login that replaces it).
     */
    public static ClientSettings resolveWithoutToken(ClientOverrides flags, Environment env) {
        String address = firstNonNull(flags.address(), env.first("COFFER_ADDR", "VAULT_ADDR").orElse(DEFAULT_ADDRESS));
        String caCert = firstNonNull(flags.caCertFile(), env.first("COFFER_CACERT", "VAULT_CACERT").orElse(null));
        boolean skipVerify = flags.skipVerify() != null ? flags.skipVerify() : skipVerifyFrom(env);
        Duration timeout = flags.requestTimeout() != null ? flags.requestTimeout() : timeoutFrom(env);
        return new ClientSettings(parseAddress(address), null, caCert == null ? null : Path.of(caCert), skipVerify, timeout);
    }

    /** These settings with {@code token} instead, or with no token for {@code null}. */
    public ClientSettings withToken(String token) {
        return new ClientSettings(address, token, caCertFile, skipVerify, requestTimeout);
    }

    /** The token, when one is configured. */
    public Optional<String> tokenIfAny() {
        return Optional.ofNullable(token).filter(t -> !t.isBlank());
    }

    /** Never shows the token: settings end up in error messages and debugger views. */
    @Override
    public String toString() {
        return "ClientSettings[address=" + address + ", token=" + (token == null ? "none" : "<redacted>")
                + ", caCertFile=" + caCertFile + ", skipVerify=" + skipVerify + ", requestTimeout=" + requestTimeout + "]";
    }

    private static boolean skipVerifyFrom(Environment env) {
        for (String variable : List.of("COFFER_SKIP_VERIFY", "VAULT_SKIP_VERIFY")) {
            Optional<String> value = env.lookup(variable);
            if (value.isPresent()) {
                return GoBooleans.parse(value.get())
                        .orElseThrow(() -> new ClientConfigurationException("could not parse " + variable));
            }
        }
        return false;
    }

    private static Duration timeoutFrom(Environment env) {
        Optional<String> value = env.first("COFFER_CLIENT_TIMEOUT", "VAULT_CLIENT_TIMEOUT");
        if (value.isEmpty()) {
            return DEFAULT_TIMEOUT;
        }
        try {
            return GoDurations.parse(value.get());
        } catch (IllegalArgumentException e) {
            throw new ClientConfigurationException("could not parse client timeout: " + e.getMessage());
        }
    }

    static URI parseAddress(String text) {
        String trimmed = text.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
                throw new ClientConfigurationException("invalid address \"" + text + "\": expected http(s)://host[:port]");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ClientConfigurationException("invalid address \"" + text + "\": " + e.getReason());
        }
    }

    private static String firstNonNull(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred : fallback;
    }
}
