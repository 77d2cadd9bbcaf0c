package io.coffer.core.aws.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.aws.AwsErrorType;
import io.coffer.core.aws.AwsServiceException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Requests signed by the AWS SDK for Java v2's own SigV4 signer, and every way of getting one wrong. */
class SigV4VerifierTest {

    private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String BODY = "{\"SecretId\":\"app/db\"}";
    private static final SigV4Verifier VERIFIER = new SigV4Verifier("secretsmanager", "us-east-1", SigV4Verifier.DEFAULT_MAX_SKEW);

    private static Optional<String> secrets(String id) {
        return id.equals(KEY_ID) ? Optional.of(SECRET) : Optional.empty();
    }

    /** Signs a Secrets Manager call with the SDK's signer, as the SDK's client does. */
    private static SignedRequest sdkSigned(String path, String region, String secret, Instant at, String body) {
        SdkHttpRequest http = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create("http://127.0.0.1:8200" + path))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "secretsmanager.GetSecretValue")
                .build();
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(KEY_ID, secret))
                .request(http)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "secretsmanager")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
        // The SDK's signer always sends and signs x-amz-content-sha256; the suite's vectors cover requests without it.
        assertThat(signed.request().firstMatchingHeader("x-amz-content-sha256")).isPresent();
        SignedRequest.Headers headers = new SignedRequest.Headers();
        if (signed.request().firstMatchingHeader("Host").isEmpty()) {
            // The HTTP client sends Host from the URI, which the signer signed.
            headers.add("Host", "127.0.0.1:8200");
        }
        signed.request().forEachHeader((name, values) -> values.forEach(v -> headers.add(name, v)));
        String rawPath = signed.request().encodedPath();
        String rawQuery = signed.request().encodedQueryParameters().orElse("");
        return new SignedRequest("POST", rawPath.isEmpty() ? "/" : rawPath, rawQuery, headers.build(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static SignedRequest sdkSigned() {
        return sdkSigned("/", "us-east-1", SECRET, NOW, BODY);
    }

    private static SignedRequest withHeader(SignedRequest r, String name, UnaryOperator<String> change) {
        SignedRequest.Headers headers = new SignedRequest.Headers();
        r.headers().forEach((n, values) -> values.forEach(v -> headers.add(n, n.equals(name) ? change.apply(v) : v)));
        return new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), headers.build(), r.body());
    }

    private static void assertRefused(ThrowingCallable call, AwsErrorType type) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.type()).isEqualTo(type);
            assertThat(e.getMessage()).doesNotContain(SECRET);
        });
    }

    @Test
    void verify_sdkSignedRequest_namesTheSigner() {
        assertThat(VERIFIER.verify(sdkSigned(), NOW, SigV4VerifierTest::secrets).accessKeyId()).isEqualTo(KEY_ID);
    }

    @Test
    void verify_scopedToAnotherRegionThanTheServers_isInvalidSignature() {
        for (String region : List.of("eu-west-1", "ap-southeast-2", "coffer-local", "US-EAST-1")) {
            SignedRequest r = sdkSigned("/", region, SECRET, NOW, BODY);
            assertRefused(() -> VERIFIER.verify(r, NOW, SigV4VerifierTest::secrets), AwsErrorType.InvalidSignatureException);
        }
        SigV4Verifier frankfurt = new SigV4Verifier("secretsmanager", "eu-central-1", SigV4Verifier.DEFAULT_MAX_SKEW);
        assertThat(frankfurt.verify(sdkSigned("/", "eu-central-1", SECRET, NOW, BODY), NOW, SigV4VerifierTest::secrets)
                .region()).isEqualTo("eu-central-1");
        assertThatThrownBy(() -> frankfurt.verify(sdkSigned(), NOW, SigV4VerifierTest::secrets))
                .hasMessage("Credential should be scoped to a valid region, not 'us-east-1'.");
    }

    @Test
    void verify_regionWithControlCharacters_isNamedOnlyEscaped() {
        SignedRequest r = withHeader(sdkSigned(), "authorization", v -> v.replace("/us-east-1/", "/us-\u001b[31m" + "x".repeat(200) + "/"));

        assertThatThrownBy(() -> VERIFIER.verify(r, NOW, SigV4VerifierTest::secrets))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.type()).isEqualTo(AwsErrorType.InvalidSignatureException);
                    assertThat(e.getMessage()).doesNotContain("\u001b[31m").doesNotContain("x".repeat(100))
                            .matches("[\\x20-\\x7e]+");
                });
    }

    /** The SDK's signer signs every header it is given; a client that signs fewer leaves the rest open to change. */
    @Test
    void verify_xAmzOrContentTypeHeaderSentButNotSigned_isInvalidSignature() {
        for (String header : List.of("x-amz-target", "content-type", "x-amz-date", "x-amz-content-sha256")) {
            SignedRequest r = withHeader(sdkSigned(), "authorization", v -> v.replace(header + ";", "").replace(";" + header + ",", ","));
            assertThat(r.header("authorization").orElseThrow()).doesNotContain(header + ";").doesNotContain(";" + header + ",");
            assertThatThrownBy(() -> VERIFIER.verify(r, NOW, SigV4VerifierTest::secrets)).as(header)
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.type()).isEqualTo(AwsErrorType.InvalidSignatureException);
                        assertThat(e.getMessage()).isEqualTo("'" + header + "' must be a 'SignedHeader' in the AWS Authorization.");
                    });
        }
    }

    @Test
    void verify_unsignedSecurityTokenAdded_isInvalidSignature() {
        SignedRequest r = sdkSigned();
        SignedRequest.Headers headers = new SignedRequest.Headers();
        r.headers().forEach((n, values) -> values.forEach(v -> headers.add(n, v)));
        headers.add("X-Amz-Security-Token", "added-after-signing");

        assertRefused(() -> VERIFIER.verify(new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), headers.build(), r.body()),
                NOW, SigV4VerifierTest::secrets), AwsErrorType.InvalidSignatureException);
    }

    @Test
    void verify_encodedPathAndQuery_matchTheSdksDoubleEncoding() {
        SignedRequest r = sdkSigned("/a%20b/%E1%88%B4/?b=2&a=%2F1&a=0", "us-east-1", SECRET, NOW, BODY);

        assertThat(VERIFIER.verify(r, NOW, SigV4VerifierTest::secrets).accessKeyId()).isEqualTo(KEY_ID);
    }

    @Test
    void verify_withinFifteenMinutes_isAccepted() {
        for (Duration skew : List.of(Duration.ofMinutes(14), Duration.ofMinutes(-14))) {
            Instant at = NOW.plus(skew);
            assertThat(VERIFIER.verify(sdkSigned("/", "us-east-1", SECRET, at, BODY), NOW, SigV4VerifierTest::secrets)
                    .accessKeyId()).isEqualTo(KEY_ID);
        }
    }

    @Test
    void verify_signedMoreThanFifteenMinutesAgoOrAhead_isRequestExpired() {
        for (Duration skew : List.of(Duration.ofMinutes(16), Duration.ofMinutes(-16), Duration.ofHours(-30))) {
            SignedRequest r = sdkSigned("/", "us-east-1", SECRET, NOW.plus(skew), BODY);
            assertRefused(() -> VERIFIER.verify(r, NOW, SigV4VerifierTest::secrets), AwsErrorType.RequestExpired);
        }
    }

    @Test
    void verify_wrongSecret_isInvalidSignature() {
        SignedRequest r = sdkSigned("/", "us-east-1", "not-the-secret", NOW, BODY);

        assertRefused(() -> VERIFIER.verify(r, NOW, SigV4VerifierTest::secrets), AwsErrorType.InvalidSignatureException);
    }

    @Test
    void verify_unknownAccessKey_isUnrecognizedClient() {
        assertRefused(() -> VERIFIER.verify(sdkSigned(), NOW, id -> Optional.empty()), AwsErrorType.UnrecognizedClientException);
    }

    @Test
    void verify_bodyNotMatchingContentSha256_isInvalidSignature() {
        SignedRequest r = sdkSigned();
        SignedRequest other = new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), r.headers(),
                "{\"SecretId\":\"other\"}".getBytes(StandardCharsets.UTF_8));

        assertRefused(() -> VERIFIER.verify(other, NOW, SigV4VerifierTest::secrets), AwsErrorType.InvalidSignatureException);
    }

    @Test
    void verify_signedHeaderChanged_isInvalidSignature() {
        SignedRequest r = withHeader(sdkSigned(), "x-amz-target", v -> "secretsmanager.DeleteSecret");

        assertRefused(() -> VERIFIER.verify(r, NOW, SigV4VerifierTest::secrets), AwsErrorType.InvalidSignatureException);
    }

    @Test
    void verify_unsignedHeaderAdded_isAccepted() {
        SignedRequest r = sdkSigned();
        SignedRequest.Headers headers = new SignedRequest.Headers();
        r.headers().forEach((n, values) -> values.forEach(v -> headers.add(n, v)));
        headers.add("User-Agent", "added by a proxy");
        // x-amzn-trace-id is not an x-amz-* header: the SDKs never sign it, and AWS does not ask them to.
        headers.add("X-Amzn-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793");

        assertThat(VERIFIER.verify(new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), headers.build(), r.body()), NOW,
                SigV4VerifierTest::secrets).accessKeyId()).isEqualTo(KEY_ID);
    }

    @Test
    void verify_noAuthorization_isMissingAuthenticationToken() {
        SignedRequest r = new SignedRequest("POST", "/", "", new SignedRequest.Headers().add("Host", "h").build(), new byte[0]);

        assertRefused(() -> VERIFIER.verify(r, NOW, SigV4VerifierTest::secrets),
                AwsErrorType.MissingAuthenticationTokenException);
    }

    @Test
    void verify_malformedAuthorization_isIncompleteSignature() {
        for (String header : List.of("AWS4-HMAC-SHA256", "Bearer abc", "AWS4-HMAC-SHA256 Credential=a/b/c, SignedHeaders=host, Signature=00",
                "AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/20260301/us-east-1/secretsmanager/aws4_request, SignedHeaders=host",
                "AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/20260301/us-east-1/secretsmanager/aws4_request, SignedHeaders=host, Signature=xyz")) {
            SignedRequest r = withHeader(sdkSigned(), "authorization", v -> header);
            assertRefused(() -> VERIFIER.verify(r, NOW, SigV4VerifierTest::secrets), AwsErrorType.IncompleteSignatureException);
        }
    }

    @Test
    void verify_hostNotSigned_isInvalidSignature() {
        SignedRequest r = withHeader(sdkSigned(), "authorization", v -> v.replace("SignedHeaders=content-type;host;", "SignedHeaders=content-type;"));

        assertThat(sdkSigned().header("authorization").orElseThrow()).contains("SignedHeaders=content-type;host;");
        assertRefused(() -> VERIFIER.verify(r, NOW, SigV4VerifierTest::secrets), AwsErrorType.InvalidSignatureException);
    }

    @Test
    void verify_otherService_isInvalidSignature() {
        SignedRequest r = withHeader(sdkSigned(), "authorization", v -> v.replace("/secretsmanager/", "/s3/"));

        assertRefused(() -> VERIFIER.verify(r, NOW, SigV4VerifierTest::secrets), AwsErrorType.InvalidSignatureException);
    }

    @Test
    void verify_credentialDateNotTheRequestDate_isInvalidSignature() {
        SignedRequest r = withHeader(sdkSigned(), "authorization", v -> v.replace("/20260301/", "/20260228/"));

        assertRefused(() -> VERIFIER.verify(r, NOW, SigV4VerifierTest::secrets), AwsErrorType.InvalidSignatureException);
    }

    @Test
    void verify_noDateHeader_isIncompleteSignature() {
        SignedRequest r = sdkSigned();
        SignedRequest.Headers headers = new SignedRequest.Headers();
        r.headers().forEach((n, values) -> values.forEach(v -> {
            if (!n.equals("x-amz-date")) {
                headers.add(n, v);
            }
        }));

        assertRefused(() -> VERIFIER.verify(new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), headers.build(), r.body()),
                NOW, SigV4VerifierTest::secrets), AwsErrorType.IncompleteSignatureException);
    }

    @Test
    void verify_dateHeaderInsteadOfAmzDate_isUsedForTheSignature() {
        // The signer signs X-Amz-Date; replacing it by an equal Date header keeps the string to sign identical.
        SignedRequest r = sdkSigned();
        SignedRequest.Headers headers = new SignedRequest.Headers();
        r.headers().forEach((n, values) -> values.forEach(v -> {
            if (!n.equals("x-amz-date")) {
                headers.add(n, n.equals("authorization") ? v.replace(";x-amz-date", "") : v);
            }
        }));
        headers.add("Date", "Sun, 01 Mar 2026 10:00:00 GMT");
        SignedRequest dated = new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), headers.build(), r.body());

        // The signature no longer matches (x-amz-date was part of it), but the date was understood:
        // no IncompleteSignature and no RequestExpired.
        assertRefused(() -> VERIFIER.verify(dated, NOW, SigV4VerifierTest::secrets), AwsErrorType.InvalidSignatureException);
        assertRefused(() -> VERIFIER.verify(dated, NOW.plus(Duration.ofHours(1)), SigV4VerifierTest::secrets),
                AwsErrorType.RequestExpired);
    }

    @Test
    void verify_aKeyRecreatedWithTheSameIdAndANewSecret_acceptsOnlyTheNewSecret() {
        SigV4Verifier verifier = new SigV4Verifier("secretsmanager", "us-east-1", SigV4Verifier.DEFAULT_MAX_SKEW);
        String newSecret = "a-brand-new-secret-for-the-same-key-id00";
        Function<String, Optional<String>> before = SigV4VerifierTest::secrets;
        Function<String, Optional<String>> after = id -> id.equals(KEY_ID) ? Optional.of(newSecret) : Optional.empty();
        // The old secret's signing key is derived (and kept) first.
        assertThat(verifier.verify(sdkSigned(), NOW, before).accessKeyId()).isEqualTo(KEY_ID);

        assertRefused(() -> verifier.verify(sdkSigned(), NOW, after), AwsErrorType.InvalidSignatureException);
        assertThat(verifier.verify(sdkSigned("/", "us-east-1", newSecret, NOW, BODY), NOW, after).accessKeyId())
                .isEqualTo(KEY_ID);
        assertRefused(() -> verifier.verify(sdkSigned("/", "us-east-1", newSecret, NOW, BODY), NOW, before),
                AwsErrorType.InvalidSignatureException);
    }

    @Test
    void verify_afterForgettingSigningKeys_stillVerifies() {
        SigV4Verifier verifier = new SigV4Verifier("secretsmanager", "us-east-1", SigV4Verifier.DEFAULT_MAX_SKEW);
        verifier.verify(sdkSigned(), NOW, SigV4VerifierTest::secrets);

        verifier.forgetSigningKeys();

        assertThat(verifier.verify(sdkSigned(), NOW, SigV4VerifierTest::secrets).accessKeyId()).isEqualTo(KEY_ID);
        assertRefused(() -> verifier.verify(sdkSigned("/", "us-east-1", "not-the-secret", NOW, BODY), NOW,
                SigV4VerifierTest::secrets), AwsErrorType.InvalidSignatureException);
    }

    @Test
    void parseStrictAmzDate_agreesWithTheFormatter_andLeavesEveryOtherFormToIt() {
        for (String ok : List.of("20260301T100000Z", "20000229T235959Z", "19700101T000000Z", "20261231T235959Z",
                "20240229T120000Z", "99991231T235959Z")) {
            assertThat(SigV4Verifier.parseStrictAmzDate(ok)).as(ok)
                    .isEqualTo(Instant.from(SigV4Verifier.AMZ_DATE.parse(ok)));
        }
        for (String other : List.of("20260230T100000Z", "20250229T100000Z", "20261301T100000Z", "20260001T100000Z",
                "20260100T100000Z", "20260301T240000Z", "20260301T106000Z", "20260301T100060Z", "20260301t100000Z",
                "20260301T100000z", "2026030T1000000Z", "202603011T00000Z", "+2026031T100000Z", "20260301T10000Z",
                "20260301T1000000Z", "2026-03-01T10:00:00Z", "", "20260301T10000١Z")) {
            assertThat(SigV4Verifier.parseStrictAmzDate(other)).as(other).isNull();
        }
    }

    @Test
    void verify_dateTheFormatterReadsLeniently_isStillJudgedAsBefore() {
        // Not strict (hour 24): the formatter's reading applies, as it always did; here it is too old.
        SignedRequest r = withHeader(sdkSigned(), "x-amz-date", v -> "20260301T240000Z");
        assertThatThrownBy(() -> VERIFIER.verify(r, NOW, SigV4VerifierTest::secrets))
                .isInstanceOf(AwsServiceException.class);
    }

    @Test
    void canonicalHeaderValue_collapsesWhitespaceRunsLikeTheRegex() {
        for (String value : List.of("a", " a ", "a  b", "a\tb", "a \t\n\r\f\u000Bb", "a\u00A0b", "  x  y  z  ",
                "\t\tleading", "trailing\n\n", "a b c", "")) {
            assertThat(CanonicalRequest.canonicalHeaderValue(List.of(value))).as("[%s]", value)
                    .isEqualTo(value.strip().replaceAll("\\s+", " "));
        }
    }

    @Test
    void canonicalUri_normalizesAndEncodesOnceMore() {
        assertThat(CanonicalRequest.canonicalUri("")).isEqualTo("/");
        assertThat(CanonicalRequest.canonicalUri("/a/./b/../c/")).isEqualTo("/a/c/");
        assertThat(CanonicalRequest.canonicalUri("/%E1%88%B4")).isEqualTo("/%25E1%2588%25B4");
        assertThat(CanonicalRequest.canonicalQuery("b=2&a=%2F1&a=0&c")).isEqualTo("a=%2F1&a=0&b=2&c=");
        assertThat(CanonicalRequest.canonicalHeaderValue(List.of("  a \t b  ", "c"))).isEqualTo("a b,c");
        assertThat(Map.of()).isEmpty();
    }
}
