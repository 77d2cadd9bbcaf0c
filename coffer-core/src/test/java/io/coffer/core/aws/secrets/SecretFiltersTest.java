package io.coffer.core.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.aws.AwsErrorType;
import io.coffer.core.aws.AwsServiceException;
import io.coffer.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SecretFiltersTest {

    private static JsonNode filters(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static SecretFilters one(String key, String... values) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        ObjectNode f = array.addObject();
        f.put("Key", key);
        ArrayNode v = f.putArray("Values");
        for (String value : values) {
            v.add(value);
        }
        return SecretFilters.parse(array);
    }

    private static FilterableSecret secret(String name, String description, String... tagPairs) {
        List<FilterableSecret.Tag> tags = new ArrayList<>();
        for (int i = 0; i < tagPairs.length; i += 2) {
            tags.add(new FilterableSecret.Tag(tagPairs[i], tagPairs[i + 1]));
        }
        return new FilterableSecret(name, description, tags, "us-east-1", null);
    }

    private static FilterableSecret named(String name) {
        return secret(name, null);
    }

    private static FilterableSecret described(String description) {
        return secret("s", description);
    }

    private static FilterableSecret tagged(String key, String value) {
        return secret("s", null, key, value);
    }

    /** The examples of AWS's "Find secrets" guide and the API reference, plus behaviour seen on AWS. */
    static Stream<Arguments> semantics() {
        return Stream.of(
                // Name: beginning of the name, case-sensitive.
                Arguments.of(one("name", "Data"), named("DatabaseSecret"), true),
                Arguments.of(one("name", "Data"), named("databaseSecret"), false),
                Arguments.of(one("name", "Data"), named("MyData"), false),
                Arguments.of(one("name", "prod/"), named("prod/app/db"), true),
                // Description: words, not case-sensitive.
                Arguments.of(one("description", "My Description"), described("My Description"), true),
                Arguments.of(one("description", "My Description"), described("my description"), true),
                Arguments.of(one("description", "My Description"), described("My basic description"), true),
                Arguments.of(one("description", "My Description"), described("Description of my secret"), true),
                Arguments.of(one("description", "My Description"), described("My secret"), false),
                Arguments.of(one("description", "one two"), described("one and two"), true),
                Arguments.of(one("description", "one two"), described("one"), false),
                Arguments.of(one("description", "o t"), described("one two"), true),
                Arguments.of(one("description", "t"), described("unrelated"), false),
                Arguments.of(one("description", "ret"), described("secret"), false),
                Arguments.of(one("description", "x"), named("no-description"), false),
                // Tag key and tag value: beginning, case-sensitive.
                Arguments.of(one("tag-key", "Prod"), tagged("Production", "v"), true),
                Arguments.of(one("tag-key", "Prod"), tagged("Prod1", "v"), true),
                Arguments.of(one("tag-key", "Prod"), tagged("prod", "v"), false),
                Arguments.of(one("tag-key", "Prod"), tagged("1 Prod", "v"), false),
                Arguments.of(one("tag-key", "Prod"), named("untagged"), false),
                Arguments.of(one("tag-key", "Prod"), secret("s", null, "env", "x", "Prod", "y"), true),
                Arguments.of(one("tag-value", "Prod"), tagged("k", "Production"), true),
                Arguments.of(one("tag-value", "Prod"), tagged("k", "Prod1"), true),
                Arguments.of(one("tag-value", "Prod"), tagged("k", "prod"), false),
                Arguments.of(one("tag-value", "Prod"), tagged("k", "1 Prod"), false),
                Arguments.of(one("tag-value", "Prod"), tagged("Prod", "k"), false),
                // Primary region and owning service: beginning, case-sensitive.
                Arguments.of(one("primary-region", "us-"), named("s"), true),
                Arguments.of(one("primary-region", "US-"), named("s"), false),
                Arguments.of(one("primary-region", "eu-"), named("s"), false),
                Arguments.of(one("owning-service", "rds"), named("s"), false),
                Arguments.of(one("owning-service", "rds"),
                        new FilterableSecret("s", null, List.of(), null, "rds.amazonaws.com"), true),
                Arguments.of(one("owning-service", "RDS"),
                        new FilterableSecret("s", null, List.of(), null, "rds.amazonaws.com"), false),
                // All: words of name, description, tag keys and values; not case-sensitive.
                Arguments.of(one("all", "SecretOne"), named("SecretOne3fa9"), true),
                Arguments.of(one("all", "secret"), named("SecretTwo3fa9"), true),
                Arguments.of(one("all", "sec"), named("SecretTwo3fa9"), true),
                Arguments.of(one("all", "ret"), named("SecretTwo3fa9"), false),
                Arguments.of(one("all", "SomeSecret"), named("SecretTwo3fa9"), false),
                Arguments.of(one("all", "secret"), named("Thirdsecret3fa9"), false),
                Arguments.of(one("all", "foo"), secret("SecretFTag", null, "1", "foo"), true),
                Arguments.of(one("all", "foo"), secret("SecretFValue", null, "foo", "v"), true),
                Arguments.of(one("all", "d t"), secret("SecretTwo", "DescTwo"), true),
                Arguments.of(one("all", "d t"), secret("SecretOne", null), false),
                Arguments.of(one("all", "AppBeta"), named("prod/AppBeta/x1"), true),
                Arguments.of(one("all", "Beta"), named("prod_AppBeta_x1"), true),
                Arguments.of(one("all", "Beta"), named("prod+AppBeta+x1"), true),
                Arguments.of(one("all", "Beta"), named("prod=AppBeta=x1"), true),
                Arguments.of(one("all", "Beta"), named("prod.AppBeta.x1"), true),
                Arguments.of(one("all", "Beta"), named("prod@AppBeta@x1"), true),
                Arguments.of(one("all", "Beta"), named("prod-AppBeta-x1"), true),
                Arguments.of(one("all", "+"), named("prod+AppBeta+x1"), false),
                Arguments.of(one("all", "company"), named("uat/COMPANY/x1"), true),
                Arguments.of(one("all", "company"), named("uat/COMPANYthings/x1"), false),
                Arguments.of(one("all", "things"), named("uat/COMPANYthings/x1"), false),
                Arguments.of(one("all", "Ythings"), named("uat/COMPANYthings/x1"), true),
                Arguments.of(one("all", "N"), named("uat/COMPANY/x1"), false),
                Arguments.of(one("all", "pany"), named("uat/COMPANY/x1"), false),
                Arguments.of(one("all", "credsDatabase:892"), secret("db", "creds for the Database", "n", "892"), true),
                Arguments.of(one("all", "creds Database 892"), secret("db", "creds for the Database"), false),
                // Several values: OR. Negation: the values it does not match.
                Arguments.of(one("name", "foo", "bar"), named("bar"), true),
                Arguments.of(one("name", "foo", "bar"), named("baz"), false),
                Arguments.of(one("name", "!foo"), named("bar"), true),
                Arguments.of(one("name", "!foo"), named("foobar"), false),
                Arguments.of(one("description", "one", "!two"), described("one two"), true),
                Arguments.of(one("description", "one", "!two"), described("unrelated"), true),
                Arguments.of(one("description", "one", "!two"), described("two"), false),
                Arguments.of(one("description", "!o"), described("two"), true),
                Arguments.of(one("description", "!o"), described("one"), false),
                Arguments.of(one("description", "!o"), named("no-description"), true),
                Arguments.of(one("tag-key", "!prod"), secret("s", null, "prod", "1", "dev", "2"), false),
                Arguments.of(one("tag-key", "!prod"), secret("s", null, "dev", "2"), true),
                Arguments.of(one("tag-key", "!prod"), named("untagged"), true));
    }

    @ParameterizedTest
    @MethodSource("semantics")
    void matches_followsAwsSemantics(SecretFilters filters, FilterableSecret secret, boolean expected) {
        assertThat(filters.matches(secret)).isEqualTo(expected);
    }

    @Test
    void severalFilters_combineWithAnd_evenWithTheSameKey() {
        SecretFilters tags = SecretFilters.parse(filters("""
                [{"Key":"tag-key","Values":["right"]},{"Key":"tag-value","Values":["right"]}]"""));
        assertThat(tags.matches(tagged("right", "right"))).isTrue();
        assertThat(tags.matches(tagged("right", "wrong"))).isFalse();
        assertThat(tags.matches(tagged("wrong", "right"))).isFalse();

        SecretFilters sameKey = SecretFilters.parse(filters("""
                [{"Key":"description","Values":["one"]},{"Key":"description","Values":["two"]}]"""));
        assertThat(sameKey.matches(described("one two"))).isTrue();
        assertThat(sameKey.matches(described("one"))).isFalse();
        assertThat(sameKey.matches(described("two"))).isFalse();
    }

    @Test
    void noFilters_matchEverything() {
        assertThat(SecretFilters.parse(null).matches(named("x"))).isTrue();
        assertThat(SecretFilters.parse(Json.MAPPER.nullNode()).isEmpty()).isTrue();
        assertThat(SecretFilters.parse(filters("[]")).matches(named("x"))).isTrue();
        assertThat(SecretFilters.NONE.matches(named("x"))).isTrue();
    }

    @Test
    void words_splitLikeAwsSearch() {
        assertThat(SecretFilters.words("test")).containsExactly("test");
        assertThat(SecretFilters.words("my test")).containsExactly("my", "test");
        assertThat(SecretFilters.words("Mytest")).containsExactly("Mytest");
        assertThat(SecretFilters.words("MyTestPhrase")).containsExactly("My", "Test", "Phrase");
        assertThat(SecretFilters.words("myTest")).containsExactly("my", "Test");
        assertThat(SecretFilters.words("my/test")).containsExactly("my", "test");
        assertThat(SecretFilters.words("credsDatabase#892")).containsExactly("creds", "Database", "892");
        assertThat(SecretFilters.words("COMPANYthings")).containsExactly("COMPAN", "Ythings");
        assertThat(SecretFilters.words("COMPANY")).containsExactly("COMPANY");
        assertThat(SecretFilters.words("v2beta")).containsExactly("v", "2", "beta");
        assertThat(SecretFilters.words("+")).isEmpty();
        assertThat(SecretFilters.words("")).isEmpty();
        assertThat(SecretFilters.words("Grüße/Straße")).containsExactly("Grüße", "Straße");
    }

    private static AwsServiceException refusal(String json) {
        try {
            SecretFilters.parse(filters(json));
        } catch (AwsServiceException e) {
            return e;
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void unknownKey_isValidationExceptionNamingTheFilterAndTheEnum() {
        AwsServiceException e = refusal("""
                [{"Key":"name","Values":["a"]},{"Key":"invalid","Values":["foo"]}]""");
        assertThat(e.type()).isEqualTo(AwsErrorType.ValidationException);
        assertThat(e.getMessage()).isEqualTo("1 validation error detected: Value 'invalid' at "
                + "'filters.2.member.key' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[description, name, tag-key, tag-value, primary-region, owning-service, all]");
        assertThat(refusal("[{\"Key\":\"Name\",\"Values\":[\"a\"]}]").type())
                .isEqualTo(AwsErrorType.ValidationException);
    }

    @Test
    void missingKey_isInvalidParameter() {
        AwsServiceException e = refusal("[{\"Values\":[\"foo\"]}]");
        assertThat(e.type()).isEqualTo(AwsErrorType.InvalidParameterException);
        assertThat(e.getMessage()).isEqualTo("Invalid filter key");
    }

    @Test
    void missingValues_isInvalidParameter() {
        AwsServiceException e = refusal("[{\"Key\":\"description\"}]");
        assertThat(e.type()).isEqualTo(AwsErrorType.InvalidParameterException);
        assertThat(e.getMessage()).isEqualTo("Invalid filter values for key: description");
    }

    @Test
    void emptyOrTooManyValues_isValidationException() {
        AwsServiceException empty = refusal("[{\"Key\":\"name\",\"Values\":[]}]");
        assertThat(empty.type()).isEqualTo(AwsErrorType.ValidationException);
        assertThat(empty.getMessage()).contains("'filters.1.member.values'")
                .contains("Member must have length greater than or equal to 1");

        AwsServiceException many = refusal("""
                [{"Key":"name","Values":["1","2","3","4","5","6","7","8","9","10","11"]}]""");
        assertThat(many.type()).isEqualTo(AwsErrorType.ValidationException);
        assertThat(many.getMessage()).contains("Member must have length less than or equal to 10");
    }

    @Test
    void moreThanTenFilters_isValidationException() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 11; i++) {
            json.append(i == 0 ? "" : ",").append("{\"Key\":\"name\",\"Values\":[\"a\"]}");
        }
        AwsServiceException e = refusal(json.append("]").toString());
        assertThat(e.type()).isEqualTo(AwsErrorType.ValidationException);
        assertThat(e.getMessage()).contains("at 'filters' failed to satisfy constraint: "
                + "Member must have length less than or equal to 10");
        // Ten is allowed.
        SecretFilters.parse(filters(json.toString().replaceFirst("\\{[^}]*},", "")));
    }

    @Test
    void valueOutsideTheCharacterSet_isValidationException() {
        AwsServiceException e = refusal("[{\"Key\":\"name\",\"Values\":[\"ok\",\"a*b\"]}]");
        assertThat(e.type()).isEqualTo(AwsErrorType.ValidationException);
        assertThat(e.getMessage()).isEqualTo("1 validation error detected: Value 'a*b' at "
                + "'filters.1.member.values.2.member' failed to satisfy constraint: Member must satisfy "
                + "regular expression pattern: ^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-\\!]*$");
        // Every documented character is accepted, '!' anywhere included.
        SecretFilters.parse(filters("[{\"Key\":\"all\",\"Values\":[\"!aZ09 :_@/+=.-!\"]}]"));
        assertThat(refusal("[{\"Key\":\"name\",\"Values\":[\"é\"]}]").type())
                .isEqualTo(AwsErrorType.ValidationException);
    }

    @Test
    void valueLongerThan512_isValidationException_andBothBreachesAreReportedTogether() {
        String ok = "a".repeat(512);
        SecretFilters.parse(filters("[{\"Key\":\"name\",\"Values\":[\"" + ok + "\"]}]"));
        AwsServiceException tooLong = refusal("[{\"Key\":\"name\",\"Values\":[\"" + ok + "a\"]}]");
        assertThat(tooLong.type()).isEqualTo(AwsErrorType.ValidationException);
        assertThat(tooLong.getMessage()).endsWith("Member must have length less than or equal to 512");

        AwsServiceException both = refusal("[{\"Key\":\"name\",\"Values\":[\"" + ok + "*\"]}]");
        assertThat(both.getMessage()).contains("Member must satisfy constraint: [Member must have length "
                + "less than or equal to 512, Member must satisfy regular expression pattern");
    }

    @Test
    void severalViolations_areCountedInOneMessage() {
        AwsServiceException e = refusal("""
                [{"Key":"bogus","Values":["a"]},{"Key":"name","Values":["#"]}]""");
        assertThat(e.type()).isEqualTo(AwsErrorType.ValidationException);
        assertThat(e.getMessage()).startsWith("2 validation errors detected: ")
                .contains("'filters.1.member.key'").contains("'filters.2.member.values.1.member'");
    }

    @Test
    void validation_comesBeforeTheMissingMemberChecks() {
        AwsServiceException e = refusal("""
                [{"Values":["a"]},{"Key":"bogus","Values":["a"]}]""");
        assertThat(e.type()).isEqualTo(AwsErrorType.ValidationException);
    }

    @Test
    void wrongJsonTypes_areSerializationException() {
        assertThat(refusal("{\"Key\":\"name\"}").type()).isEqualTo(AwsErrorType.SerializationException);
        assertThat(refusal("[\"name\"]").type()).isEqualTo(AwsErrorType.SerializationException);
        assertThat(refusal("[{\"Key\":1,\"Values\":[\"a\"]}]").type()).isEqualTo(AwsErrorType.SerializationException);
        assertThat(refusal("[{\"Key\":\"name\",\"Values\":\"a\"}]").type()).isEqualTo(AwsErrorType.SerializationException);
        assertThat(refusal("[{\"Key\":\"name\",\"Values\":[1]}]").type()).isEqualTo(AwsErrorType.SerializationException);
    }

    @Test
    void filterableSecret_requiresANameAndCopiesTags() {
        assertThatThrownBy(() -> new FilterableSecret(null, null, List.of(), null, null))
                .isInstanceOf(NullPointerException.class);
        List<FilterableSecret.Tag> tags = new ArrayList<>(List.of(new FilterableSecret.Tag("k", "v")));
        FilterableSecret s = new FilterableSecret("n", null, tags, null, null);
        tags.clear();
        assertThat(s.tags()).hasSize(1);
        assertThat(FilterableSecret.named("x").tags()).isEmpty();
    }
}
