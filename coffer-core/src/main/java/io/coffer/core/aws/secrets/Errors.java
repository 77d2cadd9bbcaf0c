package io.coffer.core.aws.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.core.aws.AwsErrorType;
import io.coffer.core.aws.AwsServiceException;
import io.coffer.core.error.ClientText;

/**
 * The refusals several operations share, with AWS's wording. Messages never hold a secret value;
 * where AWS's wording names a request value (a label, a version id, a member's value), it appears
 * only in {@link ClientText}'s escaped, length-limited form.
 */
final class Errors {

    static final String INVALID_NAME = "Invalid name. Must be a valid name containing alphanumeric characters, "
            + "or any of the following: -/_+=.@!";

    private Errors() {
    }

    static AwsServiceException notFound() {
        return new AwsServiceException(AwsErrorType.ResourceNotFoundException, "Secrets Manager can't find the specified secret.");
    }

    static AwsServiceException noValueForStage(String stage) {
        return new AwsServiceException(AwsErrorType.ResourceNotFoundException,
                "Secrets Manager can't find the specified secret value for staging label: " + ClientText.escape(stage));
    }

    static AwsServiceException noValueForVersion(String versionId) {
        return new AwsServiceException(AwsErrorType.ResourceNotFoundException,
                "Secrets Manager can't find the specified secret value for VersionId: " + ClientText.escape(versionId));
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

    /** A name or SecretId with characters outside AWS's set: AWS answers a ValidationException. */
    static AwsServiceException invalidName() {
        return new AwsServiceException(AwsErrorType.ValidationException, INVALID_NAME);
    }

    /**
     * A model constraint broken, in AWS's wording: {@code 1 validation error detected: Value 'v' at
     * 'path' failed to satisfy constraint: Member must ...}. {@code path} is the wire member with a
     * lower-case first letter ({@code secretString}, {@code tags.1.member.key}). AWS leaves the value
     * out for sensitive members; pass {@code null} for those. Other values are shown escaped and
     * cut ({@link ClientText}).
     */
    static AwsServiceException validation(String path, String shownValue, String constraint) {
        String value = shownValue == null ? "Value" : "Value '" + ClientText.escape(shownValue) + "'";
        return new AwsServiceException(AwsErrorType.ValidationException,
                "1 validation error detected: " + value + " at '" + path + "' failed to satisfy constraint: " + constraint);
    }

    /** Checks a string member's length (in Unicode code points, as the model counts it). */
    static void checkLength(String path, String value, int min, int max, boolean sensitive) {
        int length = value.codePointCount(0, value.length());
        String shown = sensitive ? null : value;
        if (length < min) {
            throw validation(path, shown, "Member must have length greater than or equal to " + min);
        }
        if (length > max) {
            throw validation(path, shown, "Member must have length less than or equal to " + max);
        }
    }

    /** Checks a number member's range. */
    static void checkRange(String path, long value, long min, long max) {
        if (value < min) {
            throw validation(path, Long.toString(value), "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw validation(path, Long.toString(value), "Member must have value less than or equal to " + max);
        }
    }

    /** The wire member name as AWS's validation messages spell it: first letter lower-case. */
    static String path(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }

    /**
     * AWS's awsJson parser's answer to a member of the wrong JSON type, e.g. {@code STRING_VALUE can
     * not be converted to a Long}.
     */
    static AwsServiceException wrongType(JsonNode node, String expected) {
        String found = node == null ? "null" : switch (node.getNodeType()) {
            case STRING -> "STRING_VALUE";
            case NUMBER -> node.isIntegralNumber() ? "NUMBER_VALUE" : "DECIMAL_VALUE";
            case BOOLEAN -> "BOOLEAN_VALUE";
            case ARRAY -> "START_ARRAY";
            case OBJECT -> "START_OBJECT";
            default -> node.getNodeType().name();
        };
        return new AwsServiceException(AwsErrorType.SerializationException, found + " can not be converted to a " + expected);
    }
}
