package io.coffer.core.policy;

import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Request;
import io.coffer.core.token.TokenEntry;
import java.util.Optional;
import java.util.function.Function;

/**
 * Authorizes requests by the ACL policies of their token, as Vault does: a root token may do
 * anything; any other token needs the capability of the operation on the request path
 * ({@code create} for a write to a path that does not exist yet, which the route's existence check
 * decides before this runs), its parameter constraints must hold, and on Vault's root-protected
 * paths ({@link SudoPaths}) it needs {@code sudo} as well. Everything else is
 * {@code 403 permission denied}, with no hint of which rule was missing.
 */
public final class AclAuthorizer implements Authorizer {

    private static final String UI_MOUNTS = "sys/internal/ui/mounts/";

    private final PolicyStore policies;
    private final Function<String, Optional<String>> mountOf;

    /**
     * @param mountOf the mount path (ending in {@code /}) serving a request path, for the CLI's
     *                mount preflight
     */
    public AclAuthorizer(PolicyStore policies, Function<String, Optional<String>> mountOf) {
        this.policies = policies;
        this.mountOf = mountOf;
    }

    @Override
    public void authorize(TokenEntry token, Request request, Operation operation) {
        if (token.isRoot()) {
            return;
        }
        if (operation == Operation.READ && request.path().startsWith(UI_MOUNTS)) {
            // Vault's preflight is open to any token that can reach something in the mount, so
            // that `kv get` works for a token that may only read one secret.
            String mount = mountOf.apply(request.path().substring(UI_MOUNTS.length())).orElse("");
            if (mount.isEmpty() || !policies.acl(token.policies()).grantsAnythingUnder(mount)) {
                throw CofferException.permissionDenied();
            }
            return;
        }
        String path = aclPath(request.path(), operation);
        Acl.Decision decision = policies.acl(token.policies()).evaluate(operation, path, request.data());
        if (!decision.allowed() || (SudoPaths.requiresSudo(path) && !decision.sudo())) {
            throw CofferException.permissionDenied();
        }
    }

    /**
     * The path a policy is checked against. Vault's HTTP layer appends a slash to the path of a
     * {@code list} request (listing is always of a folder), so a {@code list} on
     * {@code secret/metadata/app} is checked as {@code secret/metadata/app/}; the ACL then also
     * tries it without the slash.
     */
    static String aclPath(String requestPath, Operation operation) {
        return operation == Operation.LIST && !requestPath.endsWith("/") ? requestPath + "/" : requestPath;
    }
}
