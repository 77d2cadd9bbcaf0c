package io.coffer.core.auth.approle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.coffer.core.logical.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A secret ID's properties as stored under the HMAC of the secret ID. The secret ID itself is
 * never stored.
 *
 * @param accessor        public handle for lookup and destruction without the secret ID
 * @param numUses         logins left; 0 for unlimited
 * @param ttl             the TTL asked for, seconds (0: none); shown by lookups
 * @param creationTime    when it was issued
 * @param expirationTime  when it stops working; null when it never does
 * @param lastUpdatedTime when a login last counted a use
 * @param metadata        copied to the token's metadata at login
 * @param cidrList        where logins with it may come from; empty for anywhere
 * @param tokenBoundCidrs replaces the role's {@code token_bound_cidrs} for its tokens when not empty
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SecretIdEntry(
        @JsonProperty("secret_id_accessor") String accessor,
        @JsonProperty("secret_id_num_uses") int numUses,
        @JsonProperty("secret_id_ttl") long ttl,
        @JsonProperty("creation_time") Instant creationTime,
        @JsonProperty("expiration_time") Instant expirationTime,
        @JsonProperty("last_updated_time") Instant lastUpdatedTime,
        @JsonProperty("metadata") Map<String, String> metadata,
        @JsonProperty("cidr_list") List<String> cidrList,
        @JsonProperty("token_bound_cidrs") List<String> tokenBoundCidrs) {

    /** Go's zero time, which Vault shows as the expiration of a secret ID that never expires. */
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    SecretIdEntry {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        cidrList = cidrList == null ? List.of() : List.copyOf(cidrList);
        tokenBoundCidrs = tokenBoundCidrs == null ? List.of() : List.copyOf(tokenBoundCidrs);
    }

    boolean isExpiredAt(Instant now) {
        return expirationTime != null && !now.isBefore(expirationTime);
    }

    /** The same entry with one use fewer, as of {@code now}. */
    SecretIdEntry withOneUseLess(Instant now) {
        return new SecretIdEntry(accessor, numUses - 1, ttl, creationTime, expirationTime, now, metadata, cidrList,
                tokenBoundCidrs);
    }

    /** The body of {@code secret-id/lookup} and {@code secret-id-accessor/lookup}, keys in Vault's (sorted) order. */
    Map<String, Object> render() {
        Map<String, Object> m = new TreeMap<>();
        m.put("cidr_list", cidrList);
        m.put("creation_time", Timestamps.rfc3339Nano(creationTime));
        m.put("expiration_time", expirationTime == null ? ZERO_TIME : Timestamps.rfc3339Nano(expirationTime));
        m.put("last_updated_time", Timestamps.rfc3339Nano(lastUpdatedTime));
        m.put("metadata", new TreeMap<>(metadata));
        m.put("secret_id_accessor", accessor);
        m.put("secret_id_num_uses", numUses);
        m.put("secret_id_ttl", ttl);
        m.put("token_bound_cidrs", tokenBoundCidrs);
        return m;
    }
}
