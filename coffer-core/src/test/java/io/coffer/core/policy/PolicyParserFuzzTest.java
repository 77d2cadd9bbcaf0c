package io.coffer.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes ACL policy documents, HCL and JSON, from the text a client sends to
 * {@code sys/policies/acl/NAME} to an ACL the authorizer evaluates. A document may be refused,
 * but only with a {@link PolicyParseException} or another 400; a policy that parses must compile
 * and answer questions. Anything else thrown, or an input that takes seconds, is a bug.
 *
 * <p>The input is the document's UTF-8 bytes (decoded as the JSON body carrying it would be).
 * Seeds and past findings are in
 * {@code src/test/resources/io/coffer/core/policy/PolicyParserFuzzTestInputs/}.
 */
class PolicyParserFuzzTest {

    @FuzzTest(maxDuration = "5m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void parse_anyDocument_compilesOrIsRefusedWith400(byte[] input) {
        String raw = new String(input, StandardCharsets.UTF_8);
        Policy policy;
        try {
            policy = PolicyParser.parse("fuzz", raw);
        } catch (CofferException refused) {
            assertThat(refused.kind()).as(refused.getMessage()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
            return;
        }
        Acl acl = Acl.compile(List.of(policy));
        for (PathRule rule : policy.rules()) {
            String path = rule.path().replace("*", "x").replace("+", "y");
            acl.evaluate(Operation.UPDATE, path, Map.of("key", "value", "n", 1));
            acl.capabilities(path);
        }
        acl.evaluate(Operation.READ, "secret/data/app", Map.of());
    }
}
