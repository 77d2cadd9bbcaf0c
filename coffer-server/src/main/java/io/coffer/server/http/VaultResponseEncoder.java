package io.coffer.server.http;

import io.coffer.core.error.CofferException;
import io.coffer.core.error.RateLimitedException;
import io.coffer.core.json.Json;
import io.coffer.core.logical.Response;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders core responses and errors in Vault's wire format: the envelope with request_id,
 * lease_id, renewable, lease_duration, data, wrap_info, warnings and auth; 204 when there is
 * nothing to return; {@code {"errors":[...]}} for errors. Every response carries
 * {@code Cache-Control: no-store}.
 */
final class VaultResponseEncoder {

    private VaultResponseEncoder() {
    }

    static FullHttpResponse render(String requestId, Response response) {
        if (response.textBody().isPresent()) {
            Response.TextBody text = response.textBody().get();
            int status = response.status() == 0 ? 200 : response.status();
            FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                    Unpooled.wrappedBuffer(text.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, text.contentType());
            return withCommonHeaders(r);
        }
        if (response.rawBody().isPresent()) {
            int status = response.status() == 0 ? 200 : response.status();
            return json(HttpResponseStatus.valueOf(status), response.rawBody().get());
        }
        if (response.isEmpty()) {
            // Nothing to return: 204, or the handler's explicit status with an empty body (Vault's
            // KV PATCH of a missing key answers a bare 404).
            HttpResponseStatus status = response.status() == 0 ? HttpResponseStatus.NO_CONTENT
                    : HttpResponseStatus.valueOf(response.status());
            return withCommonHeaders(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_id", requestId);
        body.put("lease_id", "");
        body.put("renewable", false);
        body.put("lease_duration", 0);
        body.put("data", response.data().orElse(null));
        body.put("wrap_info", null);
        body.put("warnings", response.warnings().isEmpty() ? null : List.copyOf(response.warnings()));
        body.put("auth", response.auth().orElse(null));
        body.put("mount_type", response.mountType());
        if (response.copiesDataToTopLevel()) {
            response.data().ifPresent(d -> d.forEach(body::putIfAbsent));
        }
        int status = response.status() == 0 ? 200 : response.status();
        return json(HttpResponseStatus.valueOf(status), body);
    }

    static FullHttpResponse error(CofferException e) {
        if (e.kind() == CofferException.Kind.INTERNAL) {
            // Internal detail stays in the server log; the client learns only that it failed.
            return error(HttpResponseStatus.INTERNAL_SERVER_ERROR, List.of("internal error"));
        }
        FullHttpResponse r = error(VaultErrors.status(e.kind()), e.messages());
        if (e instanceof RateLimitedException limited) {
            r.headers().set(HttpHeaderNames.RETRY_AFTER, limited.retryAfterSeconds());
        }
        return r;
    }

    static FullHttpResponse error(HttpResponseStatus status, List<String> messages) {
        return json(status, Map.of("errors", messages));
    }

    static FullHttpResponse json(HttpResponseStatus status, Object body) {
        int code = status.code();
        if (code == 204 || code == 304 || code < 200) {
            // These statuses cannot carry a body (a health check may ask for activecode=204);
            // sending one would desynchronize the client's reading of the connection.
            return withCommonHeaders(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER));
        }
        byte[] bytes = Json.write(body);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        return withCommonHeaders(r);
    }

    static FullHttpResponse withCommonHeaders(FullHttpResponse r) {
        r.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes());
        return r;
    }
}
