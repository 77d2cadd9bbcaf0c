package io.coffer.core.aws.secrets;

import io.coffer.core.aws.AwsErrorType;
import io.coffer.core.aws.AwsServiceException;
import io.coffer.core.storage.StorageKeys;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * NextToken: an opaque cursor naming the last entry a page returned, never an offset, so that the
 * next page resumes there at the cost of that page alone. A token is validated, not signed: it
 * only says where to resume in a listing whose every entry is checked against the caller's
 * policies again, so a forged one can show nothing the caller could not list from the start. One
 * that does not decode, belongs to another sort order, or names no possible key is
 * {@code InvalidNextTokenException}, whose message never repeats it.
 */
final class Pages {

    private static final String VERSION = "coffer-page-2";
    private static final String SECRETS = "s";
    private static final String VERSIONS = "v";
    private static final String NO_VALUE = "-";
    private static final int MAX_TOKEN = 4096;

    /**
     * Where a ListSecrets (or BatchGetSecretValue by filters) page ended.
     *
     * @param sortBy the listing's SortBy, wire name
     * @param order  {@code asc} or {@code desc}
     * @param value  the last entry's sort value (epoch milliseconds), or null when it had none or
     *               the listing is by name
     * @param name     the last entry's name
     * @param snapshot the id of the listing's kept order ({@link ListingSnapshots}), or null
     */
    record SecretCursor(String sortBy, String order, Long value, String name, String snapshot) {
    }

    private Pages() {
    }

    /** The cursor of {@code nextToken}, which must come from a listing sorted the same way. */
    static Optional<SecretCursor> secretCursor(Optional<String> nextToken, String sortBy, String order) {
        if (nextToken.isEmpty()) {
            return Optional.empty();
        }
        String[] f = fields(nextToken.get(), SECRETS, 5);
        if (!f[0].equals(sortBy) || !f[1].equals(order) || !isKey(f[4]) || !isSnapshotId(f[3])) {
            throw invalid();
        }
        return Optional.of(new SecretCursor(f[0], f[1], f[2].equals(NO_VALUE) ? null : number(f[2]), f[4],
                f[3].equals(NO_VALUE) ? null : f[3]));
    }

    static String token(SecretCursor c) {
        return encode(SECRETS, c.sortBy(), c.order(), c.value() == null ? NO_VALUE : Long.toString(c.value()),
                c.snapshot() == null ? NO_VALUE : c.snapshot(), c.name());
    }

    /** The version number a ListSecretVersionIds page ended at (versions are listed newest first). */
    static OptionalLong versionCursor(Optional<String> nextToken) {
        if (nextToken.isEmpty()) {
            return OptionalLong.empty();
        }
        long number = number(fields(nextToken.get(), VERSIONS, 1)[0]);
        if (number < 1) {
            throw invalid();
        }
        return OptionalLong.of(number);
    }

    static String versionToken(long lastNumber) {
        return encode(VERSIONS, Long.toString(lastNumber));
    }

    private static String encode(String kind, String... fields) {
        String text = VERSION + "\n" + kind + "\n" + String.join("\n", fields);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The token's fields; the last one takes the rest of the text, so a name may hold anything. */
    private static String[] fields(String token, String kind, int count) {
        Errors.checkLength("nextToken", token, 1, MAX_TOKEN, true);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(token)))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw invalid();
        }
        String[] parts = text.split("\n", count + 2);
        if (parts.length != count + 2 || !parts[0].equals(VERSION) || !parts[1].equals(kind)) {
            throw invalid();
        }
        String[] out = new String[count];
        System.arraycopy(parts, 2, out, 0, count);
        return out;
    }

    private static long number(String text) {
        if (text.isEmpty() || text.length() > 19) {
            throw invalid();
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /** {@code -} or up to 32 base64url characters: only ever looked up, never shown. */
    private static boolean isSnapshotId(String id) {
        if (id.equals(NO_VALUE)) {
            return true;
        }
        if (id.isEmpty() || id.length() > 32) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code name} could be a KV key: the cursor is handed to storage as one. */
    private static boolean isKey(String name) {
        if (name.isEmpty()) {
            return false;
        }
        try {
            StorageKeys.requireValidKey(name);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return StorageKeys.segmentProblem(name) == StorageKeys.SegmentProblem.NONE;
    }

    private static AwsServiceException invalid() {
        return new AwsServiceException(AwsErrorType.InvalidNextTokenException, "The NextToken value is invalid.");
    }
}
