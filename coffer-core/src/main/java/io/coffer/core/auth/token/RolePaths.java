package io.coffer.core.auth.token;

import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.RequestData;
import io.coffer.core.logical.Response;
import io.coffer.core.policy.PolicyNames;
import io.coffer.core.token.LeaseTtl;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code roles/} (LIST) and {@code roles/<name>} (read, create, update, delete) with Vault's
 * fields. A write that creates a role starts from {@link TokenRole#defaults}; one that updates it
 * changes only the fields it names (the existence check tells the two apart, so policies can grant
 * {@code create} and {@code update} separately).
 */
final class RolePaths {

    private static final Pattern PATH_SUFFIX = Pattern.compile("\\w(?:[\\w.-]*\\w)?");
    private static final Set<String> FIELDS = Set.of("allowed_policies", "disallowed_policies",
            "allowed_policies_glob", "disallowed_policies_glob", "orphan", "period", "path_suffix", "explicit_max_ttl",
            "renewable", "bound_cidrs", "allowed_entity_aliases", "token_bound_cidrs", "token_explicit_max_ttl",
            "token_period", "token_type", "token_no_default_policy", "token_num_uses", "role_name");

    private final TokenRoles roles;

    RolePaths(TokenRoles roles) {
        this.roles = roles;
    }

    List<PathRoute> routes() {
        return List.of(
                PathRoute.path("roles/?").on(Operation.LIST, r -> list())
                        .synopsis("Lists the token roles."),
                PathRoute.path("roles/(?<name>" + CreatePaths.ROLE_NAME + ")")
                        .on(Operation.READ, this::read)
                        .on(Operation.CREATE, this::write)
                        .on(Operation.UPDATE, this::write)
                        .on(Operation.DELETE, this::delete)
                        .existenceCheck(r -> roles.get(r.param("name")).isPresent())
                        .synopsis("Reads, writes or deletes a token role."));
    }

    private Response list() {
        List<String> names = roles.names();
        if (names.isEmpty()) {
            throw new CofferException(CofferException.Kind.NOT_FOUND, List.of());
        }
        return Response.of(Map.of("keys", names));
    }

    private Response read(EngineRequest r) {
        TokenRole role = roles.get(r.param("name"))
                .orElseThrow(() -> new CofferException(CofferException.Kind.NOT_FOUND, List.of()));
        Map<String, Object> d = new TreeMap<>();
        d.put("allowed_entity_aliases", role.allowedEntityAliases());
        d.put("allowed_policies", role.allowedPolicies());
        d.put("allowed_policies_glob", role.allowedPoliciesGlob());
        d.put("disallowed_policies", role.disallowedPolicies());
        d.put("disallowed_policies_glob", role.disallowedPoliciesGlob());
        d.put("explicit_max_ttl", role.explicitMaxTtl());
        d.put("name", role.name());
        d.put("orphan", role.orphan());
        d.put("path_suffix", role.pathSuffix());
        d.put("period", role.period());
        d.put("renewable", role.renewable());
        d.put("token_explicit_max_ttl", role.tokenExplicitMaxTtl());
        d.put("token_no_default_policy", role.tokenNoDefaultPolicy());
        if (role.tokenNumUses() > 0) {
            d.put("token_num_uses", role.tokenNumUses());
        }
        d.put("token_period", role.tokenPeriod());
        d.put("token_type", role.tokenType());
        return Response.of(d);
    }

    private Response delete(EngineRequest r) {
        roles.delete(r.param("name"));
        return Response.empty();
    }

    private Response write(EngineRequest r) {
        String name = r.param("name");
        RequestData f = r.fields();
        TokenRole base = roles.get(name).orElseGet(() -> TokenRole.defaults(name));
        Response response = Response.empty();

        for (String cidrs : List.of("token_bound_cidrs", "bound_cidrs")) {
            if (!f.stringList(cidrs).orElse(List.of()).isEmpty()) {
                throw CofferException.invalid(cidrs + " is not supported by Coffer");
            }
        }
        String pathSuffix = f.string("path_suffix").orElse(base.pathSuffix());
        if (!pathSuffix.isEmpty() && (!PATH_SUFFIX.matcher(pathSuffix).matches() || pathSuffix.contains(".."))) {
            throw CofferException.invalid("path_suffix may contain only letters, digits, '_', '-' and '.', "
                    + "must start and end with a letter, digit or '_', and must not contain '..'");
        }
        String tokenType = f.string("token_type").map(t -> t.trim().toLowerCase(Locale.ROOT)).orElse(base.tokenType());
        switch (tokenType) {
            case "default-service", "service" -> {
            }
            case "default", "" -> tokenType = "default-service";
            case "batch", "default-batch" -> throw CofferException.invalid("batch tokens are not supported by Coffer");
            default -> throw CofferException.invalid("invalid 'token_type' value");
        }
        long numUses = f.integer("token_num_uses").orElse((long) base.tokenNumUses());
        if (numUses < 0 || numUses > Integer.MAX_VALUE) {
            throw CofferException.invalid("token_num_uses must be between 0 and " + Integer.MAX_VALUE);
        }

        long period = base.period();
        long tokenPeriod = base.tokenPeriod();
        if (f.has("token_period")) {
            tokenPeriod = Fields.seconds(f, "token_period");
            if (f.has("period")) {
                response.withWarning("Both 'token_period' and deprecated 'period' are set; the deprecated value is ignored");
            }
            period = 0;
        } else if (f.has("period")) {
            period = Fields.seconds(f, "period");
            tokenPeriod = period;
        }
        long explicitMax = base.explicitMaxTtl();
        long tokenExplicitMax = base.tokenExplicitMaxTtl();
        if (f.has("token_explicit_max_ttl")) {
            tokenExplicitMax = Fields.seconds(f, "token_explicit_max_ttl");
            if (f.has("explicit_max_ttl")) {
                response.withWarning("Both 'token_explicit_max_ttl' and deprecated 'explicit_max_ttl' are set; "
                        + "the deprecated value is ignored");
            }
            explicitMax = 0;
        } else if (f.has("explicit_max_ttl")) {
            explicitMax = Fields.seconds(f, "explicit_max_ttl");
            tokenExplicitMax = explicitMax;
        }
        long effectiveMax = tokenExplicitMax != 0 ? tokenExplicitMax : explicitMax;
        long mountMax = LeaseTtl.Limits.of(r.mount().config()).maxTtl();
        if (effectiveMax > mountMax) {
            response.withWarning("explicit max TTL of " + effectiveMax + " seconds is greater than the mount's maximum of "
                    + mountMax + " seconds; creating tokens against this role will fail until this is fixed");
        }

        TokenRole role = new TokenRole(name,
                f.stringList("allowed_policies").map(p -> TokenPolicies.sanitize(p, false)).orElse(base.allowedPolicies()),
                f.stringList("disallowed_policies").map(RolePaths::sortedNames).orElse(base.disallowedPolicies()),
                f.stringList("allowed_policies_glob").map(RolePaths::sortedGlobs).orElse(base.allowedPoliciesGlob()),
                f.stringList("disallowed_policies_glob").map(RolePaths::sortedGlobs).orElse(base.disallowedPoliciesGlob()),
                f.bool("orphan").orElse(base.orphan()),
                f.bool("renewable").orElse(base.renewable()),
                pathSuffix, period, tokenPeriod, explicitMax, tokenExplicitMax, tokenType,
                f.bool("token_no_default_policy").orElse(base.tokenNoDefaultPolicy()),
                (int) numUses,
                f.stringList("allowed_entity_aliases").map(RolePaths::distinctLower).orElse(base.allowedEntityAliases()));
        roles.put(role);
        Fields.warnAboutUnknown(response, r.request().data(), FIELDS);
        return response;
    }

    private static List<String> sortedNames(List<String> names) {
        return List.copyOf(new TreeSet<>(PolicyNames.normalizeAll(names)));
    }

    private static List<String> sortedGlobs(List<String> globs) {
        return List.copyOf(new TreeSet<>(PolicyNames.normalizeAllGlobs(globs)));
    }

    private static List<String> distinctLower(List<String> values) {
        TreeSet<String> out = new TreeSet<>();
        for (String v : values) {
            String t = v.trim().toLowerCase(Locale.ROOT);
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }
}
