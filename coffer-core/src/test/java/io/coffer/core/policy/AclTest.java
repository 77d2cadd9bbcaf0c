package io.coffer.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.logical.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AclTest {

    private static Acl acl(String... documents) {
        List<Policy> policies = new ArrayList<>();
        for (int i = 0; i < documents.length; i++) {
            policies.add(PolicyParser.parse("p" + i, documents[i]));
        }
        return Acl.compile(policies);
    }

    private static Map<String, Object> data(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void capabilities_sortedNamesOfTheGoverningRule() {
        Acl acl = acl("path \"secret/*\" { capabilities = [\"update\", \"read\", \"list\", \"sudo\"] }");
        assertThat(acl.capabilities("secret/app")).containsExactly("list", "read", "sudo", "update");
    }

    @Test
    void capabilities_denyWhenNothingOrDenied() {
        Acl acl = acl("""
                path "secret/*" { capabilities = ["read"] }
                path "secret/closed" { capabilities = ["deny"] }
                path "empty" { }
                """);
        assertThat(acl.capabilities("secret/closed")).containsExactly("deny");
        assertThat(acl.capabilities("elsewhere")).containsExactly("deny");
        assertThat(acl.capabilities("empty")).containsExactly("deny");
    }

    @Test
    void capabilities_trailingSlashFallsBackLikeAList() {
        Acl acl = acl("path \"secret/metadata/app\" { capabilities = [\"list\"] }");
        assertThat(acl.capabilities("secret/metadata/app/")).containsExactly("list");
    }

    @Test
    void root_allowsEverythingWithSudo() {
        Acl root = Acl.compile(List.of(new Policy(PolicyStore.ROOT, "", List.of()),
                PolicyParser.parse("other", "path \"*\" { capabilities = [\"deny\"] }")));
        assertThat(root.capabilities("anything")).containsExactly("root");
        assertThat(root.evaluate(Operation.DELETE, "sys/audit/file", Map.of())).isEqualTo(new Acl.Decision(true, true));
        assertThat(Acl.root().allows(Operation.UPDATE, "sys/seal")).isTrue();
    }

    @Test
    void evaluate_reportsSudoOfTheGoverningRuleOnly() {
        Acl acl = acl("""
                path "sys/*" { capabilities = ["read", "sudo"] }
                path "sys/audit" { capabilities = ["read"] }
                """);
        assertThat(acl.evaluate(Operation.READ, "sys/rotate", Map.of())).isEqualTo(new Acl.Decision(true, true));
        assertThat(acl.evaluate(Operation.READ, "sys/audit", Map.of())).isEqualTo(new Acl.Decision(true, false));
    }

    @Test
    void createAndUpdate_areSeparateCapabilities() {
        Acl createOnly = acl("path \"secret/data/*\" { capabilities = [\"create\"] }");
        assertThat(createOnly.allows(Operation.CREATE, "secret/data/new")).isTrue();
        assertThat(createOnly.allows(Operation.UPDATE, "secret/data/new")).isFalse();
        Acl updateOnly = acl("path \"secret/data/*\" { capabilities = [\"update\"] }");
        assertThat(updateOnly.allows(Operation.CREATE, "secret/data/new")).isFalse();
        assertThat(updateOnly.allows(Operation.UPDATE, "secret/data/existing")).isTrue();
    }

    @Test
    void patch_needsPatchCapability() {
        Acl acl = acl("path \"secret/data/*\" { capabilities = [\"read\", \"update\"] }");
        assertThat(acl.allows(Operation.PATCH, "secret/data/app")).isFalse();
        assertThat(acl("path \"secret/data/*\" { capabilities = [\"patch\"] }").allows(Operation.PATCH, "secret/data/app")).isTrue();
    }

    @Test
    void leadingSlashesOfTheRequestPathAreIgnored() {
        assertThat(acl("path \"/secret/a\" { capabilities = [\"read\"] }").allows(Operation.READ, "//secret/a")).isTrue();
    }

    @Test
    void templatedPaths_neverMatchWithoutAnIdentity() {
        Acl acl = acl("path \"secret/{{identity.entity.id}}/*\" { capabilities = [\"read\"] }");
        assertThat(acl.allows(Operation.READ, "secret/{{identity.entity.id}}/x")).isFalse();
        assertThat(acl.capabilities("secret/{{identity.entity.id}}/x")).containsExactly("deny");
    }

    @Test
    void segmentWildcard_matchesOneWholeSegmentAndGlobsDeeper() {
        Acl acl = acl("""
                path "kv/+/config" { capabilities = ["read"] }
                path "kv/+/data/*" { capabilities = ["update"] }
                path "kv/+x/lit" { capabilities = ["read"] }
                """);
        assertThat(acl.allows(Operation.READ, "kv/team/config")).isTrue();
        assertThat(acl.allows(Operation.READ, "kv/team/config/more")).isFalse();
        assertThat(acl.allows(Operation.READ, "kv//config")).isTrue();
        assertThat(acl.allows(Operation.UPDATE, "kv/team/data/a/b/c")).isTrue();
        assertThat(acl.allows(Operation.UPDATE, "kv/team/database")).isFalse();
        assertThat(acl.allows(Operation.READ, "kv/+x/lit")).isTrue();
        assertThat(acl.allows(Operation.READ, "kv/ax/lit")).isFalse();
    }

    @Test
    void union_mergesParameterConstraintsOfTheSamePattern() {
        Acl acl = acl(
                "path \"secret/foo\" {\n capabilities = [\"create\"]\n allowed_parameters = { \"color\" = [\"red\"] }\n}",
                "path \"secret/foo\" {\n capabilities = [\"update\"]\n allowed_parameters = { \"color\" = [\"blue\"] }\n}");
        assertThat(acl.evaluate(Operation.UPDATE, "secret/foo", data("color", "red")).allowed()).isTrue();
        assertThat(acl.evaluate(Operation.CREATE, "secret/foo", data("color", "blue")).allowed()).isTrue();
        assertThat(acl.evaluate(Operation.CREATE, "secret/foo", data("color", "green")).allowed()).isFalse();
    }

    @Test
    void union_anyValueAbsorbsValueLists() {
        Acl acl = acl(
                "path \"a\" {\n capabilities = [\"update\"]\n allowed_parameters = { \"x\" = [\"1\"] }\n}",
                "path \"a\" {\n capabilities = [\"update\"]\n allowed_parameters = { \"x\" = [] }\n}");
        assertThat(acl.evaluate(Operation.UPDATE, "a", data("x", "anything")).allowed()).isTrue();
    }

    @Test
    void union_denyClearsParameterConstraintsAndSticks() {
        Acl acl = acl(
                "path \"a\" {\n capabilities = [\"update\"]\n allowed_parameters = { \"x\" = [] }\n}",
                "path \"a\" { capabilities = [\"deny\"] }",
                "path \"a\" { capabilities = [\"update\", \"read\"] }");
        assertThat(acl.allows(Operation.UPDATE, "a")).isFalse();
        assertThat(acl.capabilities("a")).containsExactly("deny");
    }

    @Test
    void allowedParameters_restrictNamesAndValues() {
        Acl acl = acl("""
                path "secret/foo" {
                  capabilities = ["create", "update", "read"]
                  allowed_parameters = {
                    "bar" = ["zip", "zap"]
                    "free" = []
                  }
                }
                """);
        assertThat(acl.evaluate(Operation.UPDATE, "secret/foo", data("bar", "zip", "free", "x")).allowed()).isTrue();
        assertThat(acl.evaluate(Operation.UPDATE, "secret/foo", data("bar", "zop")).allowed()).isFalse();
        assertThat(acl.evaluate(Operation.UPDATE, "secret/foo", data("other", "1")).allowed()).isFalse();
        assertThat(acl.evaluate(Operation.UPDATE, "secret/foo", data("BAR", "zap")).allowed()).isTrue();
        assertThat(acl.evaluate(Operation.UPDATE, "secret/foo", Map.of()).allowed()).isTrue();
        assertThat(acl.evaluate(Operation.UPDATE, "secret/foo", data("bar", List.of("zip", "zap"))).allowed()).isTrue();
        assertThat(acl.evaluate(Operation.UPDATE, "secret/foo", data("bar", "zip,zap")).allowed()).isTrue();
        assertThat(acl.evaluate(Operation.UPDATE, "secret/foo", data("bar", "zip,nope")).allowed()).isFalse();
    }

    @Test
    void allowedParameters_starAllowsOthersAndGlobsMatchValues() {
        Acl acl = acl("""
                path "secret/foo" {
                  capabilities = ["update"]
                  allowed_parameters = {
                    "bar" = ["baz/*", "*-suffix", "*mid*"]
                    "*" = []
                  }
                }
                """);
        assertThat(acl.evaluate(Operation.UPDATE, "secret/foo", data("bar", "baz/quux", "anything", 1)).allowed()).isTrue();
        assertThat(acl.evaluate(Operation.UPDATE, "secret/foo", data("bar", "my-suffix")).allowed()).isTrue();
        assertThat(acl.evaluate(Operation.UPDATE, "secret/foo", data("bar", "amidb")).allowed()).isTrue();
        assertThat(acl.evaluate(Operation.UPDATE, "secret/foo", data("bar", "qux")).allowed()).isFalse();
    }

    @Test
    void deniedParameters_takePrecedenceOverAllowed() {
        Acl acl = acl("""
                path "secret/foo" {
                  capabilities = ["update"]
                  allowed_parameters = { "bar" = [] }
                  denied_parameters = { "bar" = ["zip"] }
                }
                """);
        assertThat(acl.evaluate(Operation.UPDATE, "secret/foo", data("bar", "zap")).allowed()).isTrue();
        assertThat(acl.evaluate(Operation.UPDATE, "secret/foo", data("bar", "zip")).allowed()).isFalse();
        assertThat(acl.evaluate(Operation.UPDATE, "secret/foo", data("bar", List.of("zap", "zip"))).allowed()).isFalse();
        assertThat(acl.evaluate(Operation.UPDATE, "secret/foo", data("bar", "zap, zip")).allowed()).isFalse();
    }

    @Test
    void deniedParameters_emptyListOrStarDenies() {
        Acl named = acl("path \"a\" {\n capabilities = [\"update\"]\n denied_parameters = { \"bar\" = [] }\n}");
        assertThat(named.evaluate(Operation.UPDATE, "a", data("bar", "x")).allowed()).isFalse();
        assertThat(named.evaluate(Operation.UPDATE, "a", data("other", "x")).allowed()).isTrue();
        Acl all = acl("path \"a\" {\n capabilities = [\"update\"]\n denied_parameters = { \"*\" = [] }\n}");
        assertThat(all.evaluate(Operation.UPDATE, "a", data("other", "x")).allowed()).isFalse();
        assertThat(all.evaluate(Operation.UPDATE, "a", Map.of()).allowed()).isTrue();
    }

    @Test
    void requiredParameters_mustBePresent() {
        Acl acl = acl("path \"a\" {\n capabilities = [\"create\", \"read\"]\n required_parameters = [\"bar\", \"baz\"]\n}");
        assertThat(acl.evaluate(Operation.CREATE, "a", data("bar", 1, "baz", 2)).allowed()).isTrue();
        assertThat(acl.evaluate(Operation.CREATE, "a", data("bar", 1)).allowed()).isFalse();
        assertThat(acl.evaluate(Operation.READ, "a", Map.of()).allowed()).isFalse();
    }

    @Test
    void parameterConstraints_doNotApplyToListAndDelete() {
        Acl acl = acl("path \"a/*\" {\n capabilities = [\"list\", \"delete\"]\n required_parameters = [\"x\"]\n denied_parameters = { \"*\" = [] }\n}");
        assertThat(acl.evaluate(Operation.LIST, "a/", data("y", "1")).allowed()).isTrue();
        assertThat(acl.evaluate(Operation.DELETE, "a/b", data("y", "1")).allowed()).isTrue();
    }

    @Test
    void numbersMatchByValue() {
        Acl acl = acl("path \"a\" {\n capabilities = [\"update\"]\n allowed_parameters = { \"ttl\" = [30, true] }\n}");
        assertThat(acl.evaluate(Operation.UPDATE, "a", data("ttl", 30)).allowed()).isTrue();
        assertThat(acl.evaluate(Operation.UPDATE, "a", data("ttl", new java.math.BigDecimal("30.0"))).allowed()).isTrue();
        assertThat(acl.evaluate(Operation.UPDATE, "a", data("ttl", true)).allowed()).isTrue();
        assertThat(acl.evaluate(Operation.UPDATE, "a", data("ttl", 31)).allowed()).isFalse();
    }

    @Test
    void wrappingTtls_denyBecauseCofferCannotWrap() {
        Acl acl = acl("""
                path "a" {
                  capabilities = ["read"]
                  min_wrapping_ttl = "1s"
                }
                path "b" { capabilities = ["read"] }
                """);
        assertThat(acl.allows(Operation.READ, "a")).isFalse();
        assertThat(acl.allows(Operation.READ, "b")).isTrue();
    }

    @Test
    void globMatches_followsVaultsRules() {
        assertThat(Acl.ParameterValues.globMatches("*", "anything")).isFalse();
        assertThat(Acl.ParameterValues.globMatches("*", "*")).isTrue();
        assertThat(Acl.ParameterValues.globMatches("a*", "abc")).isTrue();
        assertThat(Acl.ParameterValues.globMatches("*c", "abc")).isTrue();
        assertThat(Acl.ParameterValues.globMatches("*b*", "abc")).isTrue();
        assertThat(Acl.ParameterValues.globMatches("a*c", "abc")).isFalse();
    }

    @Test
    void multibytePaths_matchAndRankLikeAsciiOnes() {
        Acl acl = acl(
                "path \"é/+/x\" { capabilities = [\"update\"] }",
                "path \"é/+/*\" { capabilities = [\"read\"] }");
        assertThat(acl.allows(Operation.UPDATE, "é/a/x")).isTrue();
        assertThat(acl.allows(Operation.READ, "é/a/x")).isFalse();
        assertThat(acl.allows(Operation.READ, "é/a/y")).isTrue();
    }
}
