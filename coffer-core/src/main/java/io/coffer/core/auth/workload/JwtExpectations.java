package io.coffer.core.auth.workload;

import java.util.List;
import java.util.Objects;

/**
 * What a verified JWT's registered claims must say. Leeways are seconds with Vault's meaning: 0
 * takes the default (150 for deriving a missing {@code exp} or {@code nbf}, 60 for clock skew), a
 * negative value means no leeway at all.
 *
 * @param issuer                 required {@code iss}, or empty for any
 * @param subject                required {@code sub}, or empty for any
 * @param audiences              {@code aud} must contain one of these; empty for any
 * @param notBeforeLeeway        seconds subtracted from {@code exp} to derive a missing {@code nbf}
 * @param expirationLeeway       seconds added to {@code iat}/{@code nbf} to derive a missing {@code exp}
 * @param clockSkewLeeway        seconds of tolerance on every time check
 * @param allowMissingTimeClaims accept a token with none of {@code exp}, {@code nbf}, {@code iat}
 *                               (legacy Kubernetes service-account tokens have none)
 */
public record JwtExpectations(String issuer, String subject, List<String> audiences, long notBeforeLeeway,
        long expirationLeeway, long clockSkewLeeway, boolean allowMissingTimeClaims) {

    /** Vault's default leeway for deriving a missing {@code exp} or {@code nbf}. */
    public static final long DEFAULT_CLAIM_LEEWAY = 150;
    /** Vault's default clock-skew leeway. */
    public static final long DEFAULT_CLOCK_SKEW_LEEWAY = 60;

    public JwtExpectations {
        issuer = Objects.requireNonNullElse(issuer, "");
        subject = Objects.requireNonNullElse(subject, "");
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
    }

    static long effective(long configured, long fallback) {
        if (configured < 0) {
            return 0;
        }
        return configured == 0 ? fallback : configured;
    }
}
