package io.coffer.server.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Aggregates request bodies within two limits: one body may not exceed the configured size (413),
 * and the bytes it adds must fit the listener-wide {@link RequestBodyMemory} budget, reserved as
 * they arrive (503). Either refusal is answered in the door's format (Vault JSON errors, or an
 * AWS-shaped error for the AWS door; Netty's default is an empty 413) and the connection is
 * closed, so the rest of the body is never read.
 */
final class BodyLimitAggregator extends HttpObjectAggregator {

    private final long limit;
    private final RequestBodyMemory.Connection memory;
    private final BooleanSupplier answersPending;
    /** The request whose body is being aggregated: its door decides the refusal's format. */
    private HttpRequest current;
    private boolean refused;

    BodyLimitAggregator(int maxContentLength, RequestBodyMemory.Connection memory, BooleanSupplier answersPending) {
        super(maxContentLength);
        this.limit = maxContentLength;
        this.memory = memory;
        this.answersPending = answersPending;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, HttpObject msg, List<Object> out) throws Exception {
        if (refused) {
            return; // the connection is closing; what still arrives is dropped
        }
        if (msg instanceof HttpRequest request) {
            current = request;
        }
        if (msg instanceof HttpContent content && !isHandlingOversizedMessage()
                && !memory.tryReserve(content.content().readableBytes())) {
            refused = true;
            refuse(ctx, current != null && AwsDoor.accepts(current) ? AwsDoor.busy()
                    : VaultResponseEncoder.error(HttpResponseStatus.SERVICE_UNAVAILABLE,
                    List.of("the server holds too many request bodies in memory; retry later")));
            return;
        }
        super.decode(ctx, msg, out);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        // An AWS SDK parses only AWS-shaped errors: answer each door in its own format.
        refuse(ctx, oversized instanceof HttpRequest request && AwsDoor.accepts(request)
                ? AwsDoor.oversized(oversized, limit)
                : VaultResponseEncoder.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                List.of("request body is larger than the limit of " + limit + " bytes")));
    }

    /**
     * Answers and closes. When an earlier request on the connection still waits for its answer,
     * the connection is closed without one: a refusal sent now would overtake that answer.
     */
    private void refuse(ChannelHandlerContext ctx, FullHttpResponse response) {
        if (answersPending.getAsBoolean()) {
            response.release();
            ctx.close();
            return;
        }
        HttpUtil.setKeepAlive(response, false);
        if (response.status().equals(HttpResponseStatus.SERVICE_UNAVAILABLE)) {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, 1);
        }
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
