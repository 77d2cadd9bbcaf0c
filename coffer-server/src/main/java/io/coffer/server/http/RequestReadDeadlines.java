package io.coffer.server.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The clocks a client runs against on one connection, as Vault's listener has them: the request
 * line and headers must arrive within the header timeout of the request's first byte (for a new
 * connection: of its opening, so a connection that sends nothing is closed too), the whole request
 * within the read timeout, and a keep-alive connection with nothing in flight must send its next
 * request within the idle timeout. A request that misses its deadline gets 408 and the connection
 * is closed; a connection that sent nothing is closed quietly (a 408 there could be read as the
 * answer to a request the client is sending at that moment).
 *
 * <p>Only the client's time counts: while the server is still answering an earlier request on the
 * connection the clocks are held, and they restart when the last answer is written, so a slow
 * answer (or reading paused for a pipelining client) never times a client out. A client that
 * stops taking its answers (the write buffer stays over its high mark) is idle for the server and
 * is closed after the idle timeout, even with requests still queued.
 *
 * <p>Two views feed it: {@link #rawBytes()} sits before the HTTP decoder and sees that bytes of a
 * new request arrive; {@link #messages()} sits after it and sees headers and bodies complete and
 * answers leave. Bytes of a next request that arrive in the same read as the end of the previous
 * one are timed from the next bytes read, or else by the idle timeout, which bounds that
 * connection as it bounds any idle one.
 *
 * <p>Cheap on the fast path: a request costs two {@code System.nanoTime()} calls and a few field
 * writes; the one timer per connection wakes about once per the shortest timeout and is
 * rescheduled from its own run, never per request. Confined to the connection's event loop.
 */
final class RequestReadDeadlines implements Runnable {

    private enum Phase { OPENED, REQUEST_HEAD, REQUEST_BODY, BETWEEN_REQUESTS, CLOSING }

    /** How long a timed-out connection may take to flush its 408 before it is closed anyway. */
    private static final long CLOSING_GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final long headerNanos;
    private final long readNanos;
    private final long idleNanos;
    private final long checkEveryNanos;
    private final LongAdder timedOutRequests;
    private final ChannelHandler rawBytes = new RawBytes();
    private final ChannelHandler messages = new Messages();

    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> check;
    private Phase phase = Phase.OPENED;
    /** When the current phase's clock started (System.nanoTime). */
    private long since;
    /** Requests read whose final answer has not been written yet. */
    private int unanswered;
    /**
     * The request being read was answered already (the aggregator refuses an unsupported
     * {@code Expect} or an announced oversized body before the body arrives, then skips it).
     */
    private boolean answeredBeforeRead;
    /** When the write buffer last went over its high mark (the client stopped taking answers). */
    private long unwritableSince;

    RequestReadDeadlines(HttpLimits limits, LongAdder timedOutRequests) {
        this.headerNanos = limits.readHeaderTimeout().toNanos();
        this.readNanos = limits.readTimeout().toNanos();
        this.idleNanos = limits.idleTimeout().toNanos();
        this.checkEveryNanos = Math.min(headerNanos, Math.min(readNanos, idleNanos));
        this.timedOutRequests = timedOutRequests;
    }

    /** The view that goes before the HTTP decoder (after TLS). */
    ChannelHandler rawBytes() {
        return rawBytes;
    }

    /** The view that goes right after the HTTP codec. */
    ChannelHandler messages() {
        return messages;
    }

    /** Whether an earlier request on this connection still waits for its answer. */
    boolean answersPending() {
        return unanswered > 0;
    }

    @Override
    public void run() {
        check = null;
        if (ctx == null || !ctx.channel().isActive()) {
            return;
        }
        if (phase != Phase.CLOSING && !ctx.channel().isWritable()) {
            // The client does not take its answers: as far as the server is concerned it is idle.
            long stalledFor = System.nanoTime() - unwritableSince;
            if (stalledFor >= idleNanos) {
                ctx.close();
            } else {
                schedule(Math.min(idleNanos - stalledFor, checkEveryNanos));
            }
            return;
        }
        if (unanswered > 0 && phase != Phase.CLOSING) {
            // The server, not the client, holds this connection now.
            schedule(checkEveryNanos);
            return;
        }
        long limit = switch (phase) {
            case OPENED, REQUEST_HEAD -> headerNanos;
            case REQUEST_BODY -> readNanos;
            case BETWEEN_REQUESTS -> idleNanos;
            case CLOSING -> CLOSING_GRACE_NANOS;
        };
        long left = since + limit - System.nanoTime();
        if (left > 0) {
            schedule(Math.min(left, checkEveryNanos));
            return;
        }
        switch (phase) {
            case REQUEST_HEAD, REQUEST_BODY -> timeOut();
            default -> ctx.close();
        }
    }

    private void timeOut() {
        timedOutRequests.increment();
        String what = phase == Phase.REQUEST_HEAD ? "request headers were" : "request was";
        phase = Phase.CLOSING;
        since = System.nanoTime();
        FullHttpResponse r = VaultResponseEncoder.error(HttpResponseStatus.REQUEST_TIMEOUT,
                List.of("the " + what + " not received in time; the connection is closed"));
        HttpUtil.setKeepAlive(r, false);
        ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
        // A client that does not read could keep the 408 from ever being flushed.
        schedule(CLOSING_GRACE_NANOS);
    }

    private void schedule(long nanos) {
        check = ctx.executor().schedule(this, nanos, TimeUnit.NANOSECONDS);
    }

    private void requestRead() {
        if (answeredBeforeRead) {
            answeredBeforeRead = false;
            since = System.nanoTime();
        } else {
            unanswered++;
        }
        phase = Phase.BETWEEN_REQUESTS;
    }

    private void answered() {
        if (unanswered == 0) {
            // Answers leave in request order: with none pending, this one is for the request being read.
            answeredBeforeRead = phase == Phase.REQUEST_HEAD || phase == Phase.REQUEST_BODY;
        } else if (--unanswered == 0 && phase != Phase.CLOSING) {
            // The client's clock (idle, or a request that arrived meanwhile) starts now.
            since = System.nanoTime();
        }
    }

    /** Sees the first bytes of each request, before the decoder buffers them. */
    private final class RawBytes extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext c, Object msg) {
            if (phase == Phase.BETWEEN_REQUESTS || phase == Phase.OPENED) {
                phase = Phase.REQUEST_HEAD;
                since = System.nanoTime();
            }
            c.fireChannelRead(msg);
        }
    }

    /** Sees decoded requests and written answers. */
    private final class Messages extends ChannelDuplexHandler {
        @Override
        public void handlerAdded(ChannelHandlerContext c) {
            ctx = c;
        }

        @Override
        public void channelActive(ChannelHandlerContext c) throws Exception {
            since = System.nanoTime();
            schedule(checkEveryNanos);
            super.channelActive(c);
        }

        @Override
        public void channelInactive(ChannelHandlerContext c) throws Exception {
            cancel();
            super.channelInactive(c);
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext c) {
            cancel();
        }

        private void cancel() {
            if (check != null) {
                check.cancel(false);
                check = null;
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext c) throws Exception {
            if (!c.channel().isWritable()) {
                unwritableSince = System.nanoTime();
            }
            super.channelWritabilityChanged(c);
        }

        @Override
        public void channelRead(ChannelHandlerContext c, Object msg) {
            if (phase != Phase.CLOSING) {
                // A request the decoder rejected is complete: it is answered with 400 and closed.
                if (msg instanceof LastHttpContent
                        || msg instanceof HttpRequest r && r.decoderResult().isFailure()) {
                    requestRead();
                } else if (msg instanceof HttpRequest) {
                    phase = Phase.REQUEST_BODY;
                }
            }
            c.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext c, Object msg, ChannelPromise promise) {
            // 100 Continue is not the answer.
            if (msg instanceof LastHttpContent
                    && !(msg instanceof HttpResponse r && r.status().codeClass() == HttpStatusClass.INFORMATIONAL)) {
                answered();
            }
            c.write(msg, promise);
        }
    }
}
