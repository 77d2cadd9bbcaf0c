package io.coffer.server.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;

/**
 * Aggregates request bodies up to the configured limit and answers larger ones with a Vault-style
 * 413 JSON error (an AWS-shaped {@code ValidationException} for the AWS door; Netty's default is an
 * empty 413), then closes the connection so the rest of the
 * oversized body is not read.
 */
final class BodyLimitAggregator extends HttpObjectAggregator {

    private final long limit;

    BodyLimitAggregator(int maxContentLength) {
        super(maxContentLength);
        this.limit = maxContentLength;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        // An AWS SDK parses only AWS-shaped errors: answer each door in its own format.
        FullHttpResponse r = oversized instanceof io.netty.handler.codec.http.HttpRequest request && AwsDoor.accepts(request)
                ? AwsDoor.oversized(oversized, limit)
                : VaultResponseEncoder.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                List.of("request body is larger than the limit of " + limit + " bytes"));
        ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    }
}
