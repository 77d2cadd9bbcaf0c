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
import java.util.Optional;
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
    private final boolean unauthenticatedMetrics;

    /**
     * @param metrics                what {@code sys/metrics} serves; without it the path does not exist
     * @param unauthenticatedMetrics serve {@code sys/metrics} without a token, even while sealed, as
     *                               Vault's {@code unauthenticated_metrics_access}
     */
    public SystemBackend(ShamirSeal seal, AesGcmBarrier barrier, TokenStore tokens, MountTable mounts,
            MountTable authMounts, ClusterIdentity cluster, ServerInfo info, Clock clock, PolicyStore policies,
            AuditBroker audit, Optional<MetricsSource> metrics, boolean unauthenticatedMetrics) {
        this.mountEntry = MountPaths.systemMountEntry(UUID.randomUUID().toString(),
                "system_" + UUID.randomUUID().toString().substring(0, 8));
        List<PathRoute> all = new ArrayList<>();
        all.addAll(new SealPaths(seal, tokens, cluster, info, clock).routes());
        all.addAll(new MountPaths(mounts, mountEntry).routes());
        all.addAll(new KeyPaths(barrier).routes());
        all.addAll(new AuthPaths(authMounts, tokens).routes());
        all.addAll(new PolicyPaths(policies, tokens).routes());
        all.addAll(new AuditPaths(audit, tokens).routes());
        metrics.ifPresent(m -> all.addAll(new MetricsPaths(m).routes()));
        this.routes = List.copyOf(all);
        this.unauthenticatedMetrics = unauthenticatedMetrics && metrics.isPresent();
    }

    @Override
    public List<PathRoute> routes() {
        return routes;
    }

    public MountEntry mountEntry() {
        return mountEntry;
    }

    /**
     * True for {@code sys/} paths (relative) served without a token, even while sealed, and not
     * audited: Vault's unauthenticated endpoints, and {@code sys/metrics} when the server was told
     * to serve it so ({@code --unauthenticated-metrics}).
     */
    public boolean servesUnauthenticated(String relativePath) {
        return UNAUTHENTICATED.contains(relativePath) || unauthenticatedMetrics && MetricsPaths.PATH.equals(relativePath);
    }
}
