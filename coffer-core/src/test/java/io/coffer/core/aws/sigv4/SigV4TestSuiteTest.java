package io.coffer.core.aws.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.aws.AwsErrorType;
import io.coffer.core.aws.AwsServiceException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers from AWS's published SigV4 test suite (credential {@code AKIDEXAMPLE}, region
 * {@code us-east-1}, service {@code service}, 2015-08-30 12:36:00 UTC). Each case restates one of
 * the suite's signed requests; the verifier must accept its signature and refuse it once one bit
 * of the request changes.
 */
class SigV4TestSuiteTest {

    private static final String KEY_ID = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Instant SIGNED_AT = Instant.parse("2015-08-30T12:36:00Z");
    private static final SigV4Verifier VERIFIER = new SigV4Verifier("service", "us-east-1", Duration.ofMinutes(15));

    /** One case of the suite: method, path and query as sent, extra headers, body, signed header names, signature. */
    record Vector(String name, String method, String path, String query, List<String[]> headers, String body,
            String signedHeaders, String signature) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Vector> suite() {
        return Stream.of(
                new Vector("query parameters sorted by key", "GET", "/", "Param2=value2&Param1=value1", List.of(), "",
                        "host;x-amz-date", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
                new Vector("header values trimmed, inner spaces collapsed", "GET", "/", "",
                        List.<String[]>of(h("My-Header1", " value1"), h("My-Header2", "\"a   b   c\"")), "",
                        "host;my-header1;my-header2;x-amz-date", "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"),
                new Vector("UTF-8 query key", "GET", "/", "\u1234=bar", List.of(), "", "host;x-amz-date",
                        "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"),
                new Vector("form body with signed content type", "POST", "/", "",
                        List.<String[]>of(h("Content-Type", "application/x-www-form-urlencoded")), "Param1=value1",
                        "content-type;host;x-amz-date", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"),
                new Vector("space in the path", "GET", "/example space/", "", List.of(), "", "host;x-amz-date",
                        "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"),
                new Vector("unreserved characters stay as they are", "GET",
                        "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "", List.of(), "",
                        "host;x-amz-date", "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"),
                new Vector("repeated slashes collapse", "GET", "//example//", "", List.of(), "", "host;x-amz-date",
                        "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84"),
                new Vector("repeated header joined with commas in arrival order", "GET", "/", "",
                        List.<String[]>of(h("My-Header1", "value2"), h("My-Header1", "value2"), h("My-Header1", "value1")), "",
                        "host;my-header1;x-amz-date", "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"),
                new Vector("signed headers in sorted order", "POST", "/", "", List.<String[]>of(h("My-Header1", "value1")), "",
                        "host;my-header1;x-amz-date", "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c"),
                new Vector("UTF-8 path", "GET", "/\u1234", "", List.of(), "", "host;x-amz-date",
                        "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"),
                new Vector("dot-dot segments resolved", "GET", "/example1/example2/../..", "", List.of(), "",
                        "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                new Vector("query on a POST", "POST", "/", "Param1=value1", List.of(), "", "host;x-amz-date",
                        "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"));
    }

    private static String[] h(String name, String value) {
        return new String[] {name, value};
    }

    static SignedRequest request(Vector v, String signature, String bodyOverride) {
        SignedRequest.Headers headers = new SignedRequest.Headers()
                .add("Host", "example.amazonaws.com")
                .add("X-Amz-Date", "20150830T123600Z");
        for (String[] header : v.headers()) {
            headers.add(header[0], header[1]);
        }
        headers.add("Authorization", "AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=" + v.signedHeaders() + ", Signature=" + signature);
        return new SignedRequest(v.method(), v.path(), v.query(), headers.build(),
                (bodyOverride == null ? v.body() : bodyOverride).getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> secrets(String id) {
        return Map.of(KEY_ID, SECRET).entrySet().stream().filter(e -> e.getKey().equals(id)).map(Map.Entry::getValue).findFirst();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suite")
    void verify_suiteSignature_isAccepted(Vector v) {
        AuthorizationHeader auth = VERIFIER.verify(request(v, v.signature(), null), SIGNED_AT, SigV4TestSuiteTest::secrets);

        assertThat(auth.accessKeyId()).isEqualTo(KEY_ID);
        assertThat(auth.region()).isEqualTo("us-east-1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suite")
    void verify_oneSignatureDigitChanged_isInvalidSignature(Vector v) {
        char last = v.signature().charAt(63);
        String tampered = v.signature().substring(0, 63) + (last == '0' ? '1' : '0');

        assertThatThrownBy(() -> VERIFIER.verify(request(v, tampered, null), SIGNED_AT, SigV4TestSuiteTest::secrets))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.type()).isEqualTo(AwsErrorType.InvalidSignatureException));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suite")
    void verify_bodyChanged_isInvalidSignature(Vector v) {
        assertThatThrownBy(() -> VERIFIER.verify(request(v, v.signature(), v.body() + "x"), SIGNED_AT,
                SigV4TestSuiteTest::secrets))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.type()).isEqualTo(AwsErrorType.InvalidSignatureException));
    }
}
