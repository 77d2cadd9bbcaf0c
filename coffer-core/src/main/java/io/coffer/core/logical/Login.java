package io.coffer.core.logical;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an auth method's login path returns when credentials check out: the identity and the
 * token it should get. Only the core mints tokens; it applies the mount's and the system's TTL
 * limits to these values.
 *
 * @param displayName shown in token lookups, e.g. {@code approle} or the user name
 * @param policies    policies for the token (the core adds {@code default} unless told not to)
 * @param metadata    copied to the token's {@code meta} and to the response's {@code auth.metadata}
 * @param ttl         requested TTL in seconds; 0 for the mount default
 * @param maxTtl      maximum TTL in seconds; 0 for the mount maximum
 * @param period      seconds; non-zero makes the token periodic
 * @param numUses     uses allowed; 0 for unlimited
 * @param renewable   whether the token may be renewed
 * @param boundCidrs  client addresses the token may be used from; empty for any
 * @param aliasName   the identity's name within the method (role id, user name, subject)
 */
public record Login(String displayName, List<String> policies, Map<String, String> metadata, long ttl, long maxTtl,
        long period, int numUses, boolean renewable, List<String> boundCidrs, String aliasName) {

    public Login {
        Objects.requireNonNull(displayName, "displayName");
        policies = List.copyOf(policies);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        boundCidrs = boundCidrs == null ? List.of() : List.copyOf(boundCidrs);
        aliasName = aliasName == null ? "" : aliasName;
    }

    /** This login with {@code policies} instead of its own. */
    public Login withPolicies(List<String> policies) {
        return new Login(displayName, policies, metadata, ttl, maxTtl, period, numUses, renewable, boundCidrs, aliasName);
    }
}
