package io.coffer.cli.client;

import java.util.List;

/**
 * The server answered with an error status. The message has the vault CLI's layout so that people
 * and scripts used to Vault read it the same way:
 *
 * <pre>
 * Error making API request.
 *
 * URL: GET https://127.0.0.1:8200/v1/secret/data/foo
 * Code: 403. Errors:
 *
 * * permission denied
 * </pre>
 *
 * When the body was not Vault's {@code {"errors": [...]}} shape, the raw body is shown instead under
 * "Raw Message", as Vault does.
 */
public final class ApiException extends ClientException {

    private static final long serialVersionUID = 1L;

    private final String method;
    private final String url;
    private final int statusCode;
    private final List<String> errors;

    ApiException(String method, String url, ApiResponse response) {
        super(describe(method, url, response));
        this.method = method;
        this.url = url;
        this.statusCode = response.statusCode();
        this.errors = response.errors();
    }

    public String method() {
        return method;
    }

    public String url() {
        return url;
    }

    public int statusCode() {
        return statusCode;
    }

    /** The server's error strings, in order; empty when the body held none. */
    public List<String> errors() {
        return errors;
    }

    private static String describe(String method, String url, ApiResponse response) {
        boolean raw = !response.hasErrorList();
        StringBuilder text = new StringBuilder("Error making API request.\n\n")
                .append("URL: ").append(method).append(' ').append(url).append('\n')
                .append("Code: ").append(response.statusCode()).append(". ")
                .append(raw ? "Raw Message" : "Errors").append(":\n\n");
        if (raw) {
            text.append(response.rawBody().strip());
        } else {
            // One error per line; Vault glues them together, which reads badly once there are two.
            text.append(String.join("\n", response.errors().stream().map(e -> "* " + e).toList()));
        }
        return text.toString();
    }
}
