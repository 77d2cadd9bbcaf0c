package io.coffer.core.policy;

import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Request;
import io.coffer.core.token.TokenEntry;

/**
 * The built-in {@code root} policy only: a token holding it may do anything, any other token
 * nothing. ACL policies (their own store and evaluator) replace this with a full evaluator that
 * keeps this rule for {@code root}.
 */
public final class RootPolicyAuthorizer implements Authorizer {

    @Override
    public void authorize(TokenEntry token, Request request, Operation operation) {
        if (!token.isRoot()) {
            throw CofferException.permissionDenied();
        }
    }
}
