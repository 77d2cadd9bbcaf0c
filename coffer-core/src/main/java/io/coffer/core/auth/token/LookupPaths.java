package io.coffer.core.auth.token;

import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Response;
import io.coffer.core.logical.Timestamps;
import io.coffer.core.token.TokenEntry;
import io.coffer.core.token.TokenStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code lookup}, {@code lookup-self}, {@code lookup-accessor} and {@code LIST accessors}. A lookup
 * answers Vault's token data; its {@code id} is the token itself only when the caller presented
 * the token (lookup, lookup-self), never for a lookup by accessor.
 */
final class LookupPaths {

    private final TokenStore tokens;

    LookupPaths(TokenStore tokens) {
        this.tokens = tokens;
    }

    List<PathRoute> routes() {
        return List.of(
                PathRoute.path("accessors/?").on(Operation.LIST, r -> accessors())
                        .synopsis("Lists the accessors of all tokens (sudo)."),
                PathRoute.path("lookup").on(Operation.READ, this::lookup).on(Operation.UPDATE, this::lookup)
                        .synopsis("Looks up a token given in the request, or the caller's own."),
                PathRoute.path("lookup-self").on(Operation.READ, this::lookupSelf).on(Operation.UPDATE, this::lookupSelf)
                        .synopsis("Looks up the calling token."),
                PathRoute.path("lookup-accessor").on(Operation.UPDATE, this::lookupAccessor)
                        .synopsis("Looks up a token by its accessor."));
    }

    private Response accessors() {
        return Response.of(Map.of("keys", tokens.accessors()));
    }

    private Response lookup(EngineRequest r) {
        String token = r.fields().string("token").filter(s -> !s.isEmpty())
                .orElseGet(() -> Caller.of(r, tokens).token());
        TokenEntry entry = tokens.lookupInFlight(token)
                .orElseThrow(() -> new CofferException(CofferException.Kind.PERMISSION_DENIED, "bad token"));
        return Response.of(data(entry, token));
    }

    private Response lookupSelf(EngineRequest r) {
        Caller caller = Caller.of(r, tokens);
        return Response.of(data(caller.entry(), caller.token()));
    }

    private Response lookupAccessor(EngineRequest r) {
        String accessor = r.fields().string("accessor").filter(s -> !s.isEmpty())
                .orElseThrow(() -> CofferException.invalid("missing accessor"));
        TokenEntry entry = tokens.lookupByAccessor(accessor).orElseThrow(() -> CofferException.invalid("invalid accessor"));
        return Response.of(data(entry, ""));
    }

    /** Vault's lookup data, keys in Go's (sorted) order. */
    private Map<String, Object> data(TokenEntry e, String id) {
        long now = tokens.clock().instant().getEpochSecond();
        Map<String, Object> d = new TreeMap<>();
        d.put("accessor", e.accessor());
        d.put("creation_time", e.creationTime());
        d.put("creation_ttl", e.ttl());
        d.put("display_name", e.displayName());
        d.put("entity_id", "");
        d.put("expire_time", e.expireTime() == 0 ? null : Timestamps.rfc3339Nano(Instant.ofEpochSecond(e.expireTime())));
        d.put("explicit_max_ttl", e.explicitMaxTtl());
        d.put("id", id);
        d.put("issue_time", Timestamps.rfc3339Nano(Instant.ofEpochSecond(e.creationTime())));
        if (e.lastRenewalTime() != 0) {
            d.put("last_renewal", Timestamps.rfc3339Nano(Instant.ofEpochSecond(e.lastRenewalTime())));
            d.put("last_renewal_time", e.lastRenewalTime());
        }
        d.put("meta", e.meta().isEmpty() ? null : e.meta());
        d.put("num_uses", e.numUses());
        d.put("orphan", e.isOrphan());
        d.put("path", e.path());
        if (e.period() != 0) {
            d.put("period", e.period());
        }
        d.put("policies", e.policies());
        d.put("renewable", e.renewable() && e.expireTime() != 0);
        if (!e.role().isEmpty()) {
            d.put("role", e.role());
        }
        d.put("ttl", e.remainingTtlAt(now));
        d.put("type", e.type());
        return d;
    }
}
