package io.coffer.core.sys;

import io.coffer.core.audit.AuditBroker;
import io.coffer.core.barrier.AesGcmBarrier;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.engine.SecretsEngine;
import io.coffer.core.mount.MountEntry;
import io.coffer.core.mount.MountTable;
import io.coffer.core.policy.PolicyStore;
import io.coffer.core.seal.ShamirSeal;
import io.coffer.core.token.TokenStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The engine mounted at {@code sys/}: seal, health, mounts, keyring and policy endpoints, each family in
 * its own class. It holds no state of its own.
 */
public final class SystemBackend implements SecretsEngine {

    /** Paths that need no token and answer while sealed, as in Vault. */
    private static final Set<String> UNAUTHENTICATED = Set.of("init", "seal-status", "unseal", "health", "leader");

    private final List<PathRoute> routes;
    private final MountEntry mountEntry;

    public SystemBackend(ShamirSeal seal, AesGcmBarrier barrier, TokenStore tokens, MountTable mounts,
            MountTable authMounts, ClusterIdentity cluster, ServerInfo info, Clock clock, PolicyStore policies,
            AuditBroker audit) {
        this.mountEntry = MountPaths.systemMountEntry(UUID.randomUUID().toString(),
                "system_" + UUID.randomUUID().toString().substring(0, 8));
        List<PathRoute> all = new ArrayList<>();
        all.addAll(new SealPaths(seal, tokens, cluster, info, clock).routes());
        all.addAll(new MountPaths(mounts, mountEntry).routes());
        all.addAll(new KeyPaths(barrier).routes());
        all.addAll(new AuthPaths(authMounts, tokens).routes());
        all.addAll(new PolicyPaths(policies, tokens).routes());
        all.addAll(new AuditPaths(audit, tokens).routes());
        this.routes = List.copyOf(all);
    }

    @Override
    public List<PathRoute> routes() {
        return routes;
    }

    public MountEntry mountEntry() {
        return mountEntry;
    }

    /** True for {@code sys/} paths (relative) served without a token, even while sealed, and not audited. */
    public static boolean servesWhileSealed(String relativePath) {
        return UNAUTHENTICATED.contains(relativePath);
    }
}
