package io.coffer.cli.login;

import io.coffer.cli.client.ClientSettings;
import io.coffer.cli.client.CofferClient;
import io.coffer.cli.command.Terminal;
import java.util.Map;
import java.util.Optional;

/**
 * What a login method works with.
 *
 * @param settings where the server is, without a token: a login never sends a previous one
 * @param mount    the auth method's mount path without slashes, e.g. {@code userpass}
 * @param config   the {@code K=V} arguments, e.g. {@code username} and {@code password}
 * @param terminal for prompting without echo
 */
record LoginAttempt(ClientSettings settings, String mount, Map<String, String> config, Terminal terminal) {

    /** A client that sends no token: a login must not depend on, or leak, whatever token was there before. */
    CofferClient anonymousClient() {
        return new CofferClient(settings.withToken(null));
    }

    /** A client that sends {@code token}. */
    CofferClient clientWithToken(String token) {
        return new CofferClient(settings.withToken(token));
    }

    /** The configuration value {@code key}, when given and not blank. */
    Optional<String> value(String key) {
        return Optional.ofNullable(config.get(key)).filter(v -> !v.isBlank());
    }

    /**
     * The value of {@code key}, or what the user types at {@code prompt} (without echo) when it
     * was not given.
     *
     * @param whenNoTerminal the failure message when there is no terminal to prompt on
     */
    String valueOrPrompt(String key, String prompt, String whenNoTerminal) {
        if (config.containsKey(key)) {
            return config.get(key);
        }
        return terminal.readHidden(prompt).orElseThrow(() -> new LoginFailure(whenNoTerminal));
    }

    /** Names the configuration keys only: their values include passwords, secret IDs and tokens. */
    @Override
    public String toString() {
        return "LoginAttempt[mount=" + mount + ", config keys=" + config.keySet() + "]";
    }
}
