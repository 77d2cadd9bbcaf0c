package io.coffer.cli.login;

import io.coffer.cli.client.Secret;
import java.util.Map;

/** How one auth method logs in from the command line. */
interface LoginMethod {

    /**
     * Logs in and returns the server's answer, whose {@code auth} block carries the new token.
     *
     * @throws LoginFailure when the configuration is incomplete or the server refuses
     */
    Secret login(LoginAttempt attempt);

    /** The method's names for {@code -method}, e.g. {@code userpass}. */
    static Map<String, LoginMethod> builtIn() {
        return Map.of(
                "token", new TokenLogin(),
                "userpass", new UserpassLogin(),
                "approle", new AppRoleLogin());
    }
}
