package io.coffer.core.aws.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.aws.AwsErrorType;
import io.coffer.core.aws.AwsServiceException;
import io.coffer.core.json.Json;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * GetRandomPassword with AWS's options and defaults: 32 characters (1 to 4096) drawn from lowercase
 * and uppercase letters, digits and AWS's 32 punctuation characters, optionally the space, minus
 * {@code ExcludeCharacters}; with {@code RequireEachIncludedType} (the default) at least one
 * character of each included letter, digit and punctuation class.
 *
 * <p>Every character is an unbiased draw ({@link SecureRandom#nextInt(int)} rejects instead of
 * reducing modulo) from the allowed set. The required classes are met by rejection: a password that
 * misses a class is discarded and drawn again, which keeps the result uniform over every valid
 * password. When a class is so rare that rejection would take too long (a short password with a
 * class reduced to a character or two by {@code ExcludeCharacters}), the fallback places one
 * character of each missing class at random positions; those passwords are still random, only not
 * exactly uniform.
 *
 * <p>A class counts as included when at least one of its characters survives the exclusions, so
 * excluding every digit through {@code ExcludeCharacters} behaves like {@code ExcludeNumbers}. The
 * space is never a required class (AWS's documentation lists letters, numbers and punctuation).
 *
 * <p>Thread-safe. The generated password appears only in the returned node, never in an exception.
 */
public final class RandomPasswords {

    public static final int DEFAULT_LENGTH = 32;
    public static final int MAX_LENGTH = 4096;
    static final int MAX_EXCLUDE_CHARACTERS = 4096;

    static final String LOWERCASE = "abcdefghijklmnopqrstuvwxyz";
    static final String UPPERCASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String DIGITS = "0123456789";
    /** AWS's documented punctuation set: the 32 printable ASCII symbols. */
    static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    static final String SPACE = " ";

    private static final int REJECTION_ATTEMPTS = 64;

    private final SecureRandom random;

    public RandomPasswords() {
        this(new SecureRandom());
    }

    RandomPasswords(SecureRandom random) {
        this.random = Objects.requireNonNull(random);
    }

    /**
     * Runs GetRandomPassword.
     *
     * @param input the request body (may be empty)
     * @return {@code {"RandomPassword": "..."}}
     * @throws AwsServiceException {@code SerializationException} for a field of the wrong JSON type,
     *                             {@code ValidationException} for a value outside AWS's model
     *                             constraints, {@code InvalidParameterException} when no password
     *                             can satisfy the options
     */
    public ObjectNode generate(ObjectNode input) {
        Options options = Options.from(input);
        String password = generate(options);
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("RandomPassword", password);
        return out;
    }

    String generate(Options options) {
        int[] excluded = options.excludeCharacters().codePoints().sorted().distinct().toArray();
        List<int[]> required = new ArrayList<>();
        StringBuilder pool = new StringBuilder();
        addClass(LOWERCASE, !options.excludeLowercase(), excluded, pool, required);
        addClass(UPPERCASE, !options.excludeUppercase(), excluded, pool, required);
        addClass(DIGITS, !options.excludeNumbers(), excluded, pool, required);
        addClass(PUNCTUATION, !options.excludePunctuation(), excluded, pool, required);
        addClass(SPACE, options.includeSpace(), excluded, pool, null);
        char[] allowed = pool.toString().toCharArray();
        if (allowed.length == 0) {
            throw new AwsServiceException(AwsErrorType.InvalidParameterException,
                    "The password cannot be generated: every character is excluded.");
        }
        if (!options.requireEachIncludedType()) {
            return new String(draw(allowed, options.length()));
        }
        if (options.length() < required.size()) {
            throw new AwsServiceException(AwsErrorType.InvalidParameterException,
                    "Password length is too short based on the required types.");
        }
        for (int attempt = 0; attempt < REJECTION_ATTEMPTS; attempt++) {
            char[] candidate = draw(allowed, options.length());
            if (missingClasses(candidate, required).isEmpty()) {
                return new String(candidate);
            }
            Arrays.fill(candidate, '\0');
        }
        return new String(withEachClassPlaced(allowed, options.length(), required));
    }

    private static void addClass(String chars, boolean included, int[] excluded, StringBuilder pool, List<int[]> required) {
        if (!included) {
            return;
        }
        int[] left = remaining(chars, excluded);
        for (int c : left) {
            pool.append((char) c);
        }
        if (required != null && left.length > 0) {
            required.add(left);
        }
    }

    private static int[] remaining(String chars, int[] excluded) {
        return chars.chars().filter(c -> Arrays.binarySearch(excluded, c) < 0).toArray();
    }

    private char[] draw(char[] allowed, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = allowed[random.nextInt(allowed.length)];
        }
        return out;
    }

    private static List<int[]> missingClasses(char[] password, List<int[]> required) {
        List<int[]> missing = new ArrayList<>();
        for (int[] cls : required) {
            boolean present = false;
            for (char c : password) {
                if (Arrays.binarySearch(cls, c) >= 0) {
                    present = true;
                    break;
                }
            }
            if (!present) {
                missing.add(cls);
            }
        }
        return missing;
    }

    /** Draws freely, then overwrites distinct random positions with one character of each class. */
    private char[] withEachClassPlaced(char[] allowed, int length, List<int[]> required) {
        char[] out = draw(allowed, length);
        int[] positions = new int[length];
        for (int i = 0; i < length; i++) {
            positions[i] = i;
        }
        // A partial Fisher-Yates shuffle picks required.size() distinct positions uniformly.
        for (int i = 0; i < required.size(); i++) {
            int j = i + random.nextInt(length - i);
            int swap = positions[i];
            positions[i] = positions[j];
            positions[j] = swap;
            int[] cls = required.get(i);
            out[positions[i]] = (char) cls[random.nextInt(cls.length)];
        }
        return out;
    }

    /** The request's options after AWS's defaults and model constraints. */
    record Options(int length, String excludeCharacters, boolean excludeNumbers, boolean excludePunctuation,
                   boolean excludeUppercase, boolean excludeLowercase, boolean includeSpace,
                   boolean requireEachIncludedType) {

        static Options defaults() {
            return new Options(DEFAULT_LENGTH, "", false, false, false, false, false, true);
        }

        static Options from(ObjectNode input) {
            Objects.requireNonNull(input);
            long length = longField(input, "PasswordLength", DEFAULT_LENGTH);
            String exclude = stringField(input, "ExcludeCharacters");
            List<String> violations = new ArrayList<>();
            if (length < 1) {
                violations.add("Value '" + length + "' at 'passwordLength' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
            } else if (length > MAX_LENGTH) {
                violations.add("Value '" + length + "' at 'passwordLength' failed to satisfy constraint: "
                        + "Member must have value less than or equal to " + MAX_LENGTH);
            }
            if (exclude.codePointCount(0, exclude.length()) > MAX_EXCLUDE_CHARACTERS) {
                // The value itself is left out: it is long and says nothing the caller does not know.
                violations.add("Value at 'excludeCharacters' failed to satisfy constraint: "
                        + "Member must have length less than or equal to " + MAX_EXCLUDE_CHARACTERS);
            }
            if (!violations.isEmpty()) {
                throw new AwsServiceException(AwsErrorType.ValidationException, violations.size()
                        + (violations.size() == 1 ? " validation error" : " validation errors")
                        + " detected: " + String.join("; ", violations));
            }
            return new Options((int) length, exclude,
                    booleanField(input, "ExcludeNumbers", false),
                    booleanField(input, "ExcludePunctuation", false),
                    booleanField(input, "ExcludeUppercase", false),
                    booleanField(input, "ExcludeLowercase", false),
                    booleanField(input, "IncludeSpace", false),
                    booleanField(input, "RequireEachIncludedType", true));
        }

        private static long longField(ObjectNode input, String name, long absent) {
            JsonNode node = input.get(name);
            if (node == null || node.isNull()) {
                return absent;
            }
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw Errors.wrongType(node, "Long");
            }
            return node.longValue();
        }

        private static boolean booleanField(ObjectNode input, String name, boolean absent) {
            JsonNode node = input.get(name);
            if (node == null || node.isNull()) {
                return absent;
            }
            if (!node.isBoolean()) {
                throw Errors.wrongType(node, "Boolean");
            }
            return node.booleanValue();
        }

        private static String stringField(ObjectNode input, String name) {
            JsonNode node = input.get(name);
            if (node == null || node.isNull()) {
                return "";
            }
            if (!node.isTextual()) {
                throw Errors.wrongType(node, "String");
            }
            return node.textValue();
        }
    }
}
