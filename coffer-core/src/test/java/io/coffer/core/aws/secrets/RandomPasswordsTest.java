package io.coffer.core.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.aws.AwsErrorType;
import io.coffer.core.aws.AwsServiceException;
import io.coffer.core.json.Json;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class RandomPasswordsTest {

    private static final String ALL_DEFAULT = RandomPasswords.LOWERCASE + RandomPasswords.UPPERCASE
            + RandomPasswords.DIGITS + RandomPasswords.PUNCTUATION;

    private final RandomPasswords passwords = new RandomPasswords();

    private static ObjectNode input(Object... pairs) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            node.set((String) pairs[i], Json.MAPPER.valueToTree(pairs[i + 1]));
        }
        return node;
    }

    private String password(Object... pairs) {
        ObjectNode out = passwords.generate(input(pairs));
        assertThat(out.size()).isEqualTo(1);
        assertThat(out.get("RandomPassword").isTextual()).isTrue();
        return out.get("RandomPassword").textValue();
    }

    private static boolean any(String s, String chars) {
        return s.chars().anyMatch(c -> chars.indexOf(c) >= 0);
    }

    private static boolean only(String s, IntPredicate allowed) {
        return s.chars().allMatch(allowed);
    }

    private static AwsErrorType typeOf(Runnable r) {
        try {
            r.run();
        } catch (AwsServiceException e) {
            return e.type();
        }
        throw new AssertionError("no AwsServiceException");
    }

    @Test
    void generate_noOptions_gives32CharactersOfEveryClassFromAwsSet() {
        for (int i = 0; i < 200; i++) {
            String p = password();
            assertThat(p).hasSize(32);
            assertThat(only(p, c -> ALL_DEFAULT.indexOf(c) >= 0)).isTrue();
            assertThat(any(p, RandomPasswords.LOWERCASE)).isTrue();
            assertThat(any(p, RandomPasswords.UPPERCASE)).isTrue();
            assertThat(any(p, RandomPasswords.DIGITS)).isTrue();
            assertThat(any(p, RandomPasswords.PUNCTUATION)).isTrue();
            assertThat(p).doesNotContain(" ");
        }
    }

    @Test
    void punctuation_isAwsDocumentedSetOf32() {
        assertThat(RandomPasswords.PUNCTUATION).isEqualTo("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");
        assertThat(RandomPasswords.PUNCTUATION.chars().distinct().count()).isEqualTo(32);
    }

    @Test
    void passwordLength_isHonouredAtBothBounds() {
        assertThat(password("PasswordLength", 1, "RequireEachIncludedType", false)).hasSize(1);
        assertThat(password("PasswordLength", 4)).hasSize(4);
        assertThat(password("PasswordLength", 4096)).hasSize(4096);
    }

    @Test
    void passwordLength_outsideOneTo4096_isValidationException() {
        assertThatThrownBy(() -> password("PasswordLength", 0))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.type()).isEqualTo(AwsErrorType.ValidationException))
                .hasMessage("1 validation error detected: Value '0' at 'passwordLength' failed to satisfy "
                        + "constraint: Member must have value greater than or equal to 1");
        assertThatThrownBy(() -> password("PasswordLength", 4097))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.type()).isEqualTo(AwsErrorType.ValidationException))
                .hasMessageContaining("Member must have value less than or equal to 4096");
        assertThat(typeOf(() -> password("PasswordLength", -5))).isEqualTo(AwsErrorType.ValidationException);
    }

    @Test
    void eachExcludeSwitch_removesItsClass() {
        for (int i = 0; i < 100; i++) {
            String noDigits = password("ExcludeNumbers", true);
            assertThat(any(noDigits, RandomPasswords.DIGITS)).isFalse();
            assertThat(any(noDigits, RandomPasswords.PUNCTUATION)).isTrue();

            String noPunct = password("ExcludePunctuation", true);
            assertThat(any(noPunct, RandomPasswords.PUNCTUATION)).isFalse();
            assertThat(any(noPunct, RandomPasswords.DIGITS)).isTrue();

            String noUpper = password("ExcludeUppercase", true);
            assertThat(any(noUpper, RandomPasswords.UPPERCASE)).isFalse();
            assertThat(any(noUpper, RandomPasswords.LOWERCASE)).isTrue();

            String noLower = password("ExcludeLowercase", true);
            assertThat(any(noLower, RandomPasswords.LOWERCASE)).isFalse();
            assertThat(any(noLower, RandomPasswords.UPPERCASE)).isTrue();
        }
    }

    @Test
    void excludeCharacters_neverAppear() {
        String excluded = "abcdefABCDEF0123!\"#$%&'()*+,-./";
        for (int i = 0; i < 200; i++) {
            String p = password("ExcludeCharacters", excluded, "PasswordLength", 64);
            assertThat(any(p, excluded)).isFalse();
            assertThat(any(p, RandomPasswords.PUNCTUATION)).isTrue();
        }
    }

    @Test
    void excludeCharacters_outsideTheSets_areHarmless() {
        assertThat(password("ExcludeCharacters", "é€\uD83D\uDE00")).hasSize(32);
    }

    @Test
    void includeSpace_addsTheSpaceWhichIsOtherwiseAbsent() {
        boolean sawSpace = false;
        for (int i = 0; i < 200 && !sawSpace; i++) {
            sawSpace = password("IncludeSpace", true, "PasswordLength", 200).contains(" ");
        }
        assertThat(sawSpace).isTrue();
        for (int i = 0; i < 50; i++) {
            assertThat(password("PasswordLength", 200)).doesNotContain(" ");
        }
    }

    @Test
    void includeSpace_aloneWithEverythingElseExcluded_givesSpaces() {
        String p = password("IncludeSpace", true, "ExcludeNumbers", true, "ExcludePunctuation", true,
                "ExcludeUppercase", true, "ExcludeLowercase", true, "PasswordLength", 5);
        assertThat(p).isEqualTo("     ");
    }

    @Test
    void requireEachIncludedType_atMinimumLength_alwaysHasEveryClass() {
        for (int i = 0; i < 2000; i++) {
            String p = password("PasswordLength", 4);
            assertThat(any(p, RandomPasswords.LOWERCASE)
                    && any(p, RandomPasswords.UPPERCASE)
                    && any(p, RandomPasswords.DIGITS)
                    && any(p, RandomPasswords.PUNCTUATION)).as(p).isTrue();
        }
    }

    @Test
    void requireEachIncludedType_withAClassReducedToOneCharacter_stillHasIt() {
        // Punctuation left with only '~': rejection alone would rarely succeed at length 4.
        String excluded = RandomPasswords.PUNCTUATION.replace("~", "");
        for (int i = 0; i < 500; i++) {
            String p = password("PasswordLength", 4, "ExcludeCharacters", excluded);
            assertThat(p).contains("~");
            assertThat(any(p, RandomPasswords.LOWERCASE) && any(p, RandomPasswords.UPPERCASE)
                    && any(p, RandomPasswords.DIGITS)).as(p).isTrue();
        }
    }

    @Test
    void requireEachIncludedType_false_allowsLengthBelowTheNumberOfClasses() {
        assertThat(password("PasswordLength", 2, "RequireEachIncludedType", false)).hasSize(2);
    }

    @Test
    void lengthBelowTheNumberOfRequiredClasses_isInvalidParameter() {
        assertThatThrownBy(() -> password("PasswordLength", 3))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.type()).isEqualTo(AwsErrorType.InvalidParameterException))
                .hasMessage("Password length is too short based on the required types.");
        // Two classes left: length 2 is enough.
        assertThat(password("PasswordLength", 2, "ExcludeNumbers", true, "ExcludePunctuation", true)).hasSize(2);
    }

    @Test
    void aClassWhollyExcludedByCharacters_isNoLongerRequired() {
        String p = password("PasswordLength", 3, "ExcludeCharacters", RandomPasswords.DIGITS);
        assertThat(p).hasSize(3);
        assertThat(any(p, RandomPasswords.DIGITS)).isFalse();
    }

    @Test
    void everythingExcluded_isInvalidParameter() {
        assertThat(typeOf(() -> password("ExcludeNumbers", true, "ExcludePunctuation", true,
                "ExcludeUppercase", true, "ExcludeLowercase", true)))
                .isEqualTo(AwsErrorType.InvalidParameterException);
        assertThat(typeOf(() -> password("ExcludeCharacters", ALL_DEFAULT)))
                .isEqualTo(AwsErrorType.InvalidParameterException);
        assertThat(typeOf(() -> password("ExcludeCharacters", ALL_DEFAULT, "RequireEachIncludedType", false)))
                .isEqualTo(AwsErrorType.InvalidParameterException);
    }

    @Test
    void excludeCharacters_longerThan4096_isValidationException() {
        assertThat(typeOf(() -> password("ExcludeCharacters", "a".repeat(4097))))
                .isEqualTo(AwsErrorType.ValidationException);
        assertThat(password("ExcludeCharacters", "a".repeat(4096))).doesNotContain("a");
    }

    @Test
    void wrongJsonTypes_areSerializationException() {
        assertThatThrownBy(() -> password("PasswordLength", "32"))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.type()).isEqualTo(AwsErrorType.SerializationException))
                .hasMessage("STRING_VALUE can not be converted to a Long");
        assertThat(typeOf(() -> password("PasswordLength", 3.5))).isEqualTo(AwsErrorType.SerializationException);
        assertThat(typeOf(() -> password("ExcludeNumbers", "true"))).isEqualTo(AwsErrorType.SerializationException);
        assertThat(typeOf(() -> password("ExcludeCharacters", 7))).isEqualTo(AwsErrorType.SerializationException);
    }

    @Test
    void jsonNull_meansTheDefault() {
        ObjectNode in = Json.MAPPER.createObjectNode();
        in.putNull("PasswordLength");
        in.putNull("RequireEachIncludedType");
        assertThat(passwords.generate(in).get("RandomPassword").textValue()).hasSize(32);
    }

    @Test
    void characters_areDrawnUniformly() throws NoSuchAlgorithmException {
        // A seeded generator keeps this check deterministic; the statistic is what would flag bias.
        SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
        seeded.setSeed(42L);
        RandomPasswords seededPasswords = new RandomPasswords(seeded);
        Map<Character, Integer> counts = new HashMap<>();
        int draws = 0;
        for (int i = 0; i < 300; i++) {
            String p = seededPasswords.generate(input("PasswordLength", 300, "RequireEachIncludedType", false))
                    .get("RandomPassword").textValue();
            for (char c : p.toCharArray()) {
                counts.merge(c, 1, Integer::sum);
                draws++;
            }
        }
        assertThat(counts).hasSize(ALL_DEFAULT.length());
        double expected = (double) draws / ALL_DEFAULT.length();
        double chiSquare = 0;
        for (int n : counts.values()) {
            chiSquare += (n - expected) * (n - expected) / expected;
        }
        // 93 degrees of freedom: the 99.9999th percentile is about 170; a modulo bias over a
        // 94-character set drawn from bytes would put it in the thousands.
        assertThat(chiSquare).isLessThan(170.0);
    }

    @Test
    void options_defaultsMatchAws() {
        RandomPasswords.Options d = RandomPasswords.Options.from(Json.MAPPER.createObjectNode());
        assertThat(d).isEqualTo(RandomPasswords.Options.defaults());
        assertThat(d.length()).isEqualTo(32);
        assertThat(d.requireEachIncludedType()).isTrue();
        assertThat(d.includeSpace()).isFalse();
    }
}
