package io.coffer.core.aws;

import io.coffer.core.error.ClientText;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Request;
import io.coffer.core.policy.Authorizer;
import io.coffer.core.token.TokenEntry;

/**
 * The {@link AccessCheck} of one AWS call: the node's ACL engine decides, for the in-memory token
 * that stands for the access key, exactly as it would for a Vault request on the same path.
 */
final class PolicyAccessCheck implements AccessCheck {

    private final Authorizer authorizer;
    private final TokenEntry principal;
    private final String accessKeyId;
    private final String operation;
    private final String requestId;

    PolicyAccessCheck(Authorizer authorizer, TokenEntry principal, String accessKeyId, String operation, String requestId) {
        this.authorizer = authorizer;
        this.principal = principal;
        this.accessKeyId = accessKeyId;
        this.operation = operation;
        this.requestId = requestId;
    }

    @Override
    public void require(Operation op, String path) {
        if (!allows(op, path)) {
            String action = "secretsmanager:" + operation;
            throw new AwsServiceException(AwsErrorType.AccessDeniedException, "User: " + accessKeyId
                    + " is not authorized to perform: " + action + " on resource: " + ClientText.escape(path)
                    + " because no policy allows the " + action + " action");
        }
    }

    @Override
    public String caller() {
        return accessKeyId;
    }

    @Override
    public boolean allows(Operation op, String path) {
        try {
            authorizer.authorize(principal, Request.builder(op, path).id(requestId).build(), op);
            return true;
        } catch (CofferException e) {
            if (e.kind() == CofferException.Kind.PERMISSION_DENIED) {
                return false;
            }
            throw e;
        }
    }
}
