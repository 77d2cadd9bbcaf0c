package io.coffer.server;

import io.coffer.server.config.ServerConfig;
import java.util.function.UnaryOperator;

/** Starts a dev-mode server on a free loopback port for client compatibility tests. */
final class DevServer {

    static final String ROOT_TOKEN = "coffer-it-root";

    private DevServer() {
    }

    static CofferServer start() {
        return start(UnaryOperator.identity());
    }

    /** A dev server that also has a SigV4 access key, for the AWS door. */
    static CofferServer withAccessKey(String keyId, String secret) {
        return start(b -> b.devAccessKey(keyId, secret));
    }

    /** A dev server with settings of the test's choosing on top of the dev ones. */
    static CofferServer start(UnaryOperator<ServerConfig.Builder> settings) {
        ServerConfig config = settings.apply(ServerConfig.builder().dev(true).devRootToken(ROOT_TOKEN).listen("127.0.0.1:0")).build();
        return CofferServer.start(config, c -> {
            throw new IllegalStateException("dev mode uses memory");
        });
    }

    /** A dev server with each auth method of {@code types} enabled at {@code <type>/}. */
    static CofferServer startWithAuthMethods(String... types) {
        CofferServer server = start();
        for (String type : types) {
            server.node().handler().authMounts().mount(type + "/", type, "", java.util.Map.of(),
                    io.coffer.core.mount.MountEntry.MountConfig.DEFAULT);
        }
        return server;
    }
}
