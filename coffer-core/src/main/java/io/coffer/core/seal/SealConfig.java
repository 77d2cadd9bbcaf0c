package io.coffer.core.seal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the unseal key was split; not secret, stored in the clear at {@value #PATH} so that
 * {@code sys/seal-status} can answer while sealed.
 *
 * @param type            {@code shamir}
 * @param secretShares    number of shares handed out
 * @param secretThreshold shares needed to unseal
 */
public record SealConfig(
        @JsonProperty("type") String type,
        @JsonProperty("secret_shares") int secretShares,
        @JsonProperty("secret_threshold") int secretThreshold) {

    public static final String PATH = "core/seal/config";
}
