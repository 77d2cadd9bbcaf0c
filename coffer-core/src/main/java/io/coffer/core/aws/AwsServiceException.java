package io.coffer.core.aws;

import java.util.Objects;

/**
 * A refusal the AWS door renders as {@code {"__type": type, "Message": message}} with the type's
 * HTTP status. The message goes to the client: it must never contain a secret value.
 */
public final class AwsServiceException extends RuntimeException {

    private final AwsErrorType type;

    public AwsServiceException(AwsErrorType type, String message) {
        super(Objects.requireNonNull(message), null, false, false);
        this.type = Objects.requireNonNull(type);
    }

    public AwsErrorType type() {
        return type;
    }
}
