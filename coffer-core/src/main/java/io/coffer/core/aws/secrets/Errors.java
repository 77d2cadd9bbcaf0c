package io.coffer.core.aws.secrets;

import io.coffer.core.aws.AwsErrorType;
import io.coffer.core.aws.AwsServiceException;

/** The refusals several operations share, with AWS's wording. Messages never hold a value. */
final class Errors {

    private Errors() {
    }

    static AwsServiceException notFound() {
        return new AwsServiceException(AwsErrorType.ResourceNotFoundException, "Secrets Manager can't find the specified secret.");
    }

    static AwsServiceException noValueForStage(String stage) {
        return new AwsServiceException(AwsErrorType.ResourceNotFoundException,
                "Secrets Manager can't find the specified secret value for staging label: " + stage);
    }

    static AwsServiceException noValueForVersion(String versionId) {
        return new AwsServiceException(AwsErrorType.ResourceNotFoundException,
                "Secrets Manager can't find the specified secret value for VersionId: " + versionId);
    }

    static AwsServiceException markedForDeletion() {
        return new AwsServiceException(AwsErrorType.InvalidRequestException,
                "You can't perform this operation on the secret because it was marked for deletion.");
    }

    static AwsServiceException invalidParameter(String message) {
        return new AwsServiceException(AwsErrorType.InvalidParameterException, message);
    }

    static AwsServiceException invalidRequest(String message) {
        return new AwsServiceException(AwsErrorType.InvalidRequestException, message);
    }

    /** A model constraint broken, in AWS's validation wording; {@code member} is the wire name. */
    static AwsServiceException validation(String member, String constraint) {
        String field = Character.toLowerCase(member.charAt(0)) + member.substring(1);
        return new AwsServiceException(AwsErrorType.ValidationException,
                "1 validation error detected: Value at '" + field + "' failed to satisfy constraint: " + constraint);
    }
}
