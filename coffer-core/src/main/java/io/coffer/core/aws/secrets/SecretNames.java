package io.coffer.core.aws.secrets;

import io.coffer.core.storage.StorageKeys;
import java.util.regex.Pattern;

/**
 * AWS's secret name rules, narrowed to names that are also KV keys: ASCII letters, digits and
 * {@code /_+=.@-}, 1 to 512 characters, and (the KV narrowing) no empty, {@code .} or {@code ..}
 * path segment, so no leading, trailing or double {@code /}.
 */
final class SecretNames {

    static final int MAX_LENGTH = 512;
    static final int MAX_SECRET_ID_LENGTH = 2048;
    /** What AWS warns against: such a name reads like a partial ARN's name plus suffix. */
    static final Pattern ARN_SUFFIXED = Pattern.compile("(?s)(.+)-([A-Za-z0-9]{6})");

    private SecretNames() {
    }

    /** Checks a name given to CreateSecret. */
    static void check(String name) {
        Errors.checkLength("name", name, 1, MAX_LENGTH, false);
        if (!hasNameCharsOnly(name)) {
            throw Errors.invalidName();
        }
        if (!isKvKey(name)) {
            throw Errors.invalidParameter("Invalid name. This server stores secrets as KV paths: a name may not "
                    + "start or end with '/', contain '//', or have a '.' or '..' segment.");
        }
    }

    /**
     * Checks a SecretId as AWS does before looking it up: its length, and, unless it is an ARN,
     * the name character set (a bad character is a ValidationException, not "not found").
     */
    static void checkSecretId(String secretId) {
        Errors.checkLength("secretId", secretId, 1, MAX_SECRET_ID_LENGTH, false);
        if (!secretId.startsWith("arn:") && !hasNameCharsOnly(secretId)) {
            throw Errors.invalidName();
        }
    }

    /**
     * Whether {@code s} is not empty and has only ASCII letters, digits and {@code /_+=.@-} (a
     * loop rather than a regex: every lookup checks its SecretId twice).
     */
    static boolean hasNameCharsOnly(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '/' || c == '_' || c == '+' || c == '=' || c == '.' || c == '@' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code name} can name a KV key (so a lookup may try it). */
    static boolean isKvKey(String name) {
        if (name.isEmpty() || name.length() > MAX_LENGTH || !hasNameCharsOnly(name)) {
            return false;
        }
        return StorageKeys.segmentProblem(name) == StorageKeys.SegmentProblem.NONE;
    }
}
