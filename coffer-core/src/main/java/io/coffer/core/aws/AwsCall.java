package io.coffer.core.aws;

import io.coffer.core.aws.sigv4.SignedRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to the AWS door, as the HTTP adapter received it.
 *
 * @param target        the {@code X-Amz-Target} header, empty when absent
 * @param signed        the raw request the signature covers
 * @param remoteAddress the client's address, for the audit log
 * @param requestId     the id sent back as {@code x-amzn-RequestId} and recorded in the audit log
 */
public record AwsCall(Optional<String> target, SignedRequest signed, String remoteAddress, String requestId) {

    public AwsCall {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(signed, "signed");
        remoteAddress = remoteAddress == null ? "" : remoteAddress;
        Objects.requireNonNull(requestId, "requestId");
    }
}
