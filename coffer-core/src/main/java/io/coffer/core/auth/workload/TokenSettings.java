package io.coffer.core.auth.workload;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Login;
import io.coffer.core.logical.RequestData;
import io.coffer.core.token.TokenStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code token_*} fields of an auth method's role, with Vault's names and rules: they decide
 * the policies, lifetime, use count and network binding of the tokens a login mints. The older
 * names ({@code policies}, {@code ttl}, {@code max_ttl}, {@code period}, {@code num_uses},
 * {@code bound_cidrs}) are accepted on write when the new one is absent.
 *
 * <p>Not supported yet, and refused rather than silently ignored: {@code token_no_default_policy=true}
 * and batch tokens ({@code token_type=batch}); the token store always adds {@code default} and
 * issues service tokens.
 *
 * @param policies       policies of minted tokens
 * @param ttl            seconds; 0 for the mount default
 * @param maxTtl         seconds; 0 for the mount maximum
 * @param explicitMaxTtl seconds; 0 for none
 * @param period         seconds; non-zero makes tokens periodic
 * @param numUses        0 for unlimited
 * @param boundCidrs     client address blocks allowed to log in and use the token; empty for any
 * @param type           {@code default} or {@code service}
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
        @JsonProperty("token_type") String type) {

    public static final TokenSettings DEFAULT = new TokenSettings(List.of(), 0, 0, 0, 0, 0, List.of(), "default");

    public TokenSettings {
        policies = policies == null ? List.of() : List.copyOf(policies);
        boundCidrs = boundCidrs == null ? List.of() : List.copyOf(boundCidrs);
        type = type == null || type.isEmpty() ? "default" : type;
    }

    /**
     * The settings after a role write: fields present in {@code fields} replace those of
     * {@code current}.
     *
     * @param mountMaxTtl the auth mount's maximum lease TTL in seconds (0 for the system's)
     * @throws CofferException INVALID_REQUEST naming the offending field
     */
    public static TokenSettings update(TokenSettings current, RequestData fields, long mountMaxTtl) {
        List<String> policies = stringList(fields, "token_policies", "policies").orElse(current.policies);
        long ttl = duration(fields, "token_ttl", "ttl").orElse(current.ttl);
        long maxTtl = duration(fields, "token_max_ttl", "max_ttl").orElse(current.maxTtl);
        long explicitMaxTtl = duration(fields, "token_explicit_max_ttl", null).orElse(current.explicitMaxTtl);
        long period = duration(fields, "token_period", "period").orElse(current.period);
        long numUses = integer(fields, "token_num_uses", "num_uses").orElse((long) current.numUses);
        List<String> cidrs = stringList(fields, "token_bound_cidrs", "bound_cidrs").orElse(current.boundCidrs);
        String type = fields.string("token_type").map(TokenSettings::tokenType).orElse(current.type);

        if (fields.bool("token_no_default_policy").orElse(false)) {
            throw CofferException.invalid("token_no_default_policy is not supported yet: Coffer always attaches the "
                    + "default policy to login tokens");
        }
        if (numUses < 0) {
            throw CofferException.invalid("'token_num_uses' cannot be negative");
        }
        if (numUses > Integer.MAX_VALUE) {
            throw CofferException.invalid("'token_num_uses' is too large");
        }
        for (String cidr : cidrs) {
            if (CidrBlock.parse(cidr).isEmpty()) {
                throw CofferException.invalid("token_bound_cidrs: each entry must be an IP address or a CIDR block such as 10.0.0.0/8");
            }
        }
        if (ttl > 0 && maxTtl > 0 && ttl > maxTtl) {
            throw CofferException.invalid("'token_ttl' cannot be greater than 'token_max_ttl'");
        }
        long mountMax = mountMaxTtl == 0 ? TokenStore.SYSTEM_MAX_TTL_SECONDS : mountMaxTtl;
        if (period > mountMax) {
            throw CofferException.invalid("'token_period' is greater than the mount's maximum lease TTL of " + mountMax + "s");
        }
        return new TokenSettings(policies, ttl, maxTtl, explicitMaxTtl, period, (int) numUses, cidrs, type);
    }

    /** Adds the fields to a role read, in Vault's shape. */
    public void describe(Map<String, Object> data) {
        data.put("token_bound_cidrs", boundCidrs);
        data.put("token_explicit_max_ttl", explicitMaxTtl);
        data.put("token_max_ttl", maxTtl);
        data.put("token_no_default_policy", false);
        data.put("token_num_uses", numUses);
        data.put("token_period", period);
        data.put("token_policies", policies);
        data.put("token_ttl", ttl);
        data.put("token_type", type);
    }

    /**
     * Refuses a login from an address outside {@link #boundCidrs()} with Vault's bare 403.
     *
     * @param remoteAddress the client address as the front door reports it
     */
    public void checkClientAddress(String remoteAddress) {
        if (boundCidrs.isEmpty()) {
            return;
        }
        boolean allowed = boundCidrs.stream().map(CidrBlock::parse).flatMap(Optional::stream)
                .anyMatch(b -> b.contains(remoteAddress));
        if (!allowed) {
            throw CofferException.permissionDenied();
        }
    }

    /** What a successful login asks the core to mint. Vault's login tokens are renewable. */
    public Login login(String displayName, Map<String, String> metadata, String aliasName) {
        long max = maxTtl == 0 ? explicitMaxTtl : explicitMaxTtl == 0 ? maxTtl : Math.min(maxTtl, explicitMaxTtl);
        return new Login(displayName, policies, metadata, ttl, max, period, numUses, true, boundCidrs, aliasName);
    }

    private static String tokenType(String value) {
        return switch (value) {
            case "", "default", "default-service" -> "default";
            case "service" -> "service";
            case "batch", "default-batch" -> throw CofferException.invalid("batch tokens are not supported yet: "
                    + "token_type must be service or default");
            default -> throw CofferException.invalid("invalid 'token_type' value: must be default, service or batch");
        };
    }

    private static Optional<List<String>> stringList(RequestData fields, String name, String legacy) {
        Optional<List<String>> v = fields.stringList(name);
        if (v.isEmpty() && legacy != null) {
            v = fields.stringList(legacy);
        }
        return v.map(l -> new ArrayList<>(l.stream().map(String::trim).filter(s -> !s.isEmpty()).toList()));
    }

    private static Optional<Long> duration(RequestData fields, String name, String legacy) {
        String field = fields.has(name) || legacy == null ? name : legacy;
        Optional<Long> v = fields.durationSeconds(field);
        if (v.isPresent() && v.get() < 0) {
            throw CofferException.invalid("'" + name + "' cannot be negative");
        }
        return v;
    }

    private static Optional<Long> integer(RequestData fields, String name, String legacy) {
        return fields.has(name) ? fields.integer(name) : fields.integer(legacy);
    }
}
