package io.coffer.core.auth.sigv4;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * An access key as stored. The secret is a credential: it is returned once, by the request that
 * creates the key, and otherwise only to the SigV4 verifier. {@link #toString()} omits it.
 *
 * @param id           the access key id, e.g. {@code AKIA...}
 * @param secret       the secret access key
 * @param policies     ACL policy names, normalized; {@code root} only for dev mode's key
 * @param description  free text
 * @param creationTime epoch seconds
 * @param expireTime   epoch seconds after which the key is refused; 0 for never
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccessKey(
        @JsonProperty("id") String id,
        @JsonProperty("secret") String secret,
        @JsonProperty("policies") List<String> policies,
        @JsonProperty("description") String description,
        @JsonProperty("creation_time") long creationTime,
        @JsonProperty("expire_time") long expireTime) {

    public AccessKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
        policies = policies == null ? List.of() : List.copyOf(policies);
        description = description == null ? "" : description;
    }

    public boolean isExpiredAt(long epochSecond) {
        return expireTime != 0 && epochSecond >= expireTime;
    }

    @Override
    public String toString() {
        return "AccessKey[" + id + " policies=" + policies + "]";
    }
}
