package io.coffer.cli.login;

import io.coffer.cli.client.ClientException;
import io.coffer.cli.client.CofferClient;
import io.coffer.cli.client.Secret;
import io.coffer.cli.output.TextWrap;
import io.coffer.cli.text.GoBooleans;
import io.coffer.cli.text.GoDurations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code -method=token}: "logs in" with an existing token. Nothing is created on the server; the
 * token is checked with {@code auth/token/lookup-self} (unless {@code lookup=false}) and its
 * properties are shaped into the {@code auth} block a real login returns, as the vault CLI does.
 */
final class TokenLogin implements LoginMethod {

    static final String PROMPT = "Token (will be hidden): ";

    @Override
    public Secret login(LoginAttempt attempt) {
        boolean lookup = attempt.value("lookup")
                .map(text -> GoBooleans.parse(text).orElseThrow(
                        () -> new LoginFailure("Failed to parse \"lookup\" as boolean: invalid syntax")))
                .orElse(true);
        String token = attempt.valueOrPrompt("token", PROMPT, TextWrap.wrap(
                "An error occurred attempting to ask for a token: there is no terminal to read it from. This"
                + " usually means the command's input is piped or it runs outside a terminal (tty). To pipe"
                + " the token, pass \"-\" as the argument to read it from stdin.")).strip();
        if (token.isEmpty()) {
            throw new LoginFailure("a token must be passed to auth, please view the help for more information");
        }
        if (!lookup) {
            return envelope(Map.of("client_token", token));
        }
        Map<String, Object> data;
        try (CofferClient client = attempt.clientWithToken(token)) {
            data = client.get("auth/token/lookup-self")
                    .map(Secret::data)
                    .orElseThrow(() -> new LoginFailure("empty response from lookup-self"));
        } catch (ClientException e) {
            throw new LoginFailure("error looking up token: " + e.getMessage());
        }
        if (data == null) {
            throw new LoginFailure("empty response from lookup-self");
        }
        return envelope(authFrom(token, data));
    }

    /** The lookup's {@code data}, renamed and typed as a login's {@code auth} block. */
    private static Map<String, Object> authFrom(String token, Map<String, Object> data) {
        List<String> tokenPolicies = strings(data.get("policies"));
        List<String> identityPolicies = strings(data.get("identity_policies"));
        List<String> policies = new ArrayList<>(tokenPolicies);
        policies.addAll(identityPolicies);
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("client_token", data.get("id") instanceof String id && !id.isEmpty() ? id : token);
        auth.put("accessor", data.get("accessor") instanceof String accessor ? accessor : "");
        auth.put("policies", policies);
        auth.put("token_policies", tokenPolicies);
        auth.put("identity_policies", identityPolicies);
        auth.put("metadata", data.get("meta") instanceof Map<?, ?> meta ? meta : null);
        auth.put("orphan", false);
        auth.put("entity_id", "");
        auth.put("lease_duration", ttlSeconds(data.get("ttl")));
        auth.put("renewable", Boolean.TRUE.equals(data.get("renewable")));
        auth.put("mfa_requirement", null);
        return auth;
    }

    /** A login-shaped envelope around {@code auth}, with the fields the vault CLI's JSON shows. */
    private static Secret envelope(Map<String, Object> auth) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("request_id", "");
        envelope.put("lease_id", "");
        envelope.put("lease_duration", 0);
        envelope.put("renewable", false);
        envelope.put("data", null);
        envelope.put("warnings", null);
        envelope.put("auth", auth);
        return new Secret(envelope);
    }

    private static long ttlSeconds(Object ttl) {
        if (ttl instanceof Number number) {
            return number.longValue();
        }
        if (ttl instanceof String text && !text.isBlank()) {
            try {
                return GoDurations.parse(text).getSeconds();
            } catch (IllegalArgumentException e) {
                throw new LoginFailure("error converting token TTL: invalid duration");
            }
        }
        return 0;
    }

    private static List<String> strings(Object value) {
        List<String> strings = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> strings.add(String.valueOf(item)));
        }
        return strings;
    }
}
