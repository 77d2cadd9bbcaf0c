package io.coffer.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The strict syntax check and hcl4j must agree on where a line ends, or text the check read as a
 * comment (or heredoc body) reaches hcl4j as policy: found by {@link PolicyParserFuzzTest}
 * ({@code #en\rn=en*n} made hcl4j evaluate an expression until the stack overflowed, and a
 * {@code path} block behind {@code # comment\r} was granted although the check, like Vault, read it
 * as part of the comment).
 */
class PolicyParserLineBreakTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "#en\rn=en*n",
        "# comment\rpath \"secret/*\" { capabilities = [\"sudo\", \"read\"] }",
        "// comment\rpath \"secret/*\" { capabilities = [\"read\"] }",
        "path \"a\" {\n  capabilities = [\"read\"]\n  min_wrapping_ttl = <<EOT\n1s\rEOT\r}\rpath \"b\" { capabilities = [\"sudo\"] }\nEOT\n}",
    })
    void parse_bareCarriageReturn_isRefusedWith400(String document) {
        PolicyParseException e = catchThrowableOfType(PolicyParseException.class, () -> PolicyParser.parse("p", document));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("carriage return");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n"})
    void parse_crlfAndLfLineBreaks_stillWork(String lineBreak) {
        Policy p = PolicyParser.parse("p", String.join(lineBreak, "# comment", "path \"secret/*\" {",
                "  capabilities = [\"read\"]", "}", ""));

        assertThat(p.rules()).hasSize(1);
    }
}
