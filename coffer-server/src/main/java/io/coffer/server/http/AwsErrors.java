package io.coffer.server.http;

import io.coffer.core.aws.AwsErrorType;
import io.coffer.core.json.Json;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Renders the AWS door's answers in awsJson 1.1: {@code Content-Type: application/x-amz-json-1.1},
 * an {@code x-amzn-RequestId} and a {@code Date} on every answer (the SDKs correct their clock
 * skew from it), errors as {@code {"__type": ..., "Message": ...}} with the type's status. AWS
 * spells the message key {@code Message} in Secrets Manager's own errors and {@code message} in the
 * errors every awsJson service shares (authentication, serialization, unknown operation); the
 * SDKs read both, and this table keeps AWS's spelling.
 */
final class AwsErrors {

    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private static final Set<AwsErrorType> LOWER_CASE_MESSAGE = EnumSet.of(
            AwsErrorType.AccessDeniedException,
            AwsErrorType.UnrecognizedClientException,
            AwsErrorType.InvalidSignatureException,
            AwsErrorType.IncompleteSignatureException,
            AwsErrorType.MissingAuthenticationTokenException,
            AwsErrorType.RequestExpired,
            AwsErrorType.UnknownOperationException,
            AwsErrorType.SerializationException,
            AwsErrorType.ValidationException,
            AwsErrorType.ThrottlingException,
            AwsErrorType.ServiceUnavailable);

    private static final HttpDates DATES = new HttpDates(Clock.systemUTC());

    private AwsErrors() {
    }

    static FullHttpResponse error(AwsErrorType type, String message, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__type", type.name());
        body.put(LOWER_CASE_MESSAGE.contains(type) ? "message" : "Message", message);
        return json(HttpResponseStatus.valueOf(type.httpStatus()), Json.write(body), requestId);
    }

    static FullHttpResponse json(HttpResponseStatus status, byte[] body, String requestId) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE);
        r.headers().set("x-amzn-RequestId", requestId);
        r.headers().set(HttpHeaderNames.DATE, DATES.now());
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return r;
    }

    static String newRequestId() {
        return RequestIds.next();
    }
}
