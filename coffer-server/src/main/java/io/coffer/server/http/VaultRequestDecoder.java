package io.coffer.server.http;

import io.coffer.core.error.ClientText;
import io.coffer.core.error.CofferException;
import io.coffer.core.json.Json;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Request;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an HTTP request under {@code /v1/} into a core {@link Request}: the verb into an
 * operation (Vault's mapping, including the {@code LIST} verb and {@code ?list=true}), the path
 * into a validated logical path, the token header into a credential, and the body or query
 * string into the data map. Every rejection is a 4xx with a message that echoes no input value.
 */
final class VaultRequestDecoder {

    static final String API_PREFIX = "/v1/";
    private static final HttpMethod LIST = HttpMethod.valueOf("LIST");

    private VaultRequestDecoder() {
    }

    static Request decode(FullHttpRequest http, String remoteAddress, String requestId) {
        QueryStringDecoder uri = new QueryStringDecoder(http.uri(), StandardCharsets.UTF_8, true, 1024, true);
        String rawPath = uri.rawPath();
        if (!rawPath.startsWith(API_PREFIX)) {
            throw CofferException.notFound("no handler for route " + ClientText.quote(rawPath) + "; the API is served under /v1/");
        }
        checkRawPath(rawPath);
        String path = decodePath(rawPath.substring(API_PREFIX.length()));
        if (http.headers().contains("X-Vault-Wrap-TTL")) {
            // Answering in plaintext to a client that asked for a wrapped response would hand the
            // secret to whoever the client meant to pass the wrapping token to.
            throw CofferException.invalid("response wrapping is not supported by Coffer");
        }
        checkLogicalPath(path);

        Map<String, List<String>> query = queryParameters(uri);
        HttpMethod method = http.method();
        Operation operation = operation(method, query);
        Map<String, Object> data;
        if (method.equals(HttpMethod.POST) || method.equals(HttpMethod.PUT) || method.equals(HttpMethod.PATCH)) {
            if (method.equals(HttpMethod.PATCH)) {
                requireMergePatch(http);
            }
            data = http.content().isReadable() ? Json.parseObject(ByteBufUtil.getBytes(http.content())) : new LinkedHashMap<>();
        } else {
            // Vault reads the fields of GET, LIST and DELETE requests from the query string.
            data = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> q : query.entrySet()) {
                if (!q.getValue().isEmpty()) {
                    data.put(q.getKey(), q.getValue().size() == 1 ? q.getValue().get(0) : q.getValue());
                }
            }
        }
        return Request.builder(operation, path)
                .id(requestId)
                .data(data)
                .query(query)
                .clientToken(token(http))
                .remoteAddress(remoteAddress)
                .build();
    }

    private static Operation operation(HttpMethod method, Map<String, List<String>> query) {
        if (method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD)) {
            List<String> list = query.get("list");
            return list != null && !list.isEmpty() && parseBool(list.get(0)) ? Operation.LIST : Operation.READ;
        }
        if (method.equals(LIST)) {
            return Operation.LIST;
        }
        if (method.equals(HttpMethod.POST) || method.equals(HttpMethod.PUT)) {
            return Operation.UPDATE;
        }
        if (method.equals(HttpMethod.PATCH)) {
            return Operation.PATCH;
        }
        if (method.equals(HttpMethod.DELETE)) {
            return Operation.DELETE;
        }
        throw new CofferException(CofferException.Kind.UNSUPPORTED_OPERATION, "unsupported HTTP method");
    }

    /** Go's strconv.ParseBool, which Vault uses for {@code ?list=}; anything else is a 400. */
    private static boolean parseBool(String value) {
        return switch (value) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False", "" -> false;
            default -> throw CofferException.invalid("invalid value for the list parameter: must be true or false");
        };
    }

    private static void requireMergePatch(FullHttpRequest http) {
        String type = http.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
        if (!type.toLowerCase(Locale.ROOT).startsWith("application/merge-patch+json")) {
            throw new UnsupportedMediaType("PATCH requires Content-Type: application/merge-patch+json");
        }
    }

    private static String token(FullHttpRequest http) {
        String token = http.headers().get("X-Vault-Token");
        if (token != null && !token.isEmpty()) {
            return token.trim();
        }
        String auth = http.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        return null;
    }

    /** Rejects traversal and empty segments in the path as sent, before any decoding. */
    private static void checkRawPath(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || rawPath.contains("\\")) {
            throw CofferException.invalid("invalid request path: encoded or backslash path separators are not allowed");
        }
    }

    /** Rejects traversal, empty segments and control characters in the decoded path. */
    static void checkLogicalPath(String path) {
        if (path.isEmpty()) {
            throw CofferException.notFound("no handler for route \"\"");
        }
        String body = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (String segment : body.split("/", -1)) {
            if (segment.isEmpty()) {
                throw CofferException.invalid("invalid request path: empty path segment");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw CofferException.invalid("invalid request path: relative path segments are not allowed");
            }
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0xfffd) {
                throw CofferException.invalid("invalid request path: control or undecodable characters are not allowed");
            }
        }
    }

    /**
     * Netty's decoder throws IllegalArgumentException for a {@code %} not followed by two hex
     * digits (its message quotes the input): the client's mistake, a 400 as in Go's net/http, not
     * a 500. The same for the query string below.
     */
    private static String decodePath(String rawLogicalPath) {
        try {
            // A '+' in a path is a plus, as in Go's net/http (and so Vault); only queries use it for space.
            return QueryStringDecoder.decodeComponent(rawLogicalPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw CofferException.invalid("invalid request path: malformed percent-encoding");
        }
    }

    private static Map<String, List<String>> queryParameters(QueryStringDecoder uri) {
        try {
            return uri.parameters();
        } catch (IllegalArgumentException e) {
            throw CofferException.invalid("invalid query string: malformed percent-encoding");
        }
    }

    /** The request's media type is not one the endpoint accepts (415). */
    static final class UnsupportedMediaType extends RuntimeException {
        UnsupportedMediaType(String message) {
            super(message, null, false, false);
        }
    }
}
