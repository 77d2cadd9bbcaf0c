package io.coffer.core.token;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A token as stored: everything but the token itself, which is kept only as a salted HMAC (the
 * storage key). Fields follow Vault's token lookup vocabulary so that the token auth issue can
 * extend this record rather than replace it.
 *
 * @param accessor       public handle for lookup and revocation without the token
 * @param policies       policy names, sorted; {@code root} grants everything
 * @param path           the login path that created it, e.g. {@code auth/token/root}
 * @param meta           free-form metadata
 * @param displayName    e.g. {@code root} or {@code token}
 * @param creationTime   epoch seconds
 * @param ttl            seconds from creation; 0 means no expiry (root tokens)
 * @param explicitMaxTtl seconds; 0 means none
 * @param numUses        remaining uses; 0 means unlimited
 * @param parentHash     HMAC of the parent token, empty for orphans
 * @param renewable      whether renew is allowed
 * @param period         seconds; 0 when not periodic
 * @param type           {@code service}
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
        @JsonProperty("type") String type) {

    public TokenEntry {
        policies = List.copyOf(policies);
        meta = meta == null ? Map.of() : Map.copyOf(meta);
        parentHash = parentHash == null ? "" : parentHash;
    }

    /** Epoch second after which the token is invalid, or 0 when it never expires. */
    public long expireTime() {
        return ttl == 0 ? 0 : creationTime + ttl;
    }

    public boolean isExpiredAt(long epochSecond) {
        return ttl != 0 && epochSecond >= expireTime();
    }

    public boolean isRoot() {
        return policies.contains("root");
    }
}
