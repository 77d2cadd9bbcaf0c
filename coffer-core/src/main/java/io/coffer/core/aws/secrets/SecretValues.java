package io.coffer.core.aws.secrets;

import io.coffer.core.aws.AwsErrorType;
import io.coffer.core.aws.AwsServiceException;
import io.coffer.core.engine.kv.KeyEditor;
import io.coffer.core.engine.kv.SecretValue;
import io.coffer.core.engine.kv.StagedVersion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * Values in requests (SecretString / SecretBinary, the 64 KiB limit) and the ClientRequestToken
 * rule shared by every operation that writes a version.
 */
final class SecretValues {

    static final int MAX_VALUE = 65536;

    private SecretValues() {
    }

    /** The request's value; empty when it has neither member. */
    static Optional<SecretValue> parse(Input in) {
        Optional<String> text = in.string("SecretString");
        Optional<String> binary = in.string("SecretBinary");
        if (text.isPresent() && binary.isPresent()) {
            throw Errors.invalidParameter("You can't specify both a binary secret value and a string secret value in the same secret.");
        }
        if (text.isPresent()) {
            Errors.checkLength("secretString", text.get(), 1, MAX_VALUE, true);
            return Optional.of(io.coffer.core.engine.kv.SecretValues.ofString(text.get()));
        }
        if (binary.isPresent()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(binary.get());
            } catch (IllegalArgumentException e) {
                throw new AwsServiceException(AwsErrorType.SerializationException, "SecretBinary is not valid base64");
            }
            if (bytes.length < 1) {
                throw Errors.validation("secretBinary", null, "Member must have length greater than or equal to 1");
            }
            if (bytes.length > MAX_VALUE) {
                throw Errors.validation("secretBinary", null, "Member must have length less than or equal to " + MAX_VALUE);
            }
            return Optional.of(new SecretValue.Binary(bytes));
        }
        return Optional.empty();
    }

    /** The request's ClientRequestToken, checked; empty when absent. */
    static Optional<String> token(Input in) {
        Optional<String> token = in.string("ClientRequestToken");
        token.ifPresent(t -> Errors.checkLength("clientRequestToken", t, 32, 64, false));
        return token;
    }

    /**
     * Writes {@code value} as a new version with the token as its id (a UUID when absent), or
     * returns the existing version when the token was used before with the same value. The same
     * token with another value is refused: a version never changes.
     */
    static StagedVersion write(KeyEditor editor, Optional<String> token, SecretValue value, Collection<String> labels) {
        if (token.isPresent()) {
            Optional<StagedVersion> existing = editor.view().byVersionId(token.get());
            if (existing.isPresent()) {
                SecretValue stored = editor.value(existing.get().number()).orElse(SecretValue.NONE);
                if (same(stored, value)) {
                    return existing.get();
                }
                throw versionExists();
            }
        }
        return editor.append(value, token.orElseGet(() -> UUID.randomUUID().toString()), labels);
    }

    /**
     * UpdateSecret's rule, stricter than {@link #write}: AWS documents that a ClientRequestToken
     * matching an existing version is an error even with the same value.
     */
    static StagedVersion writeNew(KeyEditor editor, Optional<String> token, SecretValue value, Collection<String> labels) {
        if (token.isPresent() && editor.view().byVersionId(token.get()).isPresent()) {
            throw versionExists();
        }
        return write(editor, token, value, labels);
    }

    private static AwsServiceException versionExists() {
        return new AwsServiceException(AwsErrorType.ResourceExistsException,
                "You can't modify an existing version, you can only create a new version.");
    }

    /** Whether two values are the same on the AWS wire; compared in constant time. */
    static boolean same(SecretValue a, SecretValue b) {
        if (a instanceof SecretValue.Binary != b instanceof SecretValue.Binary
                || a instanceof SecretValue.None != b instanceof SecretValue.None) {
            return false;
        }
        return MessageDigest.isEqual(wireBytes(a), wireBytes(b));
    }

    private static byte[] wireBytes(SecretValue v) {
        return switch (v) {
            case SecretValue.Binary b -> b.bytes();
            case SecretValue.Text t -> t.text().getBytes(StandardCharsets.UTF_8);
            case SecretValue.JsonObject o -> o.original() != null ? o.original().getBytes(StandardCharsets.UTF_8)
                    : io.coffer.core.json.Json.write(o.data());
            case SecretValue.None n -> new byte[0];
        };
    }
}
