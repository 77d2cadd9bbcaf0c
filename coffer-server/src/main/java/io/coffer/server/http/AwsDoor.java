package io.coffer.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.aws.AwsCall;
import io.coffer.core.aws.AwsErrorType;
import io.coffer.core.aws.AwsRequestHandler;
import io.coffer.core.aws.AwsServiceException;
import io.coffer.core.aws.sigv4.SignedRequest;
import io.coffer.core.json.Json;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS Secrets Manager door on the shared listener: {@code POST /} carrying
 * {@code X-Amz-Target} or a SigV4 {@code Authorization}. Keeps the request exactly as received
 * (raw path and query, every header value, body bytes), since the signature covers them, and
 * hands it to the core's {@link AwsRequestHandler}.
 */
final class AwsDoor {

    private static final Logger LOG = LoggerFactory.getLogger(AwsDoor.class);
    /** Body types an awsJson endpoint accepts; AWS treats others as no known operation. */
    private static final Set<String> NO_OUTPUT = Set.of("secretsmanager.TagResource", "secretsmanager.UntagResource");
    private static final Set<String> JSON_TYPES = Set.of("application/x-amz-json-1.1", "application/x-amz-json-1.0",
            "application/json");

    private final AwsRequestHandler core;

    AwsDoor(AwsRequestHandler core) {
        this.core = core;
    }

    /** Whether a request is for this door rather than the Vault API. */
    static boolean accepts(HttpRequest http) {
        if (!http.method().equals(HttpMethod.POST)) {
            return false;
        }
        String uri = http.uri();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        if (!path.equals("/") && !path.isEmpty()) {
            return false;
        }
        String auth = http.headers().get(HttpHeaderNames.AUTHORIZATION, "");
        return http.headers().contains("X-Amz-Target") || auth.startsWith("AWS4-");
    }

    FullHttpResponse serve(FullHttpRequest http, String remoteAddress) {
        String requestId = AwsErrors.newRequestId();
        try {
            checkContentType(http);
            SignedRequest.Headers headers = new SignedRequest.Headers();
            for (Map.Entry<String, String> h : http.headers()) {
                headers.add(h.getKey(), h.getValue());
            }
            String uri = http.uri();
            int q = uri.indexOf('?');
            SignedRequest signed = new SignedRequest(http.method().name(), q < 0 ? uri : uri.substring(0, q),
                    q < 0 ? "" : uri.substring(q + 1), headers.build(), ByteBufUtil.getBytes(http.content()));
            AwsCall call = new AwsCall(Optional.ofNullable(http.headers().get("X-Amz-Target")), signed, remoteAddress,
                    requestId);
            ObjectNode output = core.handle(call);
            // Operations without an output shape answer with an empty body, as AWS does.
            byte[] body = output.isEmpty() && call.target().filter(NO_OUTPUT::contains).isPresent()
                    ? new byte[0] : Json.writeTree(output);
            return AwsErrors.json(HttpResponseStatus.OK, body, requestId);
        } catch (AwsServiceException e) {
            return AwsErrors.error(e.type(), e.getMessage(), requestId);
        } catch (RuntimeException e) {
            LOG.error("AWS request {} failed with an unexpected {}", requestId, e.getClass().getName(), e);
            return AwsErrors.error(AwsErrorType.InternalServiceError, "An error occurred on the server side.", requestId);
        }
    }

    private static void checkContentType(FullHttpRequest http) {
        String type = http.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (type == null) {
            return;
        }
        String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!JSON_TYPES.contains(media)) {
            throw new AwsServiceException(AwsErrorType.UnknownOperationException,
                    "Unknown operation: requests must be awsJson (Content-Type: " + AwsErrors.CONTENT_TYPE + ")");
        }
    }

    /** The answer to a body over the listener's limit, for a request this door would have served. */
    static FullHttpResponse oversized(HttpMessage request, long limit) {
        return AwsErrors.error(AwsErrorType.ValidationException,
                "Request body is larger than the limit of " + limit + " bytes", AwsErrors.newRequestId());
    }

    /** The answer to a body refused because the listener's request body memory is exhausted. */
    static FullHttpResponse busy() {
        return AwsErrors.error(AwsErrorType.ServiceUnavailable,
                "The server holds too many request bodies in memory; retry later", AwsErrors.newRequestId());
    }
}
