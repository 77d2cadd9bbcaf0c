package io.coffer.server;

import io.coffer.server.config.ServerConfig;

/** Starts a dev-mode server on a free loopback port for client compatibility tests. */
final class DevServer {

    static final String ROOT_TOKEN = "coffer-it-root";

    private DevServer() {
    }

    static CofferServer start() {
        return start(java.util.function.UnaryOperator.identity());
    }

    /** A dev server with settings of the test's choosing on top of the dev ones. */
    static CofferServer start(java.util.function.UnaryOperator<ServerConfig.Builder> settings) {
        ServerConfig config = settings.apply(ServerConfig.builder().dev(true).devRootToken(ROOT_TOKEN).listen("127.0.0.1:0")).build();
        return CofferServer.start(config, c -> {
            throw new IllegalStateException("dev mode uses memory");
        });
    }
}
