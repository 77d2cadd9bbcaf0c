package io.coffer.core.aws;

/**
 * The AWS error types the Secrets Manager door returns, each with the HTTP status AWS answers it
 * with. The enum constant's name is the wire {@code __type}.
 */
public enum AwsErrorType {
    // Secrets Manager's own errors.
    ResourceNotFoundException(400),
    InvalidParameterException(400),
    InvalidRequestException(400),
    InvalidNextTokenException(400),
    ResourceExistsException(400),
    LimitExceededException(400),
    MalformedPolicyDocumentException(400),
    PreconditionNotMetException(400),
    PublicPolicyException(400),
    DecryptionFailure(400),
    EncryptionFailure(400),
    InternalServiceError(500),
    // Errors common to every awsJson service.
    AccessDeniedException(400),
    UnrecognizedClientException(400),
    InvalidSignatureException(400),
    IncompleteSignatureException(400),
    MissingAuthenticationTokenException(400),
    RequestExpired(400),
    UnknownOperationException(400),
    SerializationException(400),
    ValidationException(400),
    ThrottlingException(400),
    ServiceUnavailable(503);

    private final int httpStatus;

    AwsErrorType(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
