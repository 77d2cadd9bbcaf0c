package io.coffer.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.error.CofferException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyParserTest {

    private static PathRule only(Policy p) {
        assertThat(p.rules()).hasSize(1);
        return p.rules().get(0);
    }

    @Test
    void parse_hclPathBlocksInDocumentOrder() {
        Policy p = PolicyParser.parse("app", """
                # comment
                path "secret/data/app/*" {
                  capabilities = ["read", "list"]
                }
                // another comment style
                path "secret/data/app/admin" { capabilities = ["deny"] }
                /* and a
                   block comment */
                path "/sys/mounts" {
                  capabilities = ["read",]
                }
                """);
        assertThat(p.name()).isEqualTo("app");
        assertThat(p.rules()).extracting(PathRule::path)
                .containsExactly("secret/data/app/*", "secret/data/app/admin", "sys/mounts");
        assertThat(p.rules().get(0).capabilities()).containsExactlyInAnyOrder(Capability.READ, Capability.LIST);
        assertThat(p.rules().get(1).capabilities()).containsExactly(Capability.DENY);
        assertThat(p.rules().get(2).capabilities()).containsExactly(Capability.READ);
    }

    @Test
    void parse_keepsRawTextVerbatim() {
        String raw = "path \"a\" {\n  capabilities = [\"read\"]\n}\n";
        assertThat(PolicyParser.parse("x", raw).raw()).isEqualTo(raw);
    }

    @Test
    void parse_jsonDocumentLikeVault() {
        Policy p = PolicyParser.parse("j", """
                {
                  "path": {
                    "secret/*": {"capabilities": ["create", "read", "update", "patch", "delete", "list"]},
                    "secret/super-secret": {"capabilities": ["deny"]},
                    "secret/restricted": {
                      "capabilities": ["create"],
                      "allowed_parameters": {"foo": [], "Bar": ["zip", "zap"]}
                    }
                  }
                }
                """);
        assertThat(p.rules()).extracting(PathRule::path).containsExactly("secret/*", "secret/super-secret", "secret/restricted");
        assertThat(p.rules().get(0).capabilities()).hasSize(6);
        assertThat(p.rules().get(2).allowedParameters()).containsOnlyKeys("foo", "bar");
        assertThat(p.rules().get(2).allowedParameters().get("bar")).containsExactly("zip", "zap");
    }

    @Test
    void parse_jsonListOfPathObjects() {
        Policy p = PolicyParser.parse("j", "{\"path\": [{\"a\": {\"capabilities\": [\"read\"]}}, {\"b\": {\"policy\": \"write\"}}]}");
        assertThat(p.rules()).extracting(PathRule::path).containsExactly("a", "b");
    }

    @Test
    void parse_jsonNullValuesAreAbsent() {
        PathRule r = only(PolicyParser.parse("j",
                "{\"path\": {\"a\": {\"capabilities\": [\"read\"], \"allowed_parameters\": null, \"min_wrapping_ttl\": null}}}"));
        assertThat(r.allowedParameters()).isEmpty();
        assertThat(r.minWrappingTtl()).isZero();
    }

    @Test
    void parse_legacyPolicyKeywordsMapToCapabilities() {
        Policy p = PolicyParser.parse("old", """
                path "r" { policy = "read" }
                path "w" { policy = "write" }
                path "s" { policy = "sudo" }
                path "d" { policy = "deny" }
                path "mixed" {
                  policy = "read"
                  capabilities = ["update", "sudo"]
                }
                path "denied-anyway" {
                  policy = "deny"
                  capabilities = ["read", "update"]
                }
                """);
        Map<String, Set<Capability>> byPath = new java.util.HashMap<>();
        p.rules().forEach(r -> byPath.put(r.path(), r.capabilities()));
        assertThat(byPath.get("r")).containsExactlyInAnyOrder(Capability.READ, Capability.LIST);
        assertThat(byPath.get("w")).containsExactlyInAnyOrder(Capability.CREATE, Capability.READ, Capability.UPDATE,
                Capability.DELETE, Capability.LIST);
        assertThat(byPath.get("s")).contains(Capability.SUDO).hasSize(6);
        assertThat(byPath.get("d")).containsExactly(Capability.DENY);
        assertThat(byPath.get("mixed")).containsExactlyInAnyOrder(Capability.READ, Capability.LIST, Capability.UPDATE,
                Capability.SUDO);
        assertThat(byPath.get("denied-anyway")).containsExactly(Capability.DENY);
    }

    @Test
    void parse_parameterConstraintsAndWrappingTtls() {
        PathRule r = only(PolicyParser.parse("p", """
                path "secret/foo" {
                  capabilities = ["create", "update"]
                  allowed_parameters = {
                    "Bar" = ["zip", "zap"]
                    "*"   = []
                  }
                  denied_parameters {
                    "secret" = []
                  }
                  required_parameters = ["bar"]
                  min_wrapping_ttl = "1s"
                  max_wrapping_ttl = 90
                }
                """));
        assertThat(r.allowedParameters()).containsOnlyKeys("bar", "*");
        assertThat(r.allowedParameters().get("*")).isEmpty();
        assertThat(r.deniedParameters()).containsOnlyKeys("secret");
        assertThat(r.requiredParameters()).containsExactly("bar");
        assertThat(r.minWrappingTtl()).isEqualTo(1);
        assertThat(r.maxWrappingTtl()).isEqualTo(90);
    }

    @Test
    void parse_denyBlockDropsItsParameterConstraints() {
        PathRule r = only(PolicyParser.parse("p", """
                path "x" {
                  capabilities = ["deny"]
                  allowed_parameters = { "a" = [] }
                }
                """));
        assertThat(r.capabilities()).containsExactly(Capability.DENY);
        assertThat(r.allowedParameters()).isEmpty();
    }

    @Test
    void parse_acceptsVaultKeysCofferDoesNotEnforce() {
        PathRule r = only(PolicyParser.parse("p", """
                path "x" {
                  comment = "why"
                  capabilities = ["read", "subscribe", "recover"]
                  mfa_methods = ["totp"]
                  subscribe_event_types = ["kv*"]
                  control_group = {
                    factor "ops" {
                      identity {
                        group_names = ["ops"]
                        approvals = 1
                      }
                    }
                  }
                }
                """));
        assertThat(r.capabilities()).containsExactlyInAnyOrder(Capability.READ, Capability.SUBSCRIBE, Capability.RECOVER);
    }

    @Test
    void parse_heredocAndEscapesInStrings() {
        Policy p = PolicyParser.parse("p", "path \"aé/\\\"q\\\"/\\\\\" {\n  capabilities = [\"read\"]\n  comment = <<EOT\nfree text\nEOT\n}\n");
        assertThat(only(p).path()).isEqualTo("aé/\"q\"/\\");
    }

    @Test
    void parse_repeatedPathBlocksAreAllKept() {
        Policy p = PolicyParser.parse("p", """
                path "a" { capabilities = ["read"] }
                path "b" { capabilities = ["read"] }
                path "a" { capabilities = ["update"] }
                """);
        assertThat(p.rules()).hasSize(3);
        assertThat(p.rules()).filteredOn(r -> r.path().equals("a")).flatExtracting(PathRule::capabilities)
                .containsExactlyInAnyOrder(Capability.READ, Capability.UPDATE);
    }

    @Test
    void parse_emptyDocumentAndCommentsOnlyGrantNothing() {
        assertThat(PolicyParser.parse("p", "# nothing here\n").rules()).isEmpty();
        assertThat(PolicyParser.parse("p", "name = \"ignored\"\n").rules()).isEmpty();
    }

    @Test
    void parse_identityTemplatesAreKeptAndMarked() {
        PathRule r = only(PolicyParser.parse("p", "path \"secret/data/{{identity.entity.id}}/*\" { capabilities = [\"read\"] }"));
        assertThat(r.isTemplated()).isTrue();
    }

    @Test
    void parse_defaultPolicyTextIsValid() {
        Policy p = PolicyParser.parse("default", DefaultPolicy.TEXT);
        assertThat(p.rules()).hasSize(18);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            unknown capability             | path "a" {\\n  capabilities = ["read", "wirte"]\\n}                | path "a" (line 1): invalid capability "wirte"
            capability in wrong case       | path "a" { capabilities = ["Read"] }                                | invalid capability "Read"
            unknown key in path            | path "a" {\\n  capabilites = ["read"]\\n}                          | path "a" (line 1): invalid key "capabilites"
            unknown top-level key          | paths "a" { capabilities = ["read"] }                               | line 1, column 1: unknown top-level key "paths"
            missing closing brace          | path "a" {\\n  capabilities = ["read"]\\n                          | line 1, column 10: '{' is never closed
            stray closing brace            | path "a" { capabilities = ["read"] }\\n}                           | line 2, column 1: unexpected '}'
            unclosed list                  | path "a" {\\n  capabilities = ["read"\\n}                          | line 3, column 1: expected ',' or ']'
            missing comma in list          | path "a" {\\n  capabilities = ["read" "list"]\\n}                  | line 2, column 26: expected ',' or ']'
            unterminated string            | path "a {\\n  capabilities = ["read"]\\n}                          | line 1, column 6: string is never closed
            double equals                  | path "a" {\\n  capabilities == ["read"]\\n}                        | line 2, column 17: expected a value
            unquoted value                 | path "a" {\\n  capabilities = [read]\\n}                           | line 2, column 19: expected a value, found identifier "read"
            bare words                     | foo bar baz                                                          | unknown top-level key "foo"
            unexpected character           | path "a" { capabilities = ["read"] } @                              | line 1, column 38: unexpected character '@'
            interpolation                  | path "a/${var.x}" { capabilities = ["read"] }                      | line 1, column 9: template sequences
            function call                  | path "a" { capabilities = upper("read") }                          | line 1, column 32: unexpected character '('
            unicode escape                 | path "a\\u00e9" { capabilities = ["read"] }                        | line 1, column 8: \\u escapes are not supported
            exponent                       | path "a" { x = 1.5e3 }                                              | line 1, column 16: numbers with exponents are not supported
            data lookup block              | data "http" "x" {\\n  url = "http://127.0.0.1/"\\n}                | unknown top-level key "data"
            assigned twice                 | path "a" {\\n  capabilities = ["read"]\\n  capabilities = ["list"]\\n} | line 3, column 3: "capabilities" is assigned more than once
            capabilities not a list        | path "a" { capabilities = "read" }                                  | path "a" (line 1): capabilities must be a list of strings
            capability not a string        | path "a" { capabilities = [1] }                                     | capabilities must be a list of strings
            legacy policy unknown          | path "a" { policy = "admin" }                                       | invalid policy "admin"
            wildcard plus glob             | path "a/+*" { capabilities = ["read"] }                             | invalid use of wildcards ('+*' is forbidden)
            bad template                   | path "a/{{user.id}}" { capabilities = ["read"] }                    | invalid policy templating
            unclosed template              | path "a/{{identity.entity.id" { capabilities = ["read"] }           | invalid policy templating
            bad duration                   | path "a" {\\n capabilities = ["read"]\\n min_wrapping_ttl = "soon"\\n} | min_wrapping_ttl is not a valid duration
            min above max                  | path "a" {\\n capabilities = ["read"]\\n min_wrapping_ttl = 60\\n max_wrapping_ttl = 30\\n} | max_wrapping_ttl cannot be less than min_wrapping_ttl
            parameter values not a list    | path "a" {\\n capabilities = ["read"]\\n allowed_parameters = { "x" = "y" }\\n} | allowed_parameters.x must be a list
            path is not a block            | path = 5                                                            | "path" must hold blocks
            labels with equals             | path "a" = { capabilities = ["read"] }                              | line 1, column 10: expected '{' after the labels
            unclosed comment               | /* never closed\\npath "a" { capabilities = ["read"] }              | line 1, column 1: comment is never closed
            unknown escape                 | path "a\\q" { capabilities = ["read"] }                             | line 1, column 8: unknown escape sequence
            unclosed heredoc               | path "a" {\\n comment = <<EOT\\ntext\\n}                           | line 2, column 12: heredoc is never closed
            """)
    void parse_badDocumentIsA400SayingWhere(String problem, String document, String expected) {
        String text = document.strip().replace("\\n", "\n");
        assertThatThrownBy(() -> PolicyParser.parse("bad", text))
                .isInstanceOf(PolicyParseException.class)
                .satisfies(e -> assertThat(((CofferException) e).kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST))
                .hasMessageStartingWith("failed to parse policy: ")
                .hasMessageContaining(expected.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            malformed json     | {"path": {"a": {"capabilities": ["read"]}}      | invalid JSON:
            trailing garbage   | {"path": {}} x                                 | invalid JSON:
            duplicate key      | {"path": {}, "path": {}}                       | invalid JSON:
            unknown top key    | {"paths": {}}                                  | invalid top-level key "paths"
            unknown capability | {"path": {"a": {"capabilities": ["rread"]}}}   | path "a": invalid capability "rread"
            """)
    void parse_badJsonIsA400(String problem, String document, String expected) {
        assertThatThrownBy(() -> PolicyParser.parse("bad", document.strip()))
                .isInstanceOf(PolicyParseException.class)
                .hasMessageContaining(expected.strip());
    }

    @Test
    void parse_malformedJsonNamesTheLocation() {
        assertThatThrownBy(() -> PolicyParser.parse("bad", "{\n  \"path\": {\n    \"a\": {\"capabilities\": [\"read\"]\n  }\n"))
                .hasMessageContaining("line ").hasMessageContaining("column ");
    }

    @Test
    void parse_nestingIsBounded() {
        String deep = "path \"a\" { x = " + "[".repeat(200) + "]".repeat(200) + " }";
        assertThatThrownBy(() -> PolicyParser.parse("bad", deep)).hasMessageContaining("nested too deeply");
    }

    @Test
    void parse_capabilityListOrderDoesNotMatter() {
        assertThat(only(PolicyParser.parse("p", "path \"a\" { capabilities = [\"list\", \"read\"] }")).capabilities())
                .isEqualTo(Set.of(Capability.READ, Capability.LIST));
        assertThat(List.of(Capability.values())).extracting(Capability::wireName)
                .contains("create", "read", "update", "patch", "delete", "list", "sudo", "deny");
    }
}
