package io.coffer.core.handler;

import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Request;
import io.coffer.core.logical.Response;
import io.coffer.core.policy.Authorizer;
import io.coffer.core.router.Router;
import io.coffer.core.seal.ShamirSeal;
import io.coffer.core.sys.SystemBackend;
import io.coffer.core.token.TokenEntry;
import io.coffer.core.token.TokenStore;

/**
 * The core's request path, the same for every front door: the few unauthenticated {@code sys/}
 * endpoints first; then refuse while sealed; authenticate the token; authorize; route to
 * {@code sys/} or a mounted engine. Audit hooks in between authorization and routing.
 */
public final class RequestHandler {

    private final ShamirSeal seal;
    private final TokenStore tokens;
    private final Authorizer authorizer;
    private final Router router;
    private final SystemBackend system;

    public RequestHandler(ShamirSeal seal, TokenStore tokens, Authorizer authorizer, Router router, SystemBackend system) {
        this.seal = seal;
        this.tokens = tokens;
        this.authorizer = authorizer;
        this.router = router;
        this.system = system;
    }

    public Response handle(Request request) {
        String path = request.path();
        boolean sys = path.equals("sys") || path.startsWith("sys/");
        String sysRelative = sys ? (path.length() > 4 ? path.substring(4) : "") : null;
        if (sys && SystemBackend.isUnauthenticated(sysRelative)) {
            return Router.dispatch(system, request, sysRelative, system.mountEntry(), null);
        }
        if (seal.isSealed()) {
            throw new CofferException(CofferException.Kind.SEALED, "Vault is sealed");
        }
        TokenEntry token = request.clientToken().flatMap(tokens::lookup).orElseThrow(CofferException::permissionDenied);
        authorizer.authorize(token, request);
        if (sys) {
            return Router.dispatch(system, request, sysRelative, system.mountEntry(), null);
        }
        return router.route(request);
    }
}
