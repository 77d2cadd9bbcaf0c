package io.coffer.core.node;

import io.coffer.core.audit.AuditBroker;
import io.coffer.core.audit.file.FileAuditDeviceFactory;
import io.coffer.core.auth.sigv4.AccessKey;
import io.coffer.core.auth.sigv4.AccessKeyStore;
import io.coffer.core.auth.sigv4.Sigv4AuthFactory;
import io.coffer.core.aws.AwsRequestHandler;
import io.coffer.core.aws.SecretsManagerOperations;
import io.coffer.core.aws.secrets.SecretsManagerService;
import io.coffer.core.aws.secrets.SecretsSettings;
import io.coffer.core.barrier.AesGcmBarrier;
import io.coffer.core.barrier.DecodedCache;
import io.coffer.core.engine.SecretsEngineFactory;
import io.coffer.core.engine.kv.KvV2Engine;
import io.coffer.core.handler.RequestHandler;
import io.coffer.core.logical.Operation;
import io.coffer.core.mount.EngineRegistry;
import io.coffer.core.mount.MountEntry;
import io.coffer.core.mount.MountTable;
import io.coffer.core.policy.AclAuthorizer;
import io.coffer.core.policy.PolicyStore;
import io.coffer.core.router.Router;
import io.coffer.core.seal.InitResult;
import io.coffer.core.seal.ShamirSeal;
import io.coffer.core.seal.ShamirShares;
import io.coffer.core.storage.StorageBackend;
import io.coffer.core.sys.ClusterIdentity;
import io.coffer.core.sys.ServerInfo;
import io.coffer.core.sys.MetricsSource;
import io.coffer.core.sys.SystemBackend;
import io.coffer.core.token.TokenStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Wires one Coffer node from its parts and owns their lifecycle. It holds references, not logic:
 * requests go to {@link #handler()}, and each part lives in its own package behind a narrow
 * interface. Front doors (HTTP adapters, tests) build a node with {@link #builder(StorageBackend)}.
 */
public final class CofferNode implements AutoCloseable {

    private final StorageBackend storage;
    private final ShamirSeal seal;
    private final TokenStore tokens;
    private final PolicyStore policies;
    private final MountTable mounts;
    private final MountTable authMounts;
    private final RequestHandler handler;
    private final AwsRequestHandler awsHandler;
    /** Decoded access keys of the sigv4 method (secret material: cleared before sealing). */
    private final DecodedCache<AccessKey> accessKeyCache = AccessKeyStore.newCache();
    private final AuditBroker audit;
    private final SecretsManagerService secretsManager;
    private final Clock clock;

    private CofferNode(Builder b) {
        this.storage = b.storage;
        this.clock = b.clock;
        AesGcmBarrier barrier = new AesGcmBarrier(storage, b.clock);
        this.seal = new ShamirSeal(storage, barrier);
        EngineRegistry engines = new EngineRegistry();
        b.engines.forEach(engines::register);
        ClusterIdentity cluster = new ClusterIdentity(barrier);
        this.tokens = new TokenStore(barrier, b.clock);
        this.policies = new PolicyStore(barrier);
        this.mounts = new MountTable(barrier, engines);
        EngineRegistry authMethods = new EngineRegistry();
        b.authMethods.forEach(authMethods::register);
        b.tokenStoreAuthMethods.forEach(f -> authMethods.register(f.apply(tokens)));
        List<MountTable.Builtin> builtinAuth = new ArrayList<>();
        if (authMethods.find("token").isPresent()) {
            builtinAuth.add(new MountTable.Builtin("token/", "token", "token based credentials"));
        }
        if (authMethods.find(Sigv4AuthFactory.TYPE).isPresent()) {
            builtinAuth.add(new MountTable.Builtin(Sigv4AuthFactory.PATH, Sigv4AuthFactory.TYPE,
                    "AWS SigV4 access keys for the Secrets Manager API"));
        }
        this.authMounts = new MountTable(MountTable.Kind.AUTH, barrier, authMethods, builtinAuth);
        seal.addListener(cluster);
        seal.addListener(tokens);
        seal.addListener(policies);
        seal.addListener(mounts);
        seal.addListener(authMounts);
        tokens.useIssuingMounts(authMounts::byUuid);
        tokens.useSudoCheck((entry, path) -> policies.acl(entry.policies()).evaluate(Operation.READ, path, Map.of()).sudo());
        this.audit = new AuditBroker(barrier, b.clock, List.of(new FileAuditDeviceFactory(b.clock)));
        seal.addListener(audit);
        SecretsSettings aws = b.awsSecrets;
        this.secretsManager = new SecretsManagerService(aws, () -> mounts.match(aws.mount())
                .filter(m -> m.relativePath().isEmpty() && m.mount().engine() instanceof KvV2Engine)
                .map(m -> ((KvV2Engine) m.mount().engine()).store()), b.clock);
        seal.addListener(secretsManager.purger());
        SystemBackend system = new SystemBackend(seal, barrier, tokens, mounts, authMounts, cluster, b.info, b.clock,
                policies, audit, Optional.ofNullable(b.metrics), b.unauthenticatedMetrics);
        AclAuthorizer authorizer = new AclAuthorizer(policies, p -> mounts.match(p).map(m -> m.mount().entry().path()));
        this.handler = new RequestHandler(seal, tokens, authorizer, new Router(mounts, authMounts), system, authMounts,
                audit, b.clock);
        this.awsHandler = new AwsRequestHandler(seal::isServing, id -> accessKeys().flatMap(keys -> keys.find(id)),
                authorizer, audit, b.secretsManagerOverride == null ? secretsManager : b.secretsManagerOverride.apply(mounts),
                aws.region(), b.clock);
        seal.addListener(new ShamirSeal.Listener() {
            @Override
            public void afterUnseal() {
                // Nothing to load: keys are decoded and signing keys derived on first use.
            }

            @Override
            public void beforeSeal() {
                accessKeyCache.clear();
                awsHandler.forgetSigningKeys();
            }
        });
    }

    /** The access keys of the built-in {@code sigv4} auth method; empty while sealed or when the method is not registered. */
    private Optional<AccessKeyStore> accessKeys() {
        return authMounts.match(Sigv4AuthFactory.PATH)
                .filter(m -> m.relativePath().isEmpty() && m.mount().entry().type().equals(Sigv4AuthFactory.TYPE))
                .map(m -> new AccessKeyStore(m.mount().storage(), accessKeyCache));
    }

    public static Builder builder(StorageBackend storage) {
        return new Builder(storage);
    }

    public RequestHandler handler() {
        return handler;
    }

    /** The AWS Secrets Manager door's request path. */
    public AwsRequestHandler awsHandler() {
        return awsHandler;
    }

    public ShamirSeal seal() {
        return seal;
    }

    /** The token store, for front doors and tests that mint tokens directly. */
    public TokenStore tokens() {
        return tokens;
    }

    /** The ACL policy store. */
    public PolicyStore policies() {
        return policies;
    }

    /** The AWS Secrets Manager operations over the KV mount the settings name. */
    public SecretsManagerOperations secretsManager() {
        return secretsManager;
    }

    /** The audit devices, for front doors that rotate audit files (SIGHUP). */
    public AuditBroker audit() {
        return audit;
    }

    /**
     * Dev mode: initializes with one share, stays unsealed, issues the root token (with the given
     * id when present) and mounts KV version 2 at {@code secret/}.
     */
    public DevCredentials startDev(Optional<String> rootTokenId) {
        return startDev(rootTokenId, Optional.empty());
    }

    /**
     * Dev mode as {@link #startDev(Optional)}, and also creates the given access key with the
     * {@code root} policy for the AWS door (the {@code sigv4} method must be registered).
     */
    public DevCredentials startDev(Optional<String> rootTokenId, Optional<DevAccessKey> accessKey) {
        String[] token = new String[1];
        InitResult result = seal.initializeUnsealed(1, 1, () -> {
            token[0] = tokens.createRoot(rootTokenId).token();
            mounts.mount("secret/", "kv", "key/value secret storage", Map.of("version", "2"), MountEntry.MountConfig.DEFAULT);
            accessKey.ifPresent(k -> accessKeys()
                    .orElseThrow(() -> new IllegalStateException("the sigv4 auth method is not registered"))
                    .put(new AccessKey(k.accessKeyId(), k.secretAccessKey(), List.of("root"), "dev mode root access key",
                            clock.instant().getEpochSecond(), 0)));
            return token[0];
        });
        return new DevCredentials(ShamirShares.base64(result.shares().get(0)), result.rootToken());
    }

    @Override
    public void close() {
        seal.seal();
        storage.close();
    }

    /** Builds a {@link CofferNode}. */
    public static final class Builder {
        private final StorageBackend storage;
        private Clock clock = Clock.systemUTC();
        private ServerInfo info = new ServerInfo("0.0.0", "", "inmem");
        private SecretsSettings awsSecrets = SecretsSettings.DEFAULT;
        private final List<SecretsEngineFactory> engines = new ArrayList<>();
        private final List<SecretsEngineFactory> authMethods = new ArrayList<>();
        private final List<Function<TokenStore, SecretsEngineFactory>> tokenStoreAuthMethods = new ArrayList<>();
        /**
         * THE place the AWS door takes its operations from. Until the real operations
         * (io.coffer.core.aws.secrets.SecretsManagerService) are merged, every operation is unknown.
         */
        private Function<MountTable, SecretsManagerOperations> secretsManagerOverride;
        private MetricsSource metrics;
        private boolean unauthenticatedMetrics;

        private Builder(StorageBackend storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder info(ServerInfo info) {
            this.info = Objects.requireNonNull(info, "info");
            return this;
        }

        /** Which KV mount the AWS door serves and the region and account in its ARNs. */
        public Builder awsSecrets(SecretsSettings settings) {
            this.awsSecrets = Objects.requireNonNull(settings, "settings");
            return this;
        }

        public Builder engine(SecretsEngineFactory factory) {
            engines.add(factory);
            return this;
        }

        /** Adds an auth method type that can be enabled under {@code auth/}. */
        public Builder authMethod(SecretsEngineFactory factory) {
            authMethods.add(factory);
            return this;
        }

        /**
         * Adds an auth method type that works on the node's token store (the token auth method),
         * created once the store exists.
         */
        public Builder authMethod(Function<TokenStore, SecretsEngineFactory> factory) {
            tokenStoreAuthMethods.add(factory);
            return this;
        }

        /**
         * Replaces the Secrets Manager operations the AWS door runs (by default the node's
         * {@link SecretsManagerService} over its KV mount), for tests of the door on its own.
         */
        public Builder secretsManager(Function<MountTable, SecretsManagerOperations> factory) {
            this.secretsManagerOverride = Objects.requireNonNull(factory, "secretsManager");
            return this;
        }

        /**
         * Serves {@code sys/metrics} from {@code source}: to tokens with {@code read} on
         * {@code sys/metrics}, or to anyone, even while sealed and unaudited, when
         * {@code unauthenticated} (Vault's {@code unauthenticated_metrics_access}). Without it the
         * node has no {@code sys/metrics}.
         */
        public Builder metrics(MetricsSource source, boolean unauthenticated) {
            this.metrics = Objects.requireNonNull(source, "source");
            this.unauthenticatedMetrics = unauthenticated;
            return this;
        }

        public CofferNode build() {
            return new CofferNode(this);
        }
    }
}
