package io.coffer.server;

import io.coffer.core.node.CofferNode;
import io.coffer.core.node.DevCredentials;
import io.coffer.core.ratelimit.LoginWorkPool;
import io.coffer.core.storage.InMemoryStorage;
import io.coffer.core.storage.StorageBackend;
import io.coffer.core.sys.ServerInfo;
import io.coffer.server.config.ConfigException;
import io.coffer.server.config.DataDirLock;
import io.coffer.server.config.PemFiles;
import io.coffer.server.config.ServerConfig;
import io.coffer.server.http.HttpChannelInitializer;
import io.coffer.server.http.HttpLoad;
import io.coffer.server.metrics.ServerMetrics;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Coffer server: a node (storage, barrier, seal, ...) behind a Netty listener. Start
 * with {@link #start(ServerConfig, Function)}; {@link #close()} stops listening, seals, and
 * closes storage.
 */
public final class CofferServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CofferServer.class);

    private final ServerConfig config;
    private final CofferNode node;
    private final EventLoopGroup group;
    private final ExecutorService executor;
    private final Channel channel;
    private final HttpChannelInitializer http;
    private final Optional<DevCredentials> devCredentials;
    private final Optional<DataDirLock> dataDirLock;
    private final LoginWorkPool loginWork;
    private final ServerMetrics metrics;

    private CofferServer(ServerConfig config, CofferNode node, EventLoopGroup group, ExecutorService executor,
            Channel channel, HttpChannelInitializer http, Optional<DevCredentials> devCredentials,
            Optional<DataDirLock> dataDirLock, LoginWorkPool loginWork, ServerMetrics metrics) {
        this.config = config;
        this.node = node;
        this.group = group;
        this.executor = executor;
        this.channel = channel;
        this.http = http;
        this.devCredentials = devCredentials;
        this.dataDirLock = dataDirLock;
        this.loginWork = loginWork;
        this.metrics = metrics;
    }

    /**
     * Starts a server. {@code storageFactory} opens the physical storage for a non-dev config
     * (the CLI passes the SQLite backend); dev mode always uses memory.
     *
     * @throws ConfigException when the address is taken or TLS material is unusable
     */
    public static CofferServer start(ServerConfig config, Function<ServerConfig, StorageBackend> storageFactory) {
        return start(config, storageFactory, java.util.function.UnaryOperator.identity());
    }

    /** {@link #start(ServerConfig, Function)} with a last say over the node's parts (tests plug in operations). */
    static CofferServer start(ServerConfig config, Function<ServerConfig, StorageBackend> storageFactory,
            java.util.function.UnaryOperator<CofferNode.Builder> customize) {
        Optional<SslContext> tls = tlsContext(config);
        Optional<DataDirLock> lock = config.dataDir().map(DataDirLock::acquire);
        StorageBackend storage;
        try {
            storage = config.dev() ? new InMemoryStorage() : storageFactory.apply(config);
        } catch (RuntimeException e) {
            lock.ifPresent(DataDirLock::close);
            throw new ConfigException("cannot open storage in " + config.dataDir().map(Object::toString).orElse("memory")
                    + ": " + e.getMessage() + "; check that the directory is writable by this user", e);
        }
        String storageType = config.dev() ? "inmem" : "sqlite";
        // Requests run on virtual threads, one carrier per core: bcrypt there would hold the
        // carriers the reads need, so logins get their own bounded pool.
        LoginWorkPool loginWork = LoginWorkPool.withThreads(config.loginWorkers());
        ServerMetrics metrics = new ServerMetrics();
        CofferNode node = customize.apply(NodeFactory.builder(storage,
                new ServerInfo(Version.VAULT_COMPATIBLE, Version.BUILD_DATE, storageType), loginWork)
                .awsSecrets(config.awsSecrets())
                .metrics(metrics, config.unauthenticatedMetrics())).build();
        Optional<DevCredentials> dev = config.dev() ? Optional.of(node.startDev(config.devRootToken(), config.devAccessKey())) : Optional.empty();
        AuditRotationSignal.register(node.audit());

        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(io);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        HttpChannelInitializer http = new HttpChannelInitializer(tls, config.http(), node.handler(), node.awsHandler(), executor);
        metrics.bind(node.audit(), loginWork, http::load);
        try {
            Channel channel = new ServerBootstrap()
                    .group(group)
                    .channel(channelType)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(http)
                    .bind(config.listen())
                    .syncUninterruptibly()
                    .channel();
            LOG.info("listening on {}://{} (storage: {}, transport: {})", config.tlsEnabled() ? "https" : "http",
                    hostPort((InetSocketAddress) channel.localAddress()), storageType, epoll ? "epoll" : "nio");
            return new CofferServer(config, node, group, executor, channel, http, dev, lock, loginWork, metrics);
        } catch (Exception e) {
            // Netty rethrows the bind failure (a checked BindException) without declaring it.
            group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS);
            executor.shutdownNow();
            AuditRotationSignal.unregister(node.audit());
            node.close();
            loginWork.close();
            metrics.close();
            lock.ifPresent(DataDirLock::close);
            if (e instanceof BindException || e.getCause() instanceof BindException
                    || String.valueOf(e.getMessage()).contains("Address already in use")) {
                throw new ConfigException("cannot listen on " + hostPort(config.listen())
                        + ": the address is already in use; stop the other process or choose another --listen address", e);
            }
            throw new ConfigException("cannot listen on " + hostPort(config.listen()) + ": " + e.getMessage(), e);
        }
    }

    private static Optional<SslContext> tlsContext(ServerConfig config) {
        if (!config.tlsEnabled()) {
            return Optional.empty();
        }
        try {
            var chain = PemFiles.certificates(config.tlsCert().get());
            var key = PemFiles.privateKey(config.tlsKey().get());
            return Optional.of(SslContextBuilder.forServer(key, chain.toArray(new java.security.cert.X509Certificate[0]))
                    .protocols("TLSv1.3", "TLSv1.2")
                    .build());
        } catch (SSLException | IllegalArgumentException e) {
            throw new ConfigException("cannot load TLS certificate/key (" + config.tlsCert().get() + ", " + config.tlsKey().get()
                    + "): they must be PEM files, the key unencrypted, and match each other", e);
        }
    }

    /** The bound address (with the actual port when 0 was requested). */
    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8200}. */
    public String url() {
        return (config.tlsEnabled() ? "https://" : "http://") + hostPort(address());
    }

    /** Dev mode's unseal key and root token; empty for a normal server. */
    public Optional<DevCredentials> devCredentials() {
        return devCredentials;
    }

    /** What clients hold of the listener now (connections, request body memory) and what it refused. */
    public HttpLoad httpLoad() {
        return http.load();
    }

    public CofferNode node() {
        return node;
    }

    /** Blocks until the listener closes. */
    public void awaitClose() throws InterruptedException {
        channel.closeFuture().sync();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        executor.shutdown();
        AuditRotationSignal.unregister(node.audit());
        node.close();
        loginWork.close();
        metrics.close();
        dataDirLock.ifPresent(DataDirLock::close);
    }

    static String hostPort(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
