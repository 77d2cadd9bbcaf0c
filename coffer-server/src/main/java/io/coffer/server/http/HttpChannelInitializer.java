package io.coffer.server.http;

import io.coffer.core.aws.AwsRequestHandler;
import io.coffer.core.handler.RequestHandler;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;

/**
 * The pipeline of every connection: admission (connection caps), optional TLS, read deadlines,
 * HTTP/1.1 codec, body limits (size and the listener's body memory), the API handler. One
 * instance serves a listener and owns its shared limits.
 */
public final class HttpChannelInitializer extends ChannelInitializer<SocketChannel> {

    /** Sent as is to a connection over a cap, before anything is read from it, then closed. */
    private static final byte[] TOO_MANY_CONNECTIONS = refusal("{\"errors\":[\"too many open connections; retry later\"]}\n");

    private final Optional<SslContext> tls;
    private final HttpLimits limits;
    private final RequestHandler core;
    private final AwsDoor aws;
    private final Executor executor;
    private final ConnectionAdmission admission;
    private final RequestBodyMemory bodyMemory;
    private final LongAdder timedOutRequests = new LongAdder();

    public HttpChannelInitializer(Optional<SslContext> tls, HttpLimits limits, RequestHandler core,
            AwsRequestHandler awsCore, Executor executor) {
        this.tls = tls;
        this.limits = limits;
        this.core = core;
        this.aws = new AwsDoor(awsCore);
        this.executor = executor;
        this.admission = new ConnectionAdmission(limits.maxConnections(), limits.maxConnectionsPerClient());
        this.bodyMemory = new RequestBodyMemory(limits.maxRequestMemory());
    }

    /** What clients hold of this listener now, and what it refused since start. */
    public HttpLoad load() {
        return new HttpLoad(admission.openConnections(), admission.refusedConnections(), bodyMemory.heldBytes(),
                bodyMemory.refusedBodies(), timedOutRequests.sum());
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        InetAddress client = ch.remoteAddress().getAddress();
        if (!admission.tryAdmit(client)) {
            // Refused before TLS and before reading: a flood costs an accept and a close. Over
            // TLS no answer can be sent without a handshake, so the connection is just closed.
            if (tls.isPresent()) {
                ch.close();
            } else {
                ch.writeAndFlush(Unpooled.wrappedBuffer(TOO_MANY_CONNECTIONS)).addListener(ChannelFutureListener.CLOSE);
            }
            return;
        }
        RequestBodyMemory.Connection memory = bodyMemory.newConnection();
        ch.closeFuture().addListener(f -> {
            admission.release(client);
            memory.releaseAll();
        });
        RequestReadDeadlines deadlines = new RequestReadDeadlines(limits, timedOutRequests);
        ChannelPipeline p = ch.pipeline();
        tls.ifPresent(ctx -> p.addLast("tls", ctx.newHandler(ch.alloc())));
        p.addLast("deadline-bytes", deadlines.rawBytes());
        p.addLast("http", new HttpServerCodec());
        p.addLast("deadlines", deadlines.messages());
        p.addLast("aggregate", new BodyLimitAggregator(limits.maxRequestBytes(), memory, deadlines::answersPending));
        p.addLast("vault", new VaultHttpHandler(core, aws, executor, memory));
    }

    private static byte[] refusal(String json) {
        return ("HTTP/1.1 503 Service Unavailable\r\n"
                + "Content-Type: application/json\r\n"
                + "Cache-Control: no-store\r\n"
                + "Retry-After: 1\r\n"
                + "Connection: close\r\n"
                + "Content-Length: " + json.getBytes(StandardCharsets.US_ASCII).length + "\r\n\r\n"
                + json).getBytes(StandardCharsets.US_ASCII);
    }
}
