package io.coffer.core.sys;

import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.RequestData;
import io.coffer.core.logical.Response;
import io.coffer.core.seal.InitResult;
import io.coffer.core.seal.SealStatus;
import io.coffer.core.seal.ShamirSeal;
import io.coffer.core.seal.ShamirShares;
import io.coffer.core.token.TokenStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sys/init}, {@code sys/seal-status}, {@code sys/unseal}, {@code sys/seal},
 * {@code sys/health} and {@code sys/leader}: the endpoints an operator and a load balancer use
 * around the seal. All but {@code sys/seal} answer without a token and while sealed, with Vault's
 * bare (non-envelope) JSON bodies.
 */
final class SealPaths {

    private final ShamirSeal seal;
    private final TokenStore tokens;
    private final ClusterIdentity cluster;
    private final ServerInfo info;
    private final Clock clock;

    SealPaths(ShamirSeal seal, TokenStore tokens, ClusterIdentity cluster, ServerInfo info, Clock clock) {
        this.seal = seal;
        this.tokens = tokens;
        this.cluster = cluster;
        this.info = info;
        this.clock = clock;
    }

    List<PathRoute> routes() {
        return List.of(
                PathRoute.path("init").on(Operation.READ, r -> readInit())
                        .on(Operation.UPDATE, this::initialize)
                        .synopsis("Initializes the server: splits the unseal key and issues the root token."),
                PathRoute.path("seal-status").on(Operation.READ, r -> Response.raw(statusBody(seal.status())))
                        .synopsis("Reports whether the server is sealed and the unseal progress."),
                PathRoute.path("unseal").on(Operation.UPDATE, this::unseal)
                        .synopsis("Submits one unseal key share, or resets the unseal attempt."),
                PathRoute.path("seal").on(Operation.UPDATE, r -> {
                    seal.seal();
                    return Response.empty();
                }).synopsis("Seals the server: key material leaves memory."),
                PathRoute.path("health").on(Operation.READ, this::health)
                        .synopsis("Health for load balancers: status code by state, body always JSON."),
                PathRoute.path("leader").on(Operation.READ, r -> leader())
                        .synopsis("High-availability leader status."));
    }

    private Response readInit() {
        return Response.raw(Map.of("initialized", seal.isInitialized()));
    }

    private Response initialize(EngineRequest r) {
        RequestData f = r.fields();
        for (String unsupported : List.of("pgp_keys", "root_token_pgp_key", "recovery_pgp_keys")) {
            if (f.has(unsupported)) {
                throw CofferException.invalid(unsupported + " is not supported by Coffer");
            }
        }
        if (seal.isInitialized()) {
            throw CofferException.invalid("Vault is already initialized");
        }
        int shares = shareCount(f, "secret_shares");
        int threshold = shareCount(f, "secret_threshold");
        InitResult result = seal.initialize(shares, threshold, () -> tokens.createRoot(Optional.empty()).token());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("keys", result.shares().stream().map(ShamirShares::hex).toList());
        body.put("keys_base64", result.shares().stream().map(ShamirShares::base64).toList());
        body.put("root_token", result.rootToken());
        return Response.raw(body);
    }

    /** A share count as an int, clamped so that out-of-range values reach validation, which explains them. */
    private static int shareCount(RequestData f, String field) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, f.integer(field).orElse(0L)));
    }

    private Response unseal(EngineRequest r) {
        RequestData f = r.fields();
        if (f.bool("reset").orElse(false)) {
            return Response.raw(statusBody(seal.resetUnseal()));
        }
        Optional<String> key = f.string("key").filter(k -> !k.isBlank());
        if (key.isEmpty()) {
            throw CofferException.invalid("'key' must be specified in request body as JSON, or 'reset' set to true");
        }
        return Response.raw(statusBody(seal.submitShare(key.get())));
    }

    Map<String, Object> statusBody(SealStatus s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "shamir");
        body.put("initialized", s.initialized());
        body.put("sealed", s.sealed());
        body.put("t", s.threshold());
        body.put("n", s.shares());
        body.put("progress", s.progress());
        body.put("nonce", s.nonce());
        body.put("version", info.version());
        body.put("build_date", info.buildDate());
        body.put("migration", false);
        if (!s.sealed()) {
            cluster.name().ifPresent(n -> body.put("cluster_name", n));
            cluster.id().ifPresent(id -> body.put("cluster_id", id));
        }
        body.put("recovery_seal", false);
        body.put("storage_type", info.storageType());
        return body;
    }

    private Response health(EngineRequest r) {
        boolean initialized = seal.isInitialized();
        boolean sealed = seal.isSealed();
        int status;
        if (!initialized) {
            status = code(r, "uninitcode", 501);
        } else if (sealed) {
            status = code(r, "sealedcode", 503);
        } else {
            // No standby exists until HA storage lands; every unsealed node is active.
            status = code(r, "activecode", 200);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("initialized", initialized);
        body.put("sealed", sealed);
        body.put("standby", false);
        body.put("performance_standby", false);
        body.put("replication_performance_mode", "disabled");
        body.put("replication_dr_mode", "disabled");
        body.put("server_time_utc", clock.instant().getEpochSecond());
        body.put("version", info.version());
        if (initialized && !sealed) {
            cluster.name().ifPresent(n -> body.put("cluster_name", n));
            cluster.id().ifPresent(id -> body.put("cluster_id", id));
        }
        body.put("enterprise", false);
        body.put("echo_duration_ms", 0);
        body.put("clock_skew_ms", 0);
        return Response.raw(body).withStatus(status);
    }

    private static int code(EngineRequest r, String param, int fallback) {
        Optional<String> v = r.request().queryParam(param);
        // Vault's standbyok/perfstandbyok only matter for standbys, which do not exist yet; the
        // other *code parameters are validated even when they do not apply.
        for (String p : List.of("activecode", "standbycode", "sealedcode", "uninitcode", "drsecondarycode",
                "performancestandbycode", "perfstandbyok", "standbyok", "removedcode", "haunhealthycode")) {
            r.request().queryParam(p).ifPresent(x -> {
                if (!p.endsWith("ok") && !x.matches("\\d{3}")) {
                    throw CofferException.invalid("bad code value for " + p + ": must be a 3-digit HTTP status code");
                }
            });
        }
        return v.map(Integer::parseInt).orElse(fallback);
    }

    private Response leader() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ha_enabled", false);
        body.put("is_self", false);
        body.put("active_time", "0001-01-01T00:00:00Z");
        body.put("leader_address", "");
        body.put("leader_cluster_address", "");
        body.put("performance_standby", false);
        body.put("performance_standby_last_remote_wal", 0);
        return Response.raw(body);
    }
}
