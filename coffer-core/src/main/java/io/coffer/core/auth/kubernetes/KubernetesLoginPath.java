package io.coffer.core.auth.kubernetes;

import io.coffer.core.auth.workload.CompactJws;
import io.coffer.core.auth.workload.Globs;
import io.coffer.core.auth.workload.InvalidJwtException;
import io.coffer.core.auth.workload.JwtClaimsCheck;
import io.coffer.core.auth.workload.JwtExpectations;
import io.coffer.core.auth.workload.RoleFields;
import io.coffer.core.auth.workload.RoleStore;
import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.RequestData;
import io.coffer.core.logical.Response;
import java.security.PublicKey;
import io.coffer.core.ratelimit.LoginWorkPool;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code login} with {@code {role, jwt}}: verifies a service-account token with the configured
 * keys (or, without keys, has the API server review it after the checks below), checks issuer (when configured), audience (when the role sets one) and the time claims
 * (legacy tokens have none), then the service account's name and namespace against the role.
 * As in Vault, a bad signature is a bare 403 and a token that fails a check is a 403 that says
 * which; an unknown role or missing field is a 400. Nothing is written on failure.
 *
 * <p>The response's {@code auth.metadata} holds {@code role}, {@code service_account_name},
 * {@code service_account_namespace}, {@code service_account_secret_name} and
 * {@code service_account_uid}, as Vault returns them.
 */
final class KubernetesLoginPath {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesLoginPath.class);

    private final KubernetesConfigStore config;
    private final RoleStore<KubernetesRole> roles;
    private final Clock clock;
    private final LoginWorkPool work;

    KubernetesLoginPath(KubernetesConfigStore config, RoleStore<KubernetesRole> roles, Clock clock, LoginWorkPool work) {
        this.work = work;
        this.config = config;
        this.roles = roles;
        this.clock = clock;
    }

    PathRoute route() {
        return PathRoute.path("login")
                .on(Operation.UPDATE, this::login)
                .synopsis("Authenticates Kubernetes service accounts with Coffer.");
    }

    private Response login(EngineRequest req) {
        RequestData f = req.fields();
        String roleName = f.string("role").orElse("");
        if (roleName.isEmpty()) {
            throw CofferException.invalid("missing role");
        }
        String jwt = f.string("jwt").orElse("");
        if (jwt.isEmpty()) {
            throw CofferException.invalid("missing jwt");
        }
        KubernetesRole role = roles.get(roleName)
                .orElseThrow(() -> CofferException.invalid("invalid role name \"" + RoleFields.quotable(roleName) + "\""));
        RoleFields.checkClientAddress(role.token(), req.request().remoteAddress());
        KubernetesConfigStore.Active active = config.active()
                .orElseThrow(() -> CofferException.invalid("could not load backend configuration"));

        Map<String, Object> claims = validated(jwt, active, role);
        ServiceAccount sa = ServiceAccount.from(claims);
        if (!(role.serviceAccountNames().equals(List.of("*")) || Globs.anyMatches(role.serviceAccountNames(), sa.name()))) {
            throw denied("service account name not authorized");
        }
        if (!(role.serviceAccountNamespaces().contains("*") || Globs.anyMatches(role.serviceAccountNamespaces(), sa.namespace()))) {
            throw denied("namespace not authorized");
        }
        if (sa.uid().isEmpty()) {
            throw CofferException.invalid("could not parse UID from claims");
        }
        if (active.reviewer().isPresent()) {
            confirmWithApiServer(active.reviewer().get(), jwt, claims, sa, role);
        }

        String key = RoleStore.key(roleName);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("role", key);
        metadata.put("service_account_name", sa.name());
        metadata.put("service_account_namespace", sa.namespace());
        metadata.put("service_account_secret_name", sa.secretName());
        metadata.put("service_account_uid", sa.uid());
        String alias = role.aliasNameSource().equals(KubernetesRole.ALIAS_BY_NAME) ? sa.namespace() + "/" + sa.name() : sa.uid();
        return Response.empty().withLogin(role.token().login(sa.namespace() + "-" + sa.name(), metadata, alias, List.of()));
    }

    /**
     * The token's claims once its signature verified with the configured keys or, without keys,
     * unverified: the API server then vouches for the token (see {@link #confirmWithApiServer}).
     */
    private Map<String, Object> validated(String jwt, KubernetesConfigStore.Active active, KubernetesRole role) {
        Map<String, Object> claims;
        CompactJws jws;
        try {
            jws = CompactJws.parse(jwt);
            claims = active.reviewer().isPresent() ? jws.claims() : verify(jws, active.keys(), work);
        } catch (InvalidJwtException e) {
            // Vault answers anything that fails before or at the signature with a bare 403.
            throw CofferException.permissionDenied();
        }
        try {
            if (!CompactJws.KUBERNETES_ALGORITHMS.contains(jws.algorithm())) {
                throw InvalidJwtException.invalid("invalid algorithm (alg) header parameter: token signed with unexpected algorithm");
            }
            KubernetesConfig c = active.config();
            String issuer = c.disableIssValidation() ? "" : c.issuer();
            List<String> audiences = role.audience().isEmpty() ? List.of() : List.of(role.audience());
            JwtClaimsCheck.check(claims, new JwtExpectations(issuer, "", audiences, 0, 0, 0, true), clock.instant());
            return claims;
        } catch (InvalidJwtException e) {
            throw denied(e.getMessage());
        }
    }

    /**
     * TokenReview: the API server must know the token, for the wanted audience, as the same service
     * account the claims name; anything else is Vault's bare 403.
     */
    private static void confirmWithApiServer(TokenReviewer reviewer, String jwt, Map<String, Object> claims, ServiceAccount sa,
            KubernetesRole role) {
        List<String> audiences;
        try {
            // Vault asks for the role's audience, or else for the audiences the token claims.
            audiences = role.audience().isEmpty() ? JwtClaimsCheck.audiences(claims) : List.of(role.audience());
        } catch (InvalidJwtException e) {
            throw CofferException.permissionDenied();
        }
        try {
            TokenReviewer.Reviewed r = reviewer.review(jwt, audiences);
            if (!r.name().equals(sa.name()) || !r.uid().equals(sa.uid()) || !r.namespace().equals(sa.namespace())) {
                throw new TokenReviewer.ReviewFailed("the reviewed service account differs from the token's claims");
            }
        } catch (TokenReviewer.ReviewFailed e) {
            LOG.debug("kubernetes login refused: {}", e.getMessage());
            throw CofferException.permissionDenied();
        }
    }

    private static Map<String, Object> verify(CompactJws jws, List<PublicKey> keys, LoginWorkPool work) throws InvalidJwtException {
        if (jws.isVerifiedByAny(keys, work)) {
            return jws.claims();
        }
        throw InvalidJwtException.badSignature("no known key successfully validated the token signature");
    }

    private static CofferException denied(String message) {
        return new CofferException(CofferException.Kind.PERMISSION_DENIED, message);
    }
}
