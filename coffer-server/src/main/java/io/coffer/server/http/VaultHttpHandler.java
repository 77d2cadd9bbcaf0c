package io.coffer.server.http;

import io.coffer.core.error.CofferException;
import io.coffer.core.handler.RequestHandler;
import io.coffer.core.logical.Request;
import io.coffer.core.logical.Response;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the Vault-style API on one connection. The event loop only decodes; the core runs on a
 * virtual thread, because storage and (later) audit may block. One request per connection is in
 * flight at a time: requests that arrive meanwhile (HTTP/1.1 pipelining) wait in a queue and are
 * answered in order, and reading from the connection pauses until the queue drains, so a client
 * cannot queue unbounded work. A client that waits for each response (nearly all do) never
 * pauses reading, which would cost two {@code epoll_ctl} calls per request.
 */
final class VaultHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(VaultHttpHandler.class);

    private final RequestHandler core;
    private final Executor executor;
    /** Requests that arrived while one is in flight, in arrival order; touched on the event loop only. */
    private final ArrayDeque<FullHttpRequest> queued = new ArrayDeque<>();
    private boolean inFlight;

    VaultHttpHandler(RequestHandler core, Executor executor) {
        this.core = core;
        this.executor = executor;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest http) {
        http.retain();
        if (inFlight) {
            queued.add(http);
            ctx.channel().config().setAutoRead(false);
            return;
        }
        dispatch(ctx, http);
    }

    /** Serves {@code http} (retained; released here) and then the next queued request. */
    private void dispatch(ChannelHandlerContext ctx, FullHttpRequest http) {
        boolean keepAlive = HttpUtil.isKeepAlive(http);
        DecoderResult decoded = http.decoderResult();
        if (decoded.isFailure()) {
            http.release();
            write(ctx, VaultResponseEncoder.error(HttpResponseStatus.BAD_REQUEST, List.of("malformed HTTP request")), false);
            releaseQueued();
            return;
        }
        boolean head = http.method().equals(HttpMethod.HEAD);
        String remote = ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : "";
        inFlight = true;
        executor.execute(() -> {
            FullHttpResponse response;
            try {
                response = serve(http, remote, head);
            } finally {
                http.release();
            }
            ctx.executor().execute(() -> {
                inFlight = false;
                write(ctx, response, keepAlive);
                if (!keepAlive) {
                    releaseQueued();
                    return;
                }
                FullHttpRequest next = queued.poll();
                if (next != null) {
                    dispatch(ctx, next);
                } else if (!ctx.channel().config().isAutoRead()) {
                    ctx.channel().config().setAutoRead(true);
                }
            });
        });
    }

    private void releaseQueued() {
        FullHttpRequest r;
        while ((r = queued.poll()) != null) {
            r.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        releaseQueued();
        super.channelInactive(ctx);
    }

    private FullHttpResponse serve(FullHttpRequest http, String remote, boolean head) {
        Request request = null;
        try {
            request = VaultRequestDecoder.decode(http, remote);
            if (head && !request.path().equals("sys/health")) {
                throw new CofferException(CofferException.Kind.UNSUPPORTED_OPERATION, "unsupported operation");
            }
            Response response = core.handle(request);
            FullHttpResponse rendered = VaultResponseEncoder.render(request.id(), response);
            if (head) {
                rendered.content().clear();
            }
            return rendered;
        } catch (CofferException e) {
            if (e.kind() == CofferException.Kind.INTERNAL) {
                LOG.error("request {} failed: {}", logId(request), e.getMessage(), e.getCause());
            }
            return VaultResponseEncoder.error(e);
        } catch (VaultRequestDecoder.UnsupportedMediaType e) {
            return VaultResponseEncoder.error(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, List.of(e.getMessage()));
        } catch (RuntimeException e) {
            // Unknown failures are bugs: log the type and stack, answer with nothing internal.
            LOG.error("request {} failed with an unexpected {}", logId(request), e.getClass().getName(), e);
            return VaultResponseEncoder.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, List.of("internal error"));
        }
    }

    /**
     * The id to log a failure under: the request's own id (its {@code request_id}) once decoded, a
     * fresh one otherwise. Not generated up front: a random UUID costs a SecureRandom call.
     */
    private static String logId(Request request) {
        return request != null ? request.id() : UUID.randomUUID().toString();
    }

    private static void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        if (keepAlive) {
            HttpUtil.setKeepAlive(response, true);
            ctx.writeAndFlush(response, ctx.voidPromise());
        } else {
            HttpUtil.setKeepAlive(response, false);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("connection error: {}", cause.getClass().getSimpleName());
        ctx.close();
    }
}
