package io.coffer.core.auth.token;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A token role: a named set of rules for tokens created at {@code auth/token/create/<name>}. Vault
 * keeps the deprecated {@code period} and {@code explicit_max_ttl} next to their {@code token_}
 * successors so that a role reads back as written; {@link #effectivePeriod()} and
 * {@link #effectiveExplicitMaxTtl()} say which one applies.
 *
 * @param name                   the role name
 * @param allowedPolicies        policies tokens may get instead of a subset of the parent's
 * @param disallowedPolicies     policies tokens may never get
 * @param allowedPoliciesGlob    like {@code allowedPolicies}, as globs ({@code *})
 * @param disallowedPoliciesGlob like {@code disallowedPolicies}, as globs
 * @param orphan                 whether tokens are created without a parent
 * @param renewable              whether tokens may be renewed
 * @param pathSuffix             appended to the tokens' creation path
 * @param period                 deprecated spelling of {@code tokenPeriod}, seconds
 * @param tokenPeriod            seconds; non-zero makes tokens periodic
 * @param explicitMaxTtl         deprecated spelling of {@code tokenExplicitMaxTtl}, seconds
 * @param tokenExplicitMaxTtl    seconds; a hard limit on the tokens' life
 * @param tokenType              {@code default-service} or {@code service}
 * @param tokenNoDefaultPolicy   whether to leave out the {@code default} policy
 * @param tokenNumUses           use limit of the tokens; 0 for unlimited
 * @param allowedEntityAliases   kept for wire compatibility (Coffer has no identity store)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record TokenRole(
        @JsonProperty("name") String name,
        @JsonProperty("allowed_policies") List<String> allowedPolicies,
        @JsonProperty("disallowed_policies") List<String> disallowedPolicies,
        @JsonProperty("allowed_policies_glob") List<String> allowedPoliciesGlob,
        @JsonProperty("disallowed_policies_glob") List<String> disallowedPoliciesGlob,
        @JsonProperty("orphan") boolean orphan,
        @JsonProperty("renewable") boolean renewable,
        @JsonProperty("path_suffix") String pathSuffix,
        @JsonProperty("period") long period,
        @JsonProperty("token_period") long tokenPeriod,
        @JsonProperty("explicit_max_ttl") long explicitMaxTtl,
        @JsonProperty("token_explicit_max_ttl") long tokenExplicitMaxTtl,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("token_no_default_policy") boolean tokenNoDefaultPolicy,
        @JsonProperty("token_num_uses") int tokenNumUses,
        @JsonProperty("allowed_entity_aliases") List<String> allowedEntityAliases) {

    TokenRole {
        allowedPolicies = copy(allowedPolicies);
        disallowedPolicies = copy(disallowedPolicies);
        allowedPoliciesGlob = copy(allowedPoliciesGlob);
        disallowedPoliciesGlob = copy(disallowedPoliciesGlob);
        pathSuffix = pathSuffix == null ? "" : pathSuffix;
        tokenType = tokenType == null || tokenType.isEmpty() ? "default-service" : tokenType;
        allowedEntityAliases = copy(allowedEntityAliases);
    }

    /** A role as created when the request sets nothing: renewable, not orphan, no limits. */
    static TokenRole defaults(String name) {
        return new TokenRole(name, List.of(), List.of(), List.of(), List.of(), false, true, "", 0, 0, 0, 0,
                "default-service", false, 0, List.of());
    }

    long effectivePeriod() {
        return tokenPeriod != 0 ? tokenPeriod : period;
    }

    long effectiveExplicitMaxTtl() {
        return tokenExplicitMaxTtl != 0 ? tokenExplicitMaxTtl : explicitMaxTtl;
    }

    /** True when the role decides the policies itself instead of the parent-subset rule. */
    boolean restrictsPolicies() {
        return !allowedPolicies.isEmpty() || !disallowedPolicies.isEmpty() || !allowedPoliciesGlob.isEmpty()
                || !disallowedPoliciesGlob.isEmpty();
    }

    private static List<String> copy(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
