package io.coffer.core.auth.token;

import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Response;
import io.coffer.core.token.TokenStore;
import java.util.List;

/**
 * {@code revoke}, {@code revoke-self}, {@code revoke-accessor} (each revoking the token with its
 * whole subtree) and {@code revoke-orphan} (the token alone; its children become orphans; sudo).
 * Revoking a token that does not exist succeeds, as in Vault.
 */
final class RevokePaths {

    private final TokenStore tokens;

    RevokePaths(TokenStore tokens) {
        this.tokens = tokens;
    }

    List<PathRoute> routes() {
        return List.of(
                PathRoute.path("revoke").on(Operation.UPDATE, this::revoke)
                        .synopsis("Revokes a token given in the request and all its children."),
                PathRoute.path("revoke-self").on(Operation.UPDATE, this::revokeSelf)
                        .synopsis("Revokes the calling token and all its children."),
                PathRoute.path("revoke-accessor").on(Operation.UPDATE, this::revokeAccessor)
                        .synopsis("Revokes a token by its accessor, and all its children."),
                PathRoute.path("revoke-orphan").on(Operation.UPDATE, this::revokeOrphan)
                        .synopsis("Revokes a token but not its children, which become orphans (sudo)."));
    }

    private Response revoke(EngineRequest r) {
        tokens.revoke(requiredToken(r));
        return Response.empty();
    }

    private Response revokeSelf(EngineRequest r) {
        tokens.revoke(Caller.of(r, tokens).token());
        return Response.empty();
    }

    private Response revokeAccessor(EngineRequest r) {
        String accessor = r.fields().string("accessor").filter(s -> !s.isEmpty())
                .orElseThrow(() -> CofferException.invalid("missing accessor"));
        if (!tokens.revokeByAccessor(accessor)) {
            return Response.empty().withWarning("no token has this accessor");
        }
        return Response.empty();
    }

    private Response revokeOrphan(EngineRequest r) {
        String token = requiredToken(r);
        if (!Caller.of(r, tokens).isSudo()) {
            throw CofferException.invalid("only a root or sudo caller may use revoke-orphan");
        }
        if (!tokens.revokeOrphan(token)) {
            throw CofferException.invalid("no valid token to revoke");
        }
        return Response.empty();
    }

    private static String requiredToken(EngineRequest r) {
        return r.fields().string("token").filter(s -> !s.isEmpty())
                .orElseThrow(() -> CofferException.invalid("missing token"));
    }
}
