package io.coffer.cli.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP answer from the server.
 *
 * @param statusCode the HTTP status
 * @param body       the decoded JSON object, or {@code null} when the body was empty or not an object
 * @param rawBody    the body as text; only shown to the user for non-JSON error bodies
 */
public record ApiResponse(int statusCode, Map<String, Object> body, String rawBody) {

    /** True when the body is Vault's error shape, {@code {"errors": [...]}}. */
    public boolean hasErrorList() {
        return body != null && body.get("errors") instanceof List<?>;
    }

    /** The server's error strings, or an empty list. */
    public List<String> errors() {
        if (!hasErrorList()) {
            return List.of();
        }
        List<String> errors = new ArrayList<>();
        for (Object error : (List<?>) body.get("errors")) {
            errors.add(String.valueOf(error));
        }
        return List.copyOf(errors);
    }

    /** The body read as Vault's secret envelope, when there is a body. */
    public Optional<Secret> secret() {
        return body == null ? Optional.empty() : Optional.of(new Secret(body));
    }
}
