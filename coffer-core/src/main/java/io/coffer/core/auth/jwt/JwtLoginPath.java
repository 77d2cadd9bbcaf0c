package io.coffer.core.auth.jwt;

import io.coffer.core.auth.workload.CompactJws;
import io.coffer.core.auth.workload.InvalidJwtException;
import io.coffer.core.auth.workload.JwtClaimsCheck;
import io.coffer.core.auth.workload.JwtExpectations;
import io.coffer.core.auth.workload.RoleFields;
import io.coffer.core.auth.workload.RoleStore;
import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Login;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.RequestData;
import io.coffer.core.logical.Response;
import io.coffer.core.ratelimit.LoginWorkPool;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code login} with {@code {role, jwt}}: verifies the token's signature with the mount's keys,
 * checks its claims against the configuration and the role, and asks the core for a token whose
 * metadata holds the mapped claims and the role name. Every refusal is a 400 with Vault's message
 * (a bare 403 for a client outside {@code token_bound_cidrs}); nothing is written on failure.
 *
 * <p>The JWT is a bearer credential: it is never stored, logged or quoted in an error.
 */
final class JwtLoginPath {

    private final JwtConfigStore config;
    private final RoleStore<JwtRole> roles;
    private final Clock clock;
    private final LoginWorkPool work;

    JwtLoginPath(JwtConfigStore config, RoleStore<JwtRole> roles, Clock clock, LoginWorkPool work) {
        this.work = work;
        this.config = config;
        this.roles = roles;
        this.clock = clock;
    }

    PathRoute route() {
        return PathRoute.path("login")
                .on(Operation.UPDATE, this::login)
                .synopsis("Authenticates to Coffer using a JWT (or OIDC) token.");
    }

    private Response login(EngineRequest req) {
        JwtConfigStore.Active active = config.active()
                .orElseThrow(() -> CofferException.invalid("could not load configuration"));
        RequestData f = req.fields();
        String roleName = RoleStore.key(f.string("role").filter(s -> !s.isEmpty()).orElse(active.config().defaultRole()));
        if (roleName.isEmpty()) {
            throw CofferException.invalid("missing role");
        }
        JwtRole role = roles.get(roleName)
                .orElseThrow(() -> CofferException.invalid("role \"" + RoleFields.quotable(roleName) + "\" could not be found"));
        if (role.roleType().equals(JwtRole.TYPE_OIDC)) {
            throw CofferException.invalid("role with oidc role_type is not allowed");
        }
        String token = f.string("jwt").orElse("");
        if (token.isEmpty()) {
            throw CofferException.invalid("missing token");
        }
        RoleFields.checkClientAddress(role.token(), req.request().remoteAddress());

        Map<String, Object> claims = validated(token, active, role);
        if (role.audiences().isEmpty() && !audiencesOf(claims).isEmpty()) {
            throw CofferException.invalid("audience claim found in JWT but no audiences bound to the role");
        }

        Object user = role.userClaimJsonPointer() ? ClaimValues.get(claims, role.userClaim()) : claims.get(role.userClaim());
        if (user == null) {
            throw CofferException.invalid("claim \"" + role.userClaim() + "\" not found in token");
        }
        if (!(user instanceof String userName)) {
            throw CofferException.invalid("claim \"" + role.userClaim() + "\" could not be converted to string");
        }
        Map<String, String> metadata = new LinkedHashMap<>(ClaimValues.metadata(claims, role.mappings()));
        metadata.put("role", roleName);
        checkGroups(claims, role);
        ClaimValues.checkBound(role.boundClaimsType(), role.claims(), claims);

        Login login = role.token().login(userName, metadata, userName, List.of());
        return Response.empty().withLogin(login);
    }

    private Map<String, Object> validated(String token, JwtConfigStore.Active active, JwtRole role) {
        List<String> algorithms = active.config().jwtSupportedAlgs().isEmpty() ? CompactJws.PUBLIC_KEY_ALGORITHMS
                : active.config().jwtSupportedAlgs();
        try {
            CompactJws jws;
            Map<String, Object> claims;
            try {
                jws = CompactJws.parse(token);
                claims = active.keys().verify(jws, work);
            } catch (InvalidJwtException e) {
                throw InvalidJwtException.invalid("error verifying token signature: " + e.getMessage());
            }
            // Checked after the signature, in Vault's order, so the messages match Vault's.
            if (!algorithms.contains(jws.algorithm())) {
                throw InvalidJwtException.invalid("invalid algorithm (alg) header parameter: token signed with unexpected algorithm");
            }
            JwtClaimsCheck.check(claims, new JwtExpectations(active.config().boundIssuer(), role.boundSubject(),
                    role.audiences(), role.notBeforeLeeway(), role.expirationLeeway(), role.clockSkewLeeway(), false),
                    clock.instant());
            return claims;
        } catch (InvalidJwtException e) {
            throw CofferException.invalid("error validating token: " + e.getMessage());
        }
    }

    private static List<String> audiencesOf(Map<String, Object> claims) {
        try {
            return JwtClaimsCheck.audiences(claims);
        } catch (InvalidJwtException e) {
            throw CofferException.invalid("error validating token: " + e.getMessage());
        }
    }

    /**
     * Vault turns the groups claim into identity group aliases; Coffer has no identity store yet,
     * but refuses the same tokens Vault refuses: a role with a groups claim needs it, as strings.
     */
    private static void checkGroups(Map<String, Object> claims, JwtRole role) {
        if (role.groupsClaim().isEmpty()) {
            return;
        }
        Object groups = ClaimValues.get(claims, role.groupsClaim());
        if (groups == null) {
            throw CofferException.invalid("failed to fetch groups: \"" + role.groupsClaim() + "\" claim not found in token");
        }
        List<Object> values = ClaimValues.asList(groups).orElseThrow(() -> CofferException.invalid(
                "\"" + role.groupsClaim() + "\" claim could not be converted to string list"));
        if (values.stream().anyMatch(v -> !(v instanceof String))) {
            throw CofferException.invalid("a value in the \"" + role.groupsClaim() + "\" claim could not be parsed as string");
        }
    }
}
