package io.coffer.core.token;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A token as stored: everything but the token itself, which is kept only as a salted HMAC (the
 * storage key). Fields follow Vault's token lookup vocabulary.
 *
 * @param accessor         public handle for lookup and revocation without the token
 * @param policies         policy names, sorted; {@code root} grants everything
 * @param path             the path that created it, e.g. {@code auth/token/create}
 * @param meta             free-form metadata
 * @param displayName      e.g. {@code root} or {@code token}
 * @param creationTime     epoch seconds
 * @param ttl              seconds granted at creation (Vault's {@code creation_ttl}); 0 means no
 *                         expiry (root tokens)
 * @param explicitMaxTtl   seconds from creation the token can never outlive; 0 means none
 * @param numUses          remaining uses; 0 means unlimited; {@link #LAST_USE_IN_FLIGHT} while the
 *                         request spending the last use runs (the token is revoked after it)
 * @param parentHash       HMAC of the parent token, empty for orphans
 * @param renewable        whether renew is allowed
 * @param period           seconds; 0 when not periodic
 * @param type             {@code service}
 * @param role             the token role it was created against, empty for none
 * @param lastRenewalTime  epoch seconds of the last renewal, 0 when never renewed
 * @param leaseExpireTime  epoch seconds at which the current lease ends; 0 means
 *                         {@code creationTime + ttl} (entries written before renewal existed)
 * @param issuingMountUuid uuid of the auth mount whose login issued the token, empty when the token
 *                         store itself issued it (those tokens are not revoked by disabling a mount)
 * @param boundCidrs       client address blocks the token may be used from (a login's
 *                         {@code token_bound_cidrs}); empty for anywhere
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenEntry(
        @JsonProperty("accessor") String accessor,
        @JsonProperty("policies") List<String> policies,
        @JsonProperty("path") String path,
        @JsonProperty("meta") Map<String, String> meta,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("creation_time") long creationTime,
        @JsonProperty("ttl") long ttl,
        @JsonProperty("explicit_max_ttl") long explicitMaxTtl,
        @JsonProperty("num_uses") int numUses,
        @JsonProperty("parent_hash") String parentHash,
        @JsonProperty("renewable") boolean renewable,
        @JsonProperty("period") long period,
        @JsonProperty("type") String type,
        @JsonProperty("role") String role,
        @JsonProperty("last_renewal_time") long lastRenewalTime,
        @JsonProperty("lease_expire_time") long leaseExpireTime,
        @JsonProperty("issuing_mount_uuid") String issuingMountUuid,
        @JsonProperty("bound_cidrs") List<String> boundCidrs) {

    /** {@link #numUses} of a token whose last use is being spent by a request in flight. */
    public static final int LAST_USE_IN_FLIGHT = -1;

    public TokenEntry {
        policies = List.copyOf(policies);
        meta = meta == null ? Map.of() : Map.copyOf(meta);
        parentHash = parentHash == null ? "" : parentHash;
        role = role == null ? "" : role;
        issuingMountUuid = issuingMountUuid == null ? "" : issuingMountUuid;
        boundCidrs = boundCidrs == null ? List.of() : List.copyOf(boundCidrs);
    }

    /** An entry without a role, renewal or issuing mount, as the first token store wrote them. */
    public TokenEntry(String accessor, List<String> policies, String path, Map<String, String> meta, String displayName,
            long creationTime, long ttl, long explicitMaxTtl, int numUses, String parentHash, boolean renewable,
            long period, String type) {
        this(accessor, policies, path, meta, displayName, creationTime, ttl, explicitMaxTtl, numUses, parentHash,
                renewable, period, type, "", 0, 0, "", List.of());
    }

    /** Epoch second after which the token is invalid, or 0 when it never expires. */
    public long expireTime() {
        if (leaseExpireTime != 0) {
            return leaseExpireTime;
        }
        return ttl == 0 ? 0 : creationTime + ttl;
    }

    public boolean isExpiredAt(long epochSecond) {
        long expires = expireTime();
        return expires != 0 && epochSecond >= expires;
    }

    /** Seconds left at {@code epochSecond}; 0 for tokens that never expire or have expired. */
    public long remainingTtlAt(long epochSecond) {
        long expires = expireTime();
        return expires == 0 ? 0 : Math.max(0, expires - epochSecond);
    }

    /** The TTL of the current lease: granted at creation, or at the last renewal. */
    public long currentLeaseTtl() {
        return lastRenewalTime == 0 ? ttl : Math.max(0, expireTime() - lastRenewalTime);
    }

    /** Whether a request from {@code remoteAddress} may use this token. */
    public boolean allowsClient(String remoteAddress) {
        return boundCidrs.isEmpty() || io.coffer.core.net.CidrBlock.anyContains(boundCidrs, remoteAddress);
    }

    public boolean isRoot() {
        return policies.contains("root");
    }

    public boolean isOrphan() {
        return parentHash.isEmpty();
    }

    /** True while a request spends the token's last use; such a token no longer authenticates. */
    public boolean isLastUseInFlight() {
        return numUses < 0;
    }

    TokenEntry withNumUses(int uses) {
        return new TokenEntry(accessor, policies, path, meta, displayName, creationTime, ttl, explicitMaxTtl, uses,
                parentHash, renewable, period, type, role, lastRenewalTime, leaseExpireTime, issuingMountUuid, boundCidrs);
    }

    TokenEntry withParentHash(String parent) {
        return new TokenEntry(accessor, policies, path, meta, displayName, creationTime, ttl, explicitMaxTtl, numUses,
                parent, renewable, period, type, role, lastRenewalTime, leaseExpireTime, issuingMountUuid, boundCidrs);
    }

    TokenEntry renewedAt(long epochSecond, long leaseTtl) {
        return new TokenEntry(accessor, policies, path, meta, displayName, creationTime, ttl, explicitMaxTtl, numUses,
                parentHash, renewable, period, type, role, epochSecond, epochSecond + leaseTtl, issuingMountUuid, boundCidrs);
    }
}
