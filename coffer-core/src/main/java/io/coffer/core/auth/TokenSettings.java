package io.coffer.core.auth;

import io.coffer.core.error.ClientText;
import io.coffer.core.net.CidrBlock;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Login;
import io.coffer.core.logical.RequestData;
import io.coffer.core.policy.PolicyNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code token_*} settings of an AppRole role or a userpass user: what the token of a login
 * gets. Field names, defaults, validation messages and the read rendering are Vault's
 * ({@code tokenutil}). Stored as JSON inside the role or user.
 *
 * <p>Some methods still accept deprecated names for a few fields ({@code policies} for
 * {@code token_policies}, ...). As in Vault, a deprecated name sets the new field too, and a read
 * shows the deprecated name as long as the last write that set the value used it;
 * {@link #legacyFields} remembers which.
 *
 * @param policies        policies of the token (the core adds {@code default})
 * @param ttl             seconds; 0 for the mount default
 * @param maxTtl          seconds; 0 for the mount maximum
 * @param explicitMaxTtl  seconds; a hard cap, 0 for none
 * @param period          seconds; non-zero makes the token periodic
 * @param numUses         uses of the token; 0 for unlimited
 * @param boundCidrs      where the token may be used from, canonical blocks; empty for anywhere
 * @param noDefaultPolicy always false: Coffer cannot yet mint tokens without {@code default}
 * @param type            {@code default} or {@code service} (Coffer mints service tokens only)
 * @param legacyFields    deprecated field names the current values were set through
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenSettings(
        @JsonProperty("token_policies") List<String> policies,
        @JsonProperty("token_ttl") long ttl,
        @JsonProperty("token_max_ttl") long maxTtl,
        @JsonProperty("token_explicit_max_ttl") long explicitMaxTtl,
        @JsonProperty("token_period") long period,
        @JsonProperty("token_num_uses") int numUses,
        @JsonProperty("token_bound_cidrs") List<String> boundCidrs,
        @JsonProperty("token_no_default_policy") boolean noDefaultPolicy,
        @JsonProperty("token_type") String type,
        @JsonProperty("legacy_fields") Set<String> legacyFields) {

    public static final TokenSettings DEFAULT = new TokenSettings(List.of(), 0, 0, 0, 0, 0, List.of(), false, "default",
            Set.of());

    public TokenSettings {
        policies = policies == null ? List.of() : List.copyOf(policies);
        boundCidrs = boundCidrs == null ? List.of() : List.copyOf(boundCidrs);
        type = type == null || type.isEmpty() ? "default" : type;
        legacyFields = legacyFields == null ? Set.of() : Set.copyOf(legacyFields);
    }

    /** Vault's system maximum TTL (768 hours), which applies where a mount sets none; the token store uses the same. */
    public static final long SYSTEM_MAX_TTL_SECONDS = 768L * 3600;

    /** The longest TTL the mount allows: its {@code max_lease_ttl}, or the system maximum when it sets none. */
    public static long mountMaxTtl(io.coffer.core.mount.MountEntry mount) {
        long max = mount.config().maxLeaseTtl();
        return max == 0 ? SYSTEM_MAX_TTL_SECONDS : max;
    }

    /** A deprecated request field that sets a {@code token_*} field, e.g. {@code policies} for {@code token_policies}. */
    public record Alias(String deprecated, String current) {
    }

    /**
     * These settings with the fields present in {@code f} applied, as a write to a role or user
     * does; absent fields keep their value. Throws {@code INVALID_REQUEST} naming the first bad
     * field; adds Vault's warnings to {@code warnings}.
     */
    public TokenSettings update(RequestData f, List<Alias> aliases, List<String> warnings) {
        Set<String> legacy = new TreeSet<>(legacyFields);
        List<String> pols = policies;
        long ttlV = ttl;
        long maxV = maxTtl;
        long periodV = period;
        List<String> cidrs = boundCidrs;

        String deprecatedPolicies = deprecatedOf("token_policies", aliases);
        boolean onlyDeprecatedPolicies = !f.has("token_policies") && deprecatedPolicies != null && f.has(deprecatedPolicies);
        Optional<List<String>> p = valueOf(f, "token_policies", aliases, legacy);
        if (p.isPresent()) {
            pols = policyList(p.get(), onlyDeprecatedPolicies);
        }
        Optional<Long> t = durationOf(f, "token_ttl", aliases, legacy);
        if (t.isPresent()) {
            ttlV = t.get();
        }
        Optional<Long> m = durationOf(f, "token_max_ttl", aliases, legacy);
        if (m.isPresent()) {
            maxV = m.get();
        }
        Optional<Long> per = durationOf(f, "token_period", aliases, legacy);
        if (per.isPresent()) {
            periodV = per.get();
        }
        Optional<List<String>> c = valueOf(f, "token_bound_cidrs", aliases, legacy);
        if (c.isPresent()) {
            cidrs = CidrBlock.validate("token_bound_cidrs", c.get(), true);
        }
        long explicitMax = f.durationSeconds("token_explicit_max_ttl").orElse(explicitMaxTtl);
        int uses = intField(f, "token_num_uses").orElse(numUses);
        boolean noDefault = f.bool("token_no_default_policy").orElse(noDefaultPolicy);
        String typeV = f.string("token_type").map(s -> tokenType(s, warnings)).orElse(type);

        if (ttlV < 0) {
            throw CofferException.invalid("'token_ttl' cannot be negative");
        }
        if (maxV < 0) {
            throw CofferException.invalid("'token_max_ttl' cannot be negative");
        }
        if (periodV < 0) {
            throw CofferException.invalid("'token_period' cannot be negative");
        }
        if (explicitMax < 0) {
            throw CofferException.invalid("'token_explicit_max_ttl' cannot be negative");
        }
        if (uses < 0) {
            throw CofferException.invalid("'token_num_uses' cannot be negative");
        }
        if (ttlV > 0 && maxV > 0 && ttlV > maxV) {
            throw CofferException.invalid("'token_ttl' cannot be greater than 'token_max_ttl'");
        }
        if (noDefault) {
            // The token store always adds "default"; silently granting it would give the token
            // more than the operator asked for.
            throw CofferException.invalid("'token_no_default_policy' is not supported yet: every token Coffer issues "
                    + "carries the default policy");
        }
        return new TokenSettings(pols, ttlV, maxV, explicitMax, periodV, uses, cidrs, false, typeV, legacy);
    }

    /** Adds the {@code token_*} fields (and deprecated names in use) to a read response, as Vault renders them. */
    public void render(Map<String, Object> out, List<Alias> aliases) {
        out.put("token_bound_cidrs", boundCidrs);
        out.put("token_explicit_max_ttl", explicitMaxTtl);
        out.put("token_max_ttl", maxTtl);
        out.put("token_no_default_policy", noDefaultPolicy);
        out.put("token_num_uses", numUses);
        out.put("token_period", period);
        out.put("token_policies", policies);
        out.put("token_ttl", ttl);
        out.put("token_type", type);
        for (Alias a : aliases) {
            if (legacyFields.contains(a.deprecated()) && out.containsKey(a.current())) {
                out.put(a.deprecated(), out.get(a.current()));
            }
        }
    }

    /**
     * The login these settings grant. The maximum TTL is the stricter of {@code token_max_ttl} and
     * {@code token_explicit_max_ttl}; {@code tokenBoundCidrs} replaces the settings' own CIDRs when
     * not empty (an AppRole secret ID may narrow them).
     */
    public Login login(String displayName, Map<String, String> metadata, String aliasName, List<String> tokenBoundCidrs) {
        List<String> tokenPolicies;
        try {
            tokenPolicies = PolicyNames.normalizeAll(policies);
        } catch (CofferException storedBeforeValidation) {
            throw CofferException.permissionDenied();
        }
        if (tokenPolicies.contains(PolicyNames.ROOT)) {
            // Stored settings never contain it (update refuses it); this guards older or edited data.
            throw CofferException.permissionDenied();
        }
        long max = maxTtl == 0 ? explicitMaxTtl : explicitMaxTtl == 0 ? maxTtl : Math.min(maxTtl, explicitMaxTtl);
        List<String> cidrs = tokenBoundCidrs.isEmpty() ? boundCidrs : tokenBoundCidrs;
        return new Login(displayName, tokenPolicies, metadata, ttl, max, period, numUses, true, cidrs, aliasName);
    }

    /** An integer field that must fit an {@code int}; a larger value is a 400 naming the field. */
    public static Optional<Integer> intField(RequestData f, String field) {
        Optional<Long> v = f.integer(field);
        if (v.isPresent() && (v.get() > Integer.MAX_VALUE || v.get() < Integer.MIN_VALUE)) {
            throw CofferException.invalid("field \"" + field + "\" is out of range");
        }
        return v.map(Long::intValue);
    }

    /** The value of {@code current}, or of its deprecated alias when only that is given; tracks which was used. */
    private static Optional<List<String>> valueOf(RequestData f, String current, List<Alias> aliases, Set<String> legacy) {
        String deprecated = deprecatedOf(current, aliases);
        boolean hasCurrent = f.has(current);
        boolean hasDeprecated = deprecated != null && f.has(deprecated);
        track(deprecated, hasCurrent, hasDeprecated, legacy);
        if (hasCurrent) {
            return f.stringList(current);
        }
        return hasDeprecated ? f.stringList(deprecated) : Optional.empty();
    }

    private static Optional<Long> durationOf(RequestData f, String current, List<Alias> aliases, Set<String> legacy) {
        String deprecated = deprecatedOf(current, aliases);
        boolean hasCurrent = f.has(current);
        boolean hasDeprecated = deprecated != null && f.has(deprecated);
        track(deprecated, hasCurrent, hasDeprecated, legacy);
        if (hasCurrent) {
            return f.durationSeconds(current);
        }
        return hasDeprecated ? f.durationSeconds(deprecated) : Optional.empty();
    }

    private static void track(String deprecated, boolean hasCurrent, boolean hasDeprecated, Set<String> legacy) {
        if (deprecated == null || (!hasCurrent && !hasDeprecated)) {
            return;
        }
        if (hasDeprecated) {
            legacy.add(deprecated);
        } else {
            legacy.remove(deprecated);
        }
    }

    private static String deprecatedOf(String current, List<Alias> aliases) {
        return aliases.stream().filter(a -> a.current().equals(current)).map(Alias::deprecated).findFirst().orElse(null);
    }

    /**
     * Policy names normalized by {@link PolicyNames} (an invalid name is a 400), without blanks
     * and duplicates: in the order given, or sorted for the deprecated {@code policies} field as
     * Vault's policy parser does. {@code root} is refused: an auth method must never mint a root
     * token.
     */
    static List<String> policyList(List<String> given, boolean legacy) {
        List<String> names = PolicyNames.normalizeAll(given);
        if (names.contains(PolicyNames.ROOT)) {
            throw CofferException.invalid("the \"root\" policy cannot be granted through an auth method");
        }
        return legacy ? List.copyOf(new TreeSet<>(names)) : names;
    }

    private static String tokenType(String given, List<String> warnings) {
        return switch (given) {
            case "", "default" -> "default";
            case "service" -> "service";
            case "default-service" -> {
                warnings.add("default-service has no useful meaning; adjusting to service");
                yield "service";
            }
            case "batch", "default-batch" -> throw CofferException.invalid(
                    "batch tokens are not supported yet: use token_type \"service\" or \"default\"");
            default -> throw CofferException.invalid("invalid 'token_type' value " + ClientText.quote(given));
        };
    }
}
