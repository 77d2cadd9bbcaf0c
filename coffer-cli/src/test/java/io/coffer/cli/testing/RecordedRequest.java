package io.coffer.cli.testing;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;

/**
 * A request as the fake server received it.
 *
 * @param method  HTTP method
 * @param target  path plus query, e.g. {@code /v1/secret/data/foo?version=2}
 * @param headers request headers (case-insensitive names)
 * @param body    raw body bytes
 */
public record RecordedRequest(String method, String target, Headers headers, byte[] body) {

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of {@code name}, or {@code null}. */
    public String header(String name) {
        return headers.getFirst(name);
    }

    /** {@code "METHOD target"}, handy in assertions. */
    public String line() {
        return method + " " + target;
    }
}
