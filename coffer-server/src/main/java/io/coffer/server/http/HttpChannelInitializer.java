package io.coffer.server.http;

import io.coffer.core.aws.AwsRequestHandler;
import io.coffer.core.handler.RequestHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** The pipeline of every connection: optional TLS, HTTP/1.1 codec, body limit, idle timeout, the API handler. */
public final class HttpChannelInitializer extends ChannelInitializer<SocketChannel> {

    /** Connections idle this long are closed, so slow or abandoned clients cannot hold sockets forever. */
    private static final int IDLE_SECONDS = 300;

    private final Optional<SslContext> tls;
    private final int maxRequestBytes;
    private final RequestHandler core;
    private final AwsDoor aws;
    private final Executor executor;

    public HttpChannelInitializer(Optional<SslContext> tls, int maxRequestBytes, RequestHandler core,
            AwsRequestHandler awsCore, Executor executor) {
        this.tls = tls;
        this.maxRequestBytes = maxRequestBytes;
        this.core = core;
        this.aws = new AwsDoor(awsCore);
        this.executor = executor;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ChannelPipeline p = ch.pipeline();
        tls.ifPresent(ctx -> p.addLast("tls", ctx.newHandler(ch.alloc())));
        p.addLast("idle", new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS) {
            @Override
            protected void channelIdle(io.netty.channel.ChannelHandlerContext ctx, io.netty.handler.timeout.IdleStateEvent evt) {
                ctx.close();
            }
        });
        p.addLast("http", new HttpServerCodec());
        p.addLast("aggregate", new BodyLimitAggregator(maxRequestBytes));
        p.addLast("vault", new VaultHttpHandler(core, aws, executor));
    }
}
