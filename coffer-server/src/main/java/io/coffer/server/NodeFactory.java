package io.coffer.server;

import io.coffer.core.auth.approle.AppRoleEngineFactory;
import io.coffer.core.auth.jwt.JwtAuthFactory;
import io.coffer.core.auth.kubernetes.KubernetesAuthFactory;
import io.coffer.core.auth.sigv4.Sigv4AuthFactory;
import io.coffer.core.auth.token.TokenAuthFactory;
import io.coffer.core.auth.userpass.UserpassEngineFactory;
import io.coffer.core.engine.kv.KvEngineFactory;
import io.coffer.core.node.CofferNode;
import io.coffer.core.ratelimit.LoginWorkPool;
import io.coffer.core.storage.StorageBackend;
import io.coffer.core.sys.ServerInfo;

/** Builds a node with every engine this server ships. */
final class NodeFactory {

    private NodeFactory() {
    }

    /**
     * Every engine this server ships; tests may plug other Secrets Manager operations into the builder.
     *
     * @param loginWork where the auth methods run the CPU-heavy steps of logins
     */
    static CofferNode.Builder builder(StorageBackend storage, ServerInfo info, LoginWorkPool loginWork) {
        return CofferNode.builder(storage)
                .info(info)
                .engine(new KvEngineFactory())
                .authMethod(TokenAuthFactory::new)
                .authMethod(JwtAuthFactory.jwt(loginWork))
                .authMethod(JwtAuthFactory.oidc(loginWork))
                .authMethod(new KubernetesAuthFactory(loginWork))
                .authMethod(new AppRoleEngineFactory())
                .authMethod(new UserpassEngineFactory(loginWork))
                .authMethod(new Sigv4AuthFactory(java.time.Clock.systemUTC()));
    }
}
