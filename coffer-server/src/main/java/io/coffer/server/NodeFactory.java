package io.coffer.server;

import io.coffer.core.auth.approle.AppRoleEngineFactory;
import io.coffer.core.auth.jwt.JwtAuthFactory;
import io.coffer.core.auth.kubernetes.KubernetesAuthFactory;
import io.coffer.core.auth.sigv4.Sigv4AuthFactory;
import io.coffer.core.auth.token.TokenAuthFactory;
import io.coffer.core.auth.userpass.UserpassEngineFactory;
import io.coffer.core.engine.kv.KvEngineFactory;
import io.coffer.core.node.CofferNode;
import io.coffer.core.storage.StorageBackend;
import io.coffer.core.sys.ServerInfo;

/** Builds a node with every engine this server ships. */
final class NodeFactory {

    private NodeFactory() {
    }

    static CofferNode create(StorageBackend storage, ServerInfo info) {
        return builder(storage, info).build();
    }

    /** Every engine this server ships; tests may plug other Secrets Manager operations into the builder. */
    static CofferNode.Builder builder(StorageBackend storage, ServerInfo info) {
        return CofferNode.builder(storage)
                .info(info)
                .engine(new KvEngineFactory())
                .authMethod(TokenAuthFactory::new)
                .authMethod(JwtAuthFactory.jwt())
                .authMethod(JwtAuthFactory.oidc())
                .authMethod(new KubernetesAuthFactory())
                .authMethod(new AppRoleEngineFactory())
                .authMethod(new UserpassEngineFactory())
                .authMethod(new Sigv4AuthFactory(java.time.Clock.systemUTC()));
    }
}
