package io.coffer.core.auth.token;

import io.coffer.core.error.ClientText;
import io.coffer.core.error.CofferException;
import io.coffer.core.policy.PolicyNames;
import io.coffer.core.token.TokenEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Vault's rules for the policies of a new token:
 * <ul>
 *   <li>a role with allowed or disallowed policies decides them itself: the requested policies
 *       must be among the allowed ones (all allowed ones when none are requested, the parent's
 *       when the role allows nothing in particular) and none may be disallowed;</li>
 *   <li>otherwise no request means the parent's policies; a caller without sudo may only ask for
 *       a subset of its own; {@code default} is added unless {@code no_default_policy} (and, for
 *       non-sudo callers, only if the parent has it);</li>
 *   <li>{@code root} swallows every other policy; internal policies cannot be assigned.</li>
 * </ul>
 */
final class TokenPolicies {

    /** Policies Vault reserves for its own tokens. */
    private static final Set<String> NOT_ASSIGNABLE = Set.of("response-wrapping", "control-group");

    private TokenPolicies() {
    }

    static List<String> resolve(List<String> requested, boolean noDefault, TokenRole role, TokenEntry parent,
            boolean sudo) {
        List<String> policies;
        boolean addDefault = false;
        if (role != null && role.restrictsPolicies()) {
            policies = fromRole(requested, noDefault, role, parent);
        } else if (sanitize(requested, false).isEmpty()) {
            policies = sanitize(parent.policies(), false);
        } else if (!sudo) {
            List<String> asked = sanitize(requested, false);
            if (!sanitize(parent.policies(), false).containsAll(asked)) {
                throw CofferException.invalid("child policies must be a subset of the parent's policies");
            }
            policies = asked;
            addDefault = !noDefault && parent.policies().contains("default");
        } else {
            policies = requested;
            addDefault = !noDefault;
        }
        List<String> out = new ArrayList<>(sanitize(policies, addDefault));
        if (noDefault) {
            out.remove("default");
        }
        for (String p : out) {
            if (NOT_ASSIGNABLE.contains(p)) {
                throw CofferException.invalid("policy " + ClientText.quote(p) + " cannot be assigned to a token");
            }
        }
        return List.copyOf(out);
    }

    private static List<String> fromRole(List<String> requested, boolean noDefault, TokenRole role, TokenEntry parent) {
        boolean addDefault = !noDefault && !role.tokenNoDefaultPolicy() && !role.disallowedPolicies().contains("default")
                && !Globs.anyMatches(role.disallowedPoliciesGlob(), "default");
        List<String> chosen = requested.isEmpty() ? List.of() : sanitize(requested, addDefault);
        if (!role.allowedPolicies().isEmpty() || !role.allowedPoliciesGlob().isEmpty()) {
            List<String> allowed = sanitize(role.allowedPolicies(), addDefault);
            if (chosen.isEmpty()) {
                chosen = allowed;
            } else {
                for (String p : chosen) {
                    if (!allowed.contains(p) && !Globs.anyMatches(role.allowedPoliciesGlob(), p)) {
                        throw CofferException.invalid("token policies must be a subset of the role's allowed policies");
                    }
                }
            }
        } else if (chosen.isEmpty()) {
            chosen = sanitize(parent.policies(), addDefault);
        }
        for (String p : chosen) {
            if (role.disallowedPolicies().contains(p) || Globs.anyMatches(role.disallowedPoliciesGlob(), p)) {
                throw CofferException.invalid("token policy " + ClientText.quote(p) + " is disallowed by this role");
            }
        }
        return chosen;
    }

    /**
     * Vault's {@code SanitizePolicies}: normalized by {@link PolicyNames} (an invalid name is a
     * 400), without blanks and duplicates, sorted; only {@code root} when it is among them;
     * {@code default} added when {@code addDefault} and missing.
     */
    static List<String> sanitize(List<String> policies, boolean addDefault) {
        TreeSet<String> out = new TreeSet<>(PolicyNames.normalizeAll(policies));
        if (out.contains(PolicyNames.ROOT)) {
            return List.of(PolicyNames.ROOT);
        }
        if (addDefault) {
            out.add("default");
        }
        return List.copyOf(out);
    }
}
