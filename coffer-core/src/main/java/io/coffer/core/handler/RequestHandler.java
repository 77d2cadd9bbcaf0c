package io.coffer.core.handler;

import io.coffer.core.audit.AuditEvent;
import io.coffer.core.audit.AuditLog;
import io.coffer.core.audit.UnauthenticatedBody;
import io.coffer.core.engine.LoginSubject;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Login;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Request;
import io.coffer.core.logical.Response;
import io.coffer.core.mount.MountTable;
import io.coffer.core.policy.Authorizer;
import io.coffer.core.policy.PolicyNames;
import io.coffer.core.ratelimit.LoginRateLimiter;
import io.coffer.core.router.RouteTarget;
import io.coffer.core.router.Router;
import io.coffer.core.seal.ShamirSeal;
import io.coffer.core.sys.SystemBackend;
import io.coffer.core.token.TokenEntry;
import io.coffer.core.token.TokenStore;
import io.coffer.core.token.TokenUse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The core's request path, the same for every front door:
 * <ol>
 *   <li>the few {@code sys/} endpoints that work sealed and without a token (not audited), and
 *       {@code sys/metrics} when the server serves it unauthenticated;</li>
 *   <li>refuse while sealed;</li>
 *   <li>resolve the route; login paths are throttled per client, mount and subject, then skip
 *       to auditing;</li>
 *   <li>authenticate the token, authorize the operation (create vs update decided by the route's
 *       existence check);</li>
 *   <li>audit the request (fail closed), run the handler, mint a token for a login, audit the
 *       response (fail closed), return.</li>
 * </ol>
 *
 * <p>A read or list changes nothing, so its request record is written together with its outcome;
 * anything else is served only after its request record was confirmed. The outcome comes back as
 * a {@link Handled} whose audit record may still be on its way: no response may leave before it is
 * recorded, and a front door can hand the response over when it is instead of blocking a thread.
 */
public final class RequestHandler {

    private final ShamirSeal seal;
    private final TokenStore tokens;
    private final Authorizer authorizer;
    private final Router router;
    private final SystemBackend system;
    private final MountTable authMounts;
    private final AuditLog audit;
    private final Clock clock;
    private final LoginRateLimiter loginLimiter;

    /** A handler that throttles logins with {@link LoginRateLimiter}'s default limits. */
    public RequestHandler(ShamirSeal seal, TokenStore tokens, Authorizer authorizer, Router router, SystemBackend system,
            MountTable authMounts, AuditLog audit, Clock clock) {
        this(seal, tokens, authorizer, router, system, authMounts, audit, clock, new LoginRateLimiter());
    }

    public RequestHandler(ShamirSeal seal, TokenStore tokens, Authorizer authorizer, Router router, SystemBackend system,
            MountTable authMounts, AuditLog audit, Clock clock, LoginRateLimiter loginLimiter) {
        this.loginLimiter = loginLimiter;
        this.seal = seal;
        this.tokens = tokens;
        this.authorizer = authorizer;
        this.router = router;
        this.system = system;
        this.authMounts = authMounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Serves {@code request} and waits until its outcome is audited; throws the error outcome. */
    public Response handle(Request request) {
        return handleAsync(request).await();
    }

    /**
     * Serves {@code request}; the outcome's audit record may still be on its way (see
     * {@link Handled}). Throws, without an outcome to record, for refusals before auditing starts
     * (sealed, throttled logins) and when the request record of a change cannot be recorded.
     */
    public Handled handleAsync(Request request) {
        String path = request.path();
        boolean sys = path.equals("sys") || path.startsWith("sys/");
        String sysRelative = sys ? (path.length() > 4 ? path.substring(4) : "") : null;
        if (sys && system.servesUnauthenticated(sysRelative)) {
            return Handled.unaudited(Router.resolve(system, request, sysRelative, system.mountEntry(), null).invoke());
        }
        if (!seal.isServing()) {
            throw new CofferException(CofferException.Kind.SEALED, "Vault is sealed");
        }

        RouteTarget target = null;
        CofferException routeError = null;
        try {
            target = sys ? Router.resolve(system, request, sysRelative, system.mountEntry(), null) : router.resolve(request);
        } catch (CofferException e) {
            routeError = e;
        }
        String mountType = target == null ? "" : target.mountType();

        if (target != null && target.isUnauthenticated()) {
            // Before any work, so that a throttled attempt costs no credential check.
            String subject = target.engine() instanceof LoginSubject s ? s.loginSubject(target.engineRequest()) : "";
            loginLimiter.acquire(request.remoteAddress(), target.engineRequest().mount().accessor(), subject, path);
            return serve(target, new AuditEvent(request, request.operation(), mountType, Optional.empty(), clock.instant()));
        }

        // A token bound to client addresses does not authenticate requests from elsewhere; such a
        // request looks exactly like one with an unknown token.
        Optional<TokenEntry> token = request.clientToken().flatMap(tokens::lookup)
                .filter(t -> t.allowsClient(request.remoteAddress()));
        // The existence check reads storage: only authenticated callers get to cause that.
        Operation operation = target == null || token.isEmpty() ? request.operation() : target.effectiveOperation();
        // Anyone can send a request without a valid token: its body is not worth a byte of the
        // audit volume beyond its size and hash (docs/audit.md, "Requests that fail authentication").
        AuditEvent event = token.isPresent()
                ? new AuditEvent(request, operation, mountType, token, clock.instant())
                : AuditEvent.failedAuthentication(request, operation, mountType, clock.instant(),
                        UnauthenticatedBody.ofData(request.data()));
        TokenUse use;
        try {
            if (token.isEmpty()) {
                throw CofferException.permissionDenied();
            }
            authorizer.authorize(token.get(), target == null ? request : target.authorizationRequest(), operation);
            if (routeError != null) {
                throw routeError;
            }
            use = tokens.recordUse(request.clientToken().get());
        } catch (CofferException denied) {
            return new Handled(null, denied, audit.recordError(event, denied, audit.queueRequest(event)));
        }
        // Closing the use revokes a limited-use token after the request that spent its last use.
        try (use) {
            return serve(target, event);
        }
    }

    private Handled serve(RouteTarget target, AuditEvent event) {
        boolean changesNothing = event.operation() == Operation.READ || event.operation() == Operation.LIST;
        AuditLog.Receipt recorded = changesNothing ? audit.queueRequest(event) : audit.logRequest(event);
        Response response;
        try {
            response = target.invoke();
            if (response.login().isPresent()) {
                var issued = tokens.issueForLogin(loginPolicies(response.login().get()), target.engineRequest().mount());
                response.withAuth(TokenStore.authBlock(issued));
            }
        } catch (CofferException e) {
            return new Handled(null, e, audit.recordError(event, e, recorded));
        } catch (RuntimeException e) {
            // A bug still leaves a trace in the audit log; the client sees a plain 500.
            CofferException internal = CofferException.internal("request failed unexpectedly", e);
            return new Handled(null, internal, audit.recordError(event, internal, recorded));
        }
        return new Handled(response, null, audit.recordResponse(event, response, recorded));
    }

    /**
     * The login with its policies normalized as the ACL will resolve them. Whatever an auth method
     * returns, its token never carries {@code root} (Vault: "auth methods cannot create root
     * tokens").
     */
    private static Login loginPolicies(Login login) {
        List<String> policies = PolicyNames.normalizeAll(login.policies());
        if (policies.contains(PolicyNames.ROOT)) {
            throw CofferException.invalid("auth methods cannot create root tokens");
        }
        return login.withPolicies(policies);
    }

    /** The auth mount table, for front doors that need to know where a login path lives. */
    public MountTable authMounts() {
        return authMounts;
    }
}
