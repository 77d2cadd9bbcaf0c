package io.coffer.core.auth.token;

import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Response;
import io.coffer.core.token.TokenStore;
import java.util.List;

/**
 * {@code renew}, {@code renew-self} and {@code renew-accessor}: extend a token's lease by
 * {@code increment} (or its usual TTL) within its limits, answering the new {@code auth} block.
 * Renewal by accessor withholds the token, as in Vault.
 */
final class RenewPaths {

    private final TokenStore tokens;
    private final TokenStore.RoleTerms roleTerms;

    RenewPaths(TokenStore tokens, TokenRoles roles) {
        this.tokens = tokens;
        this.roleTerms = name -> roles.get(name)
                .map(role -> new TokenStore.RenewalTerms(role.effectivePeriod(), role.effectiveExplicitMaxTtl()));
    }

    List<PathRoute> routes() {
        return List.of(
                PathRoute.path("renew").on(Operation.UPDATE, this::renew)
                        .synopsis("Renews a token given in the request."),
                PathRoute.path("renew-self").on(Operation.UPDATE, this::renewSelf)
                        .synopsis("Renews the calling token."),
                PathRoute.path("renew-accessor").on(Operation.UPDATE, this::renewAccessor)
                        .synopsis("Renews a token by its accessor."));
    }

    private Response renew(EngineRequest r) {
        String token = r.fields().string("token").filter(s -> !s.isEmpty())
                .orElseThrow(() -> CofferException.invalid("missing token"));
        return answer(token, tokens.renew(token, Fields.seconds(r.fields(), "increment"), roleTerms));
    }

    private Response renewSelf(EngineRequest r) {
        String token = Caller.of(r, tokens).token();
        return answer(token, tokens.renew(token, Fields.seconds(r.fields(), "increment"), roleTerms));
    }

    private Response renewAccessor(EngineRequest r) {
        String accessor = r.fields().string("accessor").filter(s -> !s.isEmpty())
                .orElseThrow(() -> CofferException.invalid("missing accessor"));
        return answer("", tokens.renewByAccessor(accessor, Fields.seconds(r.fields(), "increment"), roleTerms));
    }

    private static Response answer(String token, TokenStore.Renewal renewal) {
        Response response = Response.empty().withAuth(TokenStore.authBlock(token, renewal.entry()));
        renewal.warnings().forEach(response::withWarning);
        return response;
    }
}
