package io.coffer.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.logical.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ACL against the examples of Vault's "Policies" documentation and the five priority rules it
 * documents for overlapping patterns, one row per (policies, operation, path, verdict). The
 * policies of a row are separate policy documents attached to the same token.
 */
class AclPrecedenceTest {

    record Row(String description, List<String> policies, Operation operation, String path, boolean allowed) {
        @Override
        public String toString() {
            return description + ": " + operation.wireName() + " " + path + " -> " + (allowed ? "allowed" : "denied");
        }
    }

    private static Row row(String description, Operation op, String path, boolean allowed, String... policies) {
        return new Row(description, List.of(policies), op, path, allowed);
    }

    private static final String DOCS_DETAILED = """
            path "secret/*" {
              capabilities = ["create", "read", "update", "patch", "delete", "list"]
            }
            path "secret/super-secret" {
              capabilities = ["deny"]
            }
            """;

    static Stream<Row> vaultDocumentedExamples() {
        String exactFoo = "path \"secret/foo\" { capabilities = [\"read\"] }";
        String globBar = "path \"secret/bar/*\" { capabilities = [\"read\"] }";
        String globZip = "path \"secret/zip-*\" { capabilities = [\"read\"] }";
        String teamb = "path \"secret/+/teamb\" { capabilities = [\"read\"] }";
        String teamb2 = "path \"secret/+/+/teamb\" { capabilities = [\"read\"] }";
        return Stream.of(
                // "This section grants all access on secret/*" ... "explicitly denies secret/super-secret".
                row("docs: exact deny beats the broad glob", Operation.READ, "secret/super-secret", false, DOCS_DETAILED),
                row("docs: the broad glob grants elsewhere", Operation.UPDATE, "secret/other", true, DOCS_DETAILED),
                row("docs: the broad glob grants deeper paths", Operation.PATCH, "secret/a/b/c", true, DOCS_DETAILED),
                row("docs: the broad glob grants list on folders", Operation.LIST, "secret/a/", true, DOCS_DETAILED),
                // "Permit reading only secret/foo. An attached token cannot read secret/food or secret/foo/bar."
                row("docs: exact path", Operation.READ, "secret/foo", true, exactFoo),
                row("docs: exact path is not a prefix", Operation.READ, "secret/food", false, exactFoo),
                row("docs: exact path does not cover children", Operation.READ, "secret/foo/bar", false, exactFoo),
                row("docs: exact read grants no write", Operation.UPDATE, "secret/foo", false, exactFoo),
                // "Permit reading everything under secret/bar ... but not secret/bars/zip."
                row("docs: glob child", Operation.READ, "secret/bar/zip", true, globBar),
                row("docs: glob grandchild", Operation.READ, "secret/bar/zip/zap", true, globBar),
                row("docs: glob is a plain prefix", Operation.READ, "secret/bars/zip", false, globBar),
                // "Permit reading everything prefixed with zip- ... but not secret/zip/zap."
                row("docs: glob inside a segment", Operation.READ, "secret/zip-zap", true, globZip),
                row("docs: glob inside a segment, deeper", Operation.READ, "secret/zip-zap/zong", true, globZip),
                row("docs: glob inside a segment, other prefix", Operation.READ, "secret/zip/zap", false, globZip),
                // "path secret/foo* would also match secret/foobar"
                row("docs: glob without slash", Operation.READ, "secret/foobar", true, "path \"secret/foo*\" { capabilities = [\"read\"] }"),
                // "+ ... any number of characters bounded within a single path segment"
                row("docs: + matches one segment", Operation.READ, "secret/foo/teamb", true, teamb),
                row("docs: + matches exactly one segment", Operation.READ, "secret/foo/bar/teamb", false, teamb),
                row("docs: + needs a segment", Operation.READ, "secret/teamb", false, teamb),
                row("docs: two + segments", Operation.READ, "secret/foo/bar/teamb", true, teamb2),
                row("docs: two + segments, other values", Operation.READ, "secret/bar/foo/teamb", true, teamb2),
                row("docs: two + segments need two", Operation.READ, "secret/foo/teamb", false, teamb2),
                // "given secret/* and secret/+/+/foo/* ... give secret/+/+/foo/* lower priority" (rule 3).
                row("docs: rule 3 example, the glob without + wins", Operation.READ, "secret/a/b/foo/c", true,
                        "path \"secret/*\" { capabilities = [\"read\"] }",
                        "path \"secret/+/+/foo/*\" { capabilities = [\"deny\"] }"),
                row("docs: rule 3 example, reversed grants", Operation.UPDATE, "secret/a/b/foo/c", false,
                        "path \"secret/*\" { capabilities = [\"read\"] }",
                        "path \"secret/+/+/foo/*\" { capabilities = [\"update\"] }"),

                // Rule 1: the first wildcard or glob occurring earlier means lower priority.
                row("rule 1: foo/a* beats foo/+", Operation.UPDATE, "foo/ab", true,
                        "path \"foo/a*\" { capabilities = [\"update\"] }", "path \"foo/+\" { capabilities = [\"read\"] }"),
                row("rule 1: foo/a* beats foo/+ (loser's grant unused)", Operation.READ, "foo/ab", false,
                        "path \"foo/a*\" { capabilities = [\"update\"] }", "path \"foo/+\" { capabilities = [\"read\"] }"),
                row("rule 1: foo/bar/+/baz beats foo/+/bar/baz", Operation.UPDATE, "foo/bar/bar/baz", true,
                        "path \"foo/+/bar/baz\" { capabilities = [\"read\"] }", "path \"foo/bar/+/baz\" { capabilities = [\"update\"] }"),
                row("rule 1: a longer literal prefix glob beats a leading +", Operation.UPDATE, "foo/bar/baz", true,
                        "path \"+/*\" { capabilities = [\"read\"] }", "path \"foo/+/*\" { capabilities = [\"update\"] }"),
                row("rule 1: the longest plain glob beats shorter ones", Operation.READ, "secret/a/b", false,
                        "path \"secret/*\" { capabilities = [\"read\"] }", "path \"secret/a/*\" { capabilities = [\"deny\"] }"),
                row("rule 1: ... and does not reach siblings", Operation.READ, "secret/b/c", true,
                        "path \"secret/*\" { capabilities = [\"read\"] }", "path \"secret/a/*\" { capabilities = [\"deny\"] }"),
                // Rule 2: ending in * means lower priority.
                row("rule 2: foo/+/bar beats foo/+/ba*", Operation.UPDATE, "foo/x/bar", true,
                        "path \"foo/+/ba*\" { capabilities = [\"read\"] }", "path \"foo/+/bar\" { capabilities = [\"update\"] }"),
                row("rule 2: foo/+ beats foo/*", Operation.READ, "foo/x", false,
                        "path \"foo/*\" { capabilities = [\"read\"] }", "path \"foo/+\" { capabilities = [\"update\"] }"),
                row("rule 2: a glob still covers what the + rule cannot", Operation.READ, "foo/x/y", true,
                        "path \"foo/*\" { capabilities = [\"read\"] }", "path \"foo/+\" { capabilities = [\"update\"] }"),
                row("rule 2: the same pattern with a trailing glob loses", Operation.UPDATE, "foo/bar/x/baz", true,
                        "path \"foo/bar/+/baz*\" { capabilities = [\"read\"] }", "path \"foo/bar/+/baz\" { capabilities = [\"update\"] }"),
                // Rule 3: more + segments means lower priority.
                row("rule 3: fewer + segments win", Operation.UPDATE, "foo/x/bar/baz", true,
                        "path \"foo/+/+/baz\" { capabilities = [\"read\"] }", "path \"foo/+/bar/baz\" { capabilities = [\"update\"] }"),
                row("rule 3: +/* loses to * (same first position)", Operation.UPDATE, "foo/bar/baz", true,
                        "path \"+/*\" { capabilities = [\"read\"] }", "path \"*\" { capabilities = [\"update\"] }"),
                // Rule 4: shorter means lower priority.
                row("rule 4: the longer glob wins", Operation.UPDATE, "foo/x/bar/baz", true,
                        "path \"foo/+/bar/b*\" { capabilities = [\"read\"] }", "path \"foo/+/bar/ba*\" { capabilities = [\"update\"] }"),
                row("rule 4: the shorter glob loses", Operation.READ, "foo/x/bar/baz", false,
                        "path \"foo/+/bar/b*\" { capabilities = [\"read\"] }", "path \"foo/+/bar/ba*\" { capabilities = [\"update\"] }"),
                // Rule 5: lexicographically smaller means lower priority (a last resort).
                row("rule 5: the lexicographically greater pattern wins", Operation.UPDATE, "x/x/x", true,
                        "path \"+/+/x\" { capabilities = [\"read\"] }", "path \"+/x/+\" { capabilities = [\"update\"] }"),
                row("rule 5: ... whatever the order of the policies", Operation.READ, "x/x/x", false,
                        "path \"+/x/+\" { capabilities = [\"update\"] }", "path \"+/+/x\" { capabilities = [\"read\"] }"),

                // "This may be an exact match or the longest-prefix match of a glob."
                row("exact match beats a denying glob", Operation.READ, "secret/open", true,
                        "path \"secret/*\" { capabilities = [\"deny\"] }", "path \"secret/open\" { capabilities = [\"read\"] }"),
                // "If the same pattern appears in multiple policies, we take the union of the capabilities."
                row("same pattern in two policies: union", Operation.UPDATE, "secret/app", true,
                        "path \"secret/*\" { capabilities = [\"read\"] }", "path \"secret/*\" { capabilities = [\"update\"] }"),
                row("same pattern in two policies: union, other half", Operation.READ, "secret/app", true,
                        "path \"secret/*\" { capabilities = [\"read\"] }", "path \"secret/*\" { capabilities = [\"update\"] }"),
                // "deny ... always takes precedence regardless of any other defined capabilities, including sudo."
                row("same pattern, one policy denies: deny wins", Operation.READ, "secret/app", false,
                        "path \"secret/*\" { capabilities = [\"read\", \"sudo\"] }", "path \"secret/*\" { capabilities = [\"deny\"] }"),
                row("same pattern, deny first: deny wins", Operation.READ, "secret/app", false,
                        "path \"secret/*\" { capabilities = [\"deny\"] }", "path \"secret/*\" { capabilities = [\"read\"] }"),
                // "If different patterns appear ... we take only the highest-priority match": no union across patterns.
                row("different patterns: no union across them", Operation.UPDATE, "secret/a/b", false,
                        "path \"secret/*\" { capabilities = [\"update\"] }", "path \"secret/a/*\" { capabilities = [\"read\"] }"),
                // "policies must operate on a prefix because Vault will sanitize request paths to be prefixes"
                row("list: folder rule with a glob", Operation.LIST, "secret/metadata/app/", true,
                        "path \"secret/metadata/app/*\" { capabilities = [\"list\"] }"),
                row("list: exact rule without the trailing slash", Operation.LIST, "secret/metadata/app/", true,
                        "path \"secret/metadata/app\" { capabilities = [\"list\"] }"),
                row("list: the slash fallback is for list only", Operation.READ, "secret/metadata/app/", false,
                        "path \"secret/metadata/app\" { capabilities = [\"read\"] }"),
                row("list: the folder itself is governed by the parent glob", Operation.LIST, "secret/metadata/app/", true,
                        "path \"secret/metadata/*\" { capabilities = [\"list\"] }",
                        "path \"secret/metadata/app/*\" { capabilities = [\"deny\"] }"),
                row("list: children of a denied folder stay denied", Operation.LIST, "secret/metadata/app/x/", false,
                        "path \"secret/metadata/*\" { capabilities = [\"list\"] }",
                        "path \"secret/metadata/app/*\" { capabilities = [\"deny\"] }"),
                // "deny by default, so an empty policy grants no permission"
                row("deny by default", Operation.READ, "secret/anything", false, "path \"other/*\" { capabilities = [\"read\"] }"),
                row("deny by default with no policy", Operation.READ, "secret/anything", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vaultDocumentedExamples")
    void acl_followsVaultsDocumentedPrecedence(Row row) {
        List<Policy> policies = new ArrayList<>();
        for (int i = 0; i < row.policies().size(); i++) {
            policies.add(PolicyParser.parse("p" + i, row.policies().get(i)));
        }
        assertThat(Acl.compile(policies).allows(row.operation(), row.path())).as(row.toString()).isEqualTo(row.allowed());
    }
}
