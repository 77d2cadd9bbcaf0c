package io.coffer.core.auth.workload;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Checks the registered claims of a verified JWT the way Vault does (its {@code cap/jwt}
 * validator): {@code iss}, {@code sub} and {@code aud} against expectations, then the time claims.
 *
 * <p>At least one of {@code exp}, {@code nbf}, {@code iat} must be present (unless allowed
 * otherwise). A missing {@code exp} is the later of {@code iat} and {@code nbf} plus the expiration
 * leeway; a missing {@code nbf} is {@code iat}, or {@code exp} minus the not-before leeway. Every
 * time check then tolerates the clock-skew leeway.
 */
public final class JwtClaimsCheck {

    private static final BigDecimal LIMIT = BigDecimal.valueOf(1_000_000_000_000_000L);

    private JwtClaimsCheck() {
    }

    public static void check(Map<String, Object> claims, JwtExpectations expected, Instant now) throws InvalidJwtException {
        if (!expected.issuer().isEmpty() && !expected.issuer().equals(claims.get("iss"))) {
            throw InvalidJwtException.invalid("invalid issuer (iss) claim");
        }
        if (!expected.subject().isEmpty() && !expected.subject().equals(claims.get("sub"))) {
            throw InvalidJwtException.invalid("invalid subject (sub) claim");
        }
        List<String> audience = audiences(claims);
        if (!expected.audiences().isEmpty() && expected.audiences().stream().noneMatch(audience::contains)) {
            throw InvalidJwtException.invalid("invalid audience (aud) claim: audience claim does not match any expected audience");
        }

        long iat = seconds(claims, "iat", "issued at (iat)");
        long exp = seconds(claims, "exp", "expiration time (exp)");
        long nbf = seconds(claims, "nbf", "not before (nbf)");
        if (iat == 0 && exp == 0 && nbf == 0) {
            if (expected.allowMissingTimeClaims()) {
                return;
            }
            throw InvalidJwtException.invalid("no issued at (iat), not before (nbf), or expiration time (exp) claims in token");
        }
        if (exp == 0) {
            exp = Math.max(iat, nbf) + JwtExpectations.effective(expected.expirationLeeway(), JwtExpectations.DEFAULT_CLAIM_LEEWAY);
        }
        if (nbf == 0) {
            nbf = iat != 0 ? iat
                    : exp - JwtExpectations.effective(expected.notBeforeLeeway(), JwtExpectations.DEFAULT_CLAIM_LEEWAY);
        }
        long skew = JwtExpectations.effective(expected.clockSkewLeeway(), JwtExpectations.DEFAULT_CLOCK_SKEW_LEEWAY);
        if (now.plusSeconds(skew).isBefore(Instant.ofEpochSecond(nbf))) {
            throw InvalidJwtException.invalid("invalid not before (nbf) claim: token not yet valid");
        }
        if (now.minusSeconds(skew).isAfter(Instant.ofEpochSecond(exp))) {
            throw InvalidJwtException.invalid("invalid expiration time (exp) claim: token is expired");
        }
        if (iat != 0 && now.plusSeconds(skew).isBefore(Instant.ofEpochSecond(iat))) {
            throw InvalidJwtException.invalid("invalid issued at (iat) claim: token issued in the future");
        }
    }

    /** The {@code aud} claim as a list: a single string is a list of one, a missing claim is empty. */
    public static List<String> audiences(Map<String, Object> claims) throws InvalidJwtException {
        Object aud = claims.get("aud");
        if (aud == null) {
            return List.of();
        }
        if (aud instanceof String s) {
            return List.of(s);
        }
        if (aud instanceof Collection<?> c) {
            List<String> out = new ArrayList<>();
            for (Object o : c) {
                if (!(o instanceof String s)) {
                    throw InvalidJwtException.invalid("invalid audience (aud) claim: it must be a string or a list of strings");
                }
                out.add(s);
            }
            return out;
        }
        throw InvalidJwtException.invalid("invalid audience (aud) claim: it must be a string or a list of strings");
    }

    /** A NumericDate claim in whole seconds (fractions dropped, as Vault does); 0 when absent. */
    private static long seconds(Map<String, Object> claims, String name, String description) throws InvalidJwtException {
        Object v = claims.get(name);
        if (v == null) {
            return 0;
        }
        if (!(v instanceof Number n)) {
            throw InvalidJwtException.invalid("invalid " + description + " claim: it must be a number of seconds");
        }
        try {
            // Clamped so that absurd values stay comparable instead of overflowing Instant.
            BigDecimal value = new BigDecimal(n.toString()).max(LIMIT.negate()).min(LIMIT);
            return value.longValue();
        } catch (NumberFormatException e) {
            throw InvalidJwtException.invalid("invalid " + description + " claim: it must be a number of seconds");
        }
    }
}
