package io.coffer.core.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Secrets Manager operations, independent of HTTP and of authentication: the front door has
 * already verified the caller's signature and audits around this call.
 */
public interface SecretsManagerOperations {

    /**
     * Runs one operation.
     *
     * @param operation the part of {@code X-Amz-Target} after {@code secretsmanager.}, e.g.
     *                  {@code GetSecretValue}
     * @param input     the request body (awsJson1.1 object)
     * @param access    the caller's policies
     * @return the response body
     * @throws AwsServiceException for every refusal, including an unknown operation
     *                             ({@link AwsErrorType#UnknownOperationException})
     */
    ObjectNode invoke(String operation, ObjectNode input, AccessCheck access);
}
