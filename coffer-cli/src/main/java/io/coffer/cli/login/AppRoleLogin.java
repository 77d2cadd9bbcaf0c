package io.coffer.cli.login;

import io.coffer.cli.client.ClientException;
import io.coffer.cli.client.CofferClient;
import io.coffer.cli.client.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code -method=approle role_id=ID [secret_id=...]}: {@code auth/<mount>/login}. The vault CLI has
 * no AppRole login handler (people use {@code vault write auth/approle/login}); this one sends the
 * same request and then stores the token like any login. Without {@code secret_id=} it prompts for
 * one without echo on a terminal (an empty answer sends none, for roles that bind no secret ID);
 * {@code secret_id=-} or {@code secret_id=@FILE} keep it out of shell history in scripts.
 */
final class AppRoleLogin implements LoginMethod {

    static final String PROMPT = "Secret ID (will be hidden, empty for none): ";

    @Override
    public Secret login(LoginAttempt attempt) {
        String roleId = attempt.value("role_id")
                .orElseThrow(() -> new LoginFailure("'role_id' must be specified"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role_id", roleId);
        secretId(attempt).ifPresent(secretId -> body.put("secret_id", secretId));
        try (CofferClient client = attempt.anonymousClient()) {
            return client.put("auth/" + attempt.mount() + "/login", body)
                    .orElseThrow(() -> new LoginFailure("empty response from credential provider"));
        } catch (ClientException e) {
            throw new LoginFailure(e.getMessage());
        }
    }

    private static Optional<String> secretId(LoginAttempt attempt) {
        if (attempt.config().containsKey("secret_id")) {
            return attempt.value("secret_id");
        }
        if (!attempt.terminal().isInteractive()) {
            return Optional.empty();
        }
        return attempt.terminal().readHidden(PROMPT).map(String::strip).filter(id -> !id.isEmpty());
    }
}
