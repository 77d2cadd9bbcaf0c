package io.coffer.server.http;

import io.coffer.core.error.CofferException;
import io.coffer.core.handler.Handled;
import io.coffer.core.handler.RequestHandler;
import io.coffer.core.logical.Request;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the Vault-style API, and hands AWS Secrets Manager calls ({@code POST /} with
 * {@code X-Amz-Target}) to the {@link AwsDoor}, on one connection. The event loop only decodes; the
 * core runs on a virtual thread, because storage may block. The answer goes back to the event loop
 * once the outcome's audit record is written (the audit device's writer hands it over; no thread
 * waits for it). Requests on a connection are served one at a time, so pipelined requests are
 * answered in order. Reading pauses when a request arrives while another is in flight (the client
 * pipelines) and resumes once the queue is empty, so a client cannot queue unbounded work; a
 * client that waits for each answer never pauses it. (Pausing around every request cost two
 * {@code epoll_ctl} calls per request, more than a third of a small read's syscalls.) A client
 * that does not take its answers pauses serving and reading until it does. A request's
 * body bytes stay counted in the listener's {@link RequestBodyMemory} until the core has dropped
 * the request, whether or not the client is still there.
 */
final class VaultHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(VaultHttpHandler.class);

    private final RequestHandler core;
    private final AwsDoor aws;
    private final Executor executor;
    private final RequestBodyMemory.Connection memory;
    /** Requests received but not yet answered; touched only on the channel's event loop. */
    private final java.util.ArrayDeque<FullHttpRequest> pending = new java.util.ArrayDeque<>();
    private boolean inFlight;
    /** Serving stopped until the client has taken earlier answers. */
    private boolean awaitingWritable;

    VaultHttpHandler(RequestHandler core, AwsDoor aws, Executor executor, RequestBodyMemory.Connection memory) {
        this.core = core;
        this.aws = aws;
        this.executor = executor;
        this.memory = memory;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest http) {
        // Pipelined requests (and those already buffered in the decoder, which arrive even with
        // auto-read off) are queued and served one at a time, so responses leave in request order.
        http.retain();
        pending.add(http);
        if (inFlight) {
            ctx.channel().config().setAutoRead(false);
        } else {
            serveNext(ctx);
        }
    }

    /**
     * Runs on the event loop: starts the next queued request, or resumes reading when none is left.
     * While the client does not take its answers (the channel is over its write buffer's high
     * mark), nothing more is served or read: a client that pipelines requests and never reads could
     * otherwise pile up answers in the server's memory without bound.
     */
    private void serveNext(ChannelHandlerContext ctx) {
        if (!ctx.channel().isWritable()) {
            inFlight = true; // what arrives meanwhile is queued
            awaitingWritable = true;
            ctx.channel().config().setAutoRead(false);
            return;
        }
        FullHttpRequest http = pending.poll();
        if (http == null) {
            inFlight = false;
            ctx.channel().config().setAutoRead(true); // a no-op unless a pipelining client paused it
            return;
        }
        inFlight = true;
        boolean keepAlive = HttpUtil.isKeepAlive(http);
        int bodyBytes = memory.takeRequest(http.content().readableBytes());
        if (http.decoderResult().isFailure()) {
            http.release();
            memory.releaseTaken(bodyBytes);
            write(ctx, VaultResponseEncoder.error(HttpResponseStatus.BAD_REQUEST, List.of("malformed HTTP request")), false);
            return;
        }
        boolean head = http.method().equals(HttpMethod.HEAD);
        String remote = ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : "";
        executor.execute(() -> {
            Answer answer;
            try {
                answer = AwsDoor.accepts(http) ? Answer.now(aws.serve(http, remote)) : serve(http, remote, head);
            } finally {
                http.release();
                memory.releaseTaken(bodyBytes);
            }
            // Usually completed by the audit device's writer once the outcome is recorded: the
            // answer is handed to the event loop then, and no thread waits for the device.
            answer.recorded().whenComplete((ok, failure) -> {
                FullHttpResponse out = failure == null ? answer.response() : answer.refused(failure);
                ctx.executor().execute(() -> {
                    write(ctx, out, keepAlive);
                    if (keepAlive) {
                        serveNext(ctx);
                    }
                });
            });
        });
    }

    /**
     * A rendered answer that may leave once {@code recorded} completes; when that fails (the
     * outcome could not be audited) the client gets a plain 500 instead and nothing of it.
     */
    private record Answer(FullHttpResponse response, CompletableFuture<Void> recorded, String requestId) {

        private static final CompletableFuture<Void> NOTHING_TO_RECORD = CompletableFuture.completedFuture(null);

        static Answer now(FullHttpResponse response) {
            return new Answer(response, NOTHING_TO_RECORD, "");
        }

        FullHttpResponse refused(Throwable failure) {
            response.release();
            Throwable cause = failure instanceof CompletionException ce && ce.getCause() != null ? ce.getCause() : failure;
            return error(cause instanceof CofferException c ? c
                    : CofferException.internal("no audit device could record the request; it was refused", cause), requestId);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (awaitingWritable && ctx.channel().isWritable()) {
            awaitingWritable = false;
            serveNext(ctx);
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        for (FullHttpRequest queued; (queued = pending.poll()) != null;) {
            queued.release();
        }
        super.channelInactive(ctx);
    }

    /** The answer to a Vault API request, which may leave once its outcome is audited. */
    private Answer serve(FullHttpRequest http, String remote, boolean head) {
        String requestId = RequestIds.next();
        try {
            // The same id goes to the client's envelope, the audit record and any error log line.
            Request request = VaultRequestDecoder.decode(http, remote, requestId);
            if (head && !request.path().equals("sys/health")) {
                throw new CofferException(CofferException.Kind.UNSUPPORTED_OPERATION, "unsupported operation");
            }
            Handled handled = core.handleAsync(request);
            FullHttpResponse rendered = handled.error() != null ? error(handled.error(), requestId)
                    : VaultResponseEncoder.render(request.id(), handled.response());
            if (head) {
                rendered.content().clear();
            }
            return new Answer(rendered, handled.recorded(), requestId);
        } catch (CofferException e) {
            return Answer.now(error(e, requestId));
        } catch (VaultRequestDecoder.UnsupportedMediaType e) {
            return Answer.now(VaultResponseEncoder.error(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, List.of(e.getMessage())));
        } catch (RuntimeException e) {
            // Unknown failures are bugs: log the type and stack, answer with nothing internal.
            LOG.error("request {} failed with an unexpected {}", requestId, e.getClass().getName(), e);
            return Answer.now(internalError());
        }
    }

    private static FullHttpResponse error(CofferException e, String requestId) {
        if (e.kind() == CofferException.Kind.INTERNAL) {
            LOG.error("request {} failed: {}", requestId, e.getMessage(), e.getCause());
        }
        return VaultResponseEncoder.error(e);
    }

    private static FullHttpResponse internalError() {
        return VaultResponseEncoder.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, List.of("internal error"));
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
