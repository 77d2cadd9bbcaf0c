package io.coffer.cli.login;

import io.coffer.cli.client.ClientException;
import io.coffer.cli.client.CofferClient;
import io.coffer.cli.client.Secret;
import io.coffer.cli.output.TextWrap;
import java.util.Map;

/**
 * {@code -method=userpass username=NAME [password=...]}: {@code auth/<mount>/login/<username>}.
 * Without {@code password=} the password is prompted for without echo, which keeps it out of shell
 * history and process listings; {@code password=-} reads it from stdin.
 */
final class UserpassLogin implements LoginMethod {

    static final String PROMPT = "Password (will be hidden): ";

    @Override
    public Secret login(LoginAttempt attempt) {
        String username = attempt.value("username")
                .orElseThrow(() -> new LoginFailure("'username' must be specified"));
        String password = attempt.valueOrPrompt("password", PROMPT, TextWrap.wrap(
                "'password' must be specified and there is no terminal to prompt for it. Pass password=- to"
                + " read it from stdin, or password=@FILE to read it from a file."));
        if (password.isEmpty()) {
            throw new LoginFailure("'password' must be specified");
        }
        try (CofferClient client = attempt.anonymousClient()) {
            // The password goes in the body only; the URL (which appears in error messages and
            // access logs) carries just the user name.
            return client.put("auth/" + attempt.mount() + "/login/" + username, Map.of("password", password))
                    .orElseThrow(() -> new LoginFailure("empty response from credential provider"));
        } catch (ClientException e) {
            throw new LoginFailure(e.getMessage());
        }
    }
}
