package io.coffer.core.aws.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.coffer.core.aws.AwsServiceException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes what the AWS door reads before it trusts anything: the {@code Authorization} header,
 * {@code X-Amz-Date} / {@code Date}, and the canonical form of the path, query and headers. Any
 * input may be refused, but only with an AWS client error (4xx); anything else thrown, or an
 * input that takes seconds, is a bug.
 *
 * <p>The input is a request in a line format close to the wire, decoded as ISO-8859-1 as Netty
 * decodes header and URI bytes: method, raw path, raw query, then {@code name: value} header
 * lines up to an empty line, then the body. Seeds and past findings are in
 * {@code src/test/resources/io/coffer/core/aws/sigv4/SigV4FuzzTestInputs/}; docs/security.md
 * says how to fuzz for longer.
 */
class SigV4FuzzTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final SigV4Verifier VERIFIER = new SigV4Verifier("secretsmanager", "us-east-1", SigV4Verifier.DEFAULT_MAX_SKEW);

    @FuzzTest(maxDuration = "5m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void verify_anyRequest_isVerifiedOrRefusedWithAClientError(byte[] input) {
        SignedRequest request = decode(input);

        // The canonical form is total: it never fails, whatever the request (it runs for every signed call).
        CanonicalRequest.build(request, List.copyOf(request.headers().keySet()), CanonicalRequest.sha256Hex(request.body()));
        try {
            VERIFIER.verify(request, NOW, id -> Optional.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
        } catch (AwsServiceException refused) {
            assertThat(refused.type().httpStatus()).as(refused.type().name()).isBetween(400, 499);
        }
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void parseAuthorization_anyHeader_isReadOrRefusedWithAClientError(byte[] input) {
        try {
            AuthorizationHeader parsed = AuthorizationHeader.parse(new String(input, StandardCharsets.ISO_8859_1));
            assertThat(parsed.signature()).hasSize(64);
        } catch (AwsServiceException refused) {
            assertThat(refused.type().httpStatus()).isBetween(400, 499);
        }
    }

    /** method, path, query lines, header lines up to an empty line, then the body. */
    static SignedRequest decode(byte[] input) {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\n", -1);
        int line = 0;
        String method = lines.length > line ? lines[line++] : "";
        String path = lines.length > line ? lines[line++] : "";
        String query = lines.length > line ? lines[line++] : "";
        SignedRequest.Headers headers = new SignedRequest.Headers();
        int consumed = method.length() + path.length() + query.length() + Math.min(line, 3);
        while (line < lines.length && !lines[line].isEmpty()) {
            String h = lines[line++];
            consumed += h.length() + 1;
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.add(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
            }
        }
        consumed += line < lines.length ? 1 : 0;
        byte[] body = consumed >= input.length ? new byte[0] : java.util.Arrays.copyOfRange(input, consumed, input.length);
        return new SignedRequest(method, path, query, headers.build(), body);
    }
}
