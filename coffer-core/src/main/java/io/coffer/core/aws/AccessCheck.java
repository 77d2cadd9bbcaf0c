package io.coffer.core.aws;

import io.coffer.core.logical.Operation;

/**
 * Asks the caller's ACL policies whether an AWS operation may touch a Vault path, so that one set
 * of policies guards both doors (GetSecretValue needs {@code read} on {@code secret/data/N}, and
 * so on). Implementations throw {@link AwsServiceException} of type
 * {@link AwsErrorType#AccessDeniedException} when the policies do not allow it.
 */
public interface AccessCheck {

    /** @param path full Vault path including the mount, e.g. {@code secret/data/app/db} */
    void require(Operation operation, String path);

    /** Like {@link #require} but answers instead of throwing (for filtering lists and batches). */
    boolean allows(Operation operation, String path);

    /**
     * Who is asking (the access key id), so that what one caller's request left behind, such as
     * a listing's kept order, serves only that caller; empty when unknown.
     */
    default String caller() {
        return "";
    }
}
