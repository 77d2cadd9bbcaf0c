package io.coffer.core.auth.jwt;

import io.coffer.core.auth.TokenSettings;
import io.coffer.core.auth.workload.RoleFields;
import io.coffer.core.auth.workload.RoleStore;
import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.ClientText;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.RequestData;
import io.coffer.core.logical.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code role/} (LIST) and {@code role/<name>} (read, write, delete) with Vault's fields, defaults
 * and checks. A write starts from the stored role and replaces the fields it carries; like Vault,
 * {@code role_type} and {@code bound_claims_type} fall back to their defaults ({@code oidc},
 * {@code string}) when a write omits them.
 */
final class JwtRolePaths {

    private final RoleStore<JwtRole> roles;

    JwtRolePaths(RoleStore<JwtRole> roles) {
        this.roles = roles;
    }

    List<PathRoute> routes() {
        return roles.routes(this::read, this::write);
    }

    private Response read(EngineRequest req) {
        JwtRole r = roles.get(req.param("name")).orElseThrow(RoleFields::notFound);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("allowed_redirect_uris", r.allowedRedirectUris());
        d.put("bound_audiences", r.boundAudiences());
        d.put("bound_claims", r.boundClaims());
        d.put("bound_claims_type", r.boundClaimsType());
        d.put("bound_subject", r.boundSubject());
        d.put("claim_mappings", r.claimMappings());
        d.put("clock_skew_leeway", r.clockSkewLeeway());
        d.put("expiration_leeway", r.expirationLeeway());
        d.put("groups_claim", r.groupsClaim());
        d.put("max_age", r.maxAge());
        d.put("not_before_leeway", r.notBeforeLeeway());
        d.put("oidc_scopes", r.oidcScopes());
        d.put("role_type", r.roleType());
        r.token().render(d, RoleFields.TOKEN_ALIASES);
        d.put("user_claim", r.userClaim());
        d.put("user_claim_json_pointer", r.userClaimJsonPointer());
        d.put("verbose_oidc_logging", r.verboseOidcLogging());
        return Response.of(d);
    }

    private Response write(EngineRequest req) {
        String name = req.param("name");
        RequestData f = req.fields();
        JwtRole current = roles.get(name).orElse(JwtRole.NEW);

        String roleType = f.string("role_type").filter(s -> !s.isEmpty()).orElse(JwtRole.TYPE_OIDC);
        if (!roleType.equals(JwtRole.TYPE_JWT) && !roleType.equals(JwtRole.TYPE_OIDC)) {
            throw CofferException.invalid("invalid 'role_type': must be jwt or oidc");
        }
        List<String> warnings = new ArrayList<>();
        TokenSettings token = RoleFields.tokenSettings(current.token(), f, req.mount(), warnings);

        String claimsType = f.string("bound_claims_type").filter(s -> !s.isEmpty()).orElse(JwtRole.CLAIMS_STRING);
        if (!claimsType.equals(JwtRole.CLAIMS_STRING) && !claimsType.equals(JwtRole.CLAIMS_GLOB)) {
            throw CofferException.invalid("invalid 'bound_claims_type': must be string or glob");
        }
        Map<String, Object> boundClaims = f.map("bound_claims").map(m -> (Map<String, Object>) new LinkedHashMap<>(m))
                .orElse(current.boundClaims());
        if (boundClaims != null && claimsType.equals(JwtRole.CLAIMS_GLOB)) {
            for (Object values : boundClaims.values()) {
                if (!(values instanceof String) && !(values instanceof Collection<?> c && c.stream().allMatch(String.class::isInstance))) {
                    throw CofferException.invalid("bound_claims: with bound_claims_type glob every value must be a string "
                            + "or a list of strings");
                }
            }
        }
        Map<String, String> mappings = RoleFields.keyValuePairs(f, "claim_mappings").orElse(current.claimMappings());
        if (mappings != null) {
            Set<String> targets = new HashSet<>();
            for (String target : mappings.values()) {
                if (target.equals("role")) {
                    throw CofferException.invalid("metadata key \"role\" is reserved and may not be a mapping destination");
                }
                if (!targets.add(target)) {
                    throw CofferException.invalid("multiple keys are mapped to metadata key " + ClientText.quote(target));
                }
            }
        }
        String userClaim = f.string("user_claim").orElse(current.userClaim());
        if (userClaim.isEmpty()) {
            throw CofferException.invalid("a user claim must be defined on the role");
        }
        List<String> redirectUris = f.stringList("allowed_redirect_uris").orElse(current.allowedRedirectUris());
        if (roleType.equals(JwtRole.TYPE_OIDC) && (redirectUris == null || redirectUris.isEmpty())) {
            throw CofferException.invalid("'allowed_redirect_uris' must be set if 'role_type' is 'oidc' or unspecified.");
        }
        List<String> audiences = f.stringList("bound_audiences").orElse(current.boundAudiences());
        String subject = f.string("bound_subject").orElse(current.boundSubject());

        JwtRole role = new JwtRole(
                roleType,
                RoleFields.signedDuration(f, "expiration_leeway").orElse(current.expirationLeeway()),
                RoleFields.signedDuration(f, "not_before_leeway").orElse(current.notBeforeLeeway()),
                RoleFields.signedDuration(f, "clock_skew_leeway").orElse(current.clockSkewLeeway()),
                audiences,
                subject,
                claimsType,
                boundClaims,
                mappings,
                userClaim,
                f.bool("user_claim_json_pointer").orElse(current.userClaimJsonPointer()),
                f.string("groups_claim").orElse(current.groupsClaim()),
                f.stringList("oidc_scopes").orElse(current.oidcScopes()),
                redirectUris,
                f.bool("verbose_oidc_logging").orElse(current.verboseOidcLogging()),
                f.durationSeconds("max_age").orElse(current.maxAge()),
                token);
        // OIDC roles are bound by the client id; a jwt role without any binding would accept every
        // token the issuer ever signed, for anyone.
        if (roleType.equals(JwtRole.TYPE_JWT) && role.audiences().isEmpty() && token.boundCidrs().isEmpty()
                && subject.isEmpty() && role.claims().isEmpty()) {
            throw CofferException.invalid("must have at least one bound constraint when creating/updating a role");
        }
        roles.put(name, role);

        Response response = Response.empty();
        warnings.forEach(response::withWarning);
        if (token.maxTtl() > TokenSettings.mountMaxTtl(req.mount())) {
            response.withWarning("token max ttl is greater than the system or backend mount's maximum TTL value; "
                    + "issued tokens' max TTL value will be truncated");
        }
        if (role.verboseOidcLogging()) {
            response.withWarning("verbose_oidc_logging has been enabled for this role. This is not recommended in production "
                    + "since sensitive information may be present in OIDC responses.");
        }
        return response;
    }
}
