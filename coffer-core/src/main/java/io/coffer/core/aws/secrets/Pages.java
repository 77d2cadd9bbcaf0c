package io.coffer.core.aws.secrets;

import io.coffer.core.aws.AwsErrorType;
import io.coffer.core.aws.AwsServiceException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** NextToken: an opaque offset into a listing that is sorted the same way on every call. */
final class Pages {

    private static final String PREFIX = "coffer-page:";

    private Pages() {
    }

    static int offset(Optional<String> nextToken) {
        if (nextToken.isEmpty()) {
            return 0;
        }
        Errors.checkLength("nextToken", nextToken.get(), 1, 4096, false);
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(nextToken.get()), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                int offset = Integer.parseInt(decoded.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw new AwsServiceException(AwsErrorType.InvalidNextTokenException, "The NextToken value is invalid.");
    }

    static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }
}
