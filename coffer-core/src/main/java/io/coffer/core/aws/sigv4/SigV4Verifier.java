package io.coffer.core.aws.sigv4;

import io.coffer.core.aws.AwsErrorType;
import io.coffer.core.aws.AwsServiceException;
import io.coffer.core.error.ClientText;
import io.coffer.core.logical.Timestamps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies AWS Signature Version 4 ({@code Authorization} header form) the way an AWS endpoint
 * of a non-S3 service does, and says which access key signed. Every refusal is an
 * {@link AwsServiceException} of the type AWS answers with:
 * <ul>
 *   <li>no {@code Authorization} header: {@code MissingAuthenticationTokenException};</li>
 *   <li>a header that cannot be read, or no date: {@code IncompleteSignatureException};</li>
 *   <li>{@code host}, {@code content-type} (when sent) or any {@code x-amz-*} header sent but not
 *       signed; scope for another region than the server's or another service; a credential
 *       date that is not the request's date; a body whose hash is not
 *       {@code x-amz-content-sha256}; a wrong signature: {@code InvalidSignatureException};</li>
 *   <li>a request date more than the allowed skew away from now: {@code RequestExpired};</li>
 *   <li>an access key id the lookup does not know: {@code UnrecognizedClientException}.</li>
 * </ul>
 * A header the signature does not cover can be changed by anyone who captured the request: an
 * unsigned {@code X-Amz-Target} would let a signed DescribeSecret be replayed as GetSecretValue.
 * So, as AWS requires, every {@code x-amz-*} header and {@code content-type} the request carries
 * must be signed (the AWS SDKs and CLI sign every header except a few such as
 * {@code user-agent}, {@code expect} and {@code x-amzn-trace-id}, which the rule does not cover).
 * Messages name a client's values only through {@link ClientText}. Signatures are compared in
 * constant time. Signing keys are derived once
 * per access key, secret, day, region and service ({@link SigningKeys}). Thread-safe.
 */
public final class SigV4Verifier {

    /** How far a request's date may be from the server's clock, as the issue specifies. */
    public static final Duration DEFAULT_MAX_SKEW = Duration.ofMinutes(15);

    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String TERMINATOR = "aws4_request";
    private static final HexFormat HEX = HexFormat.of();

    /** Signing keys of distinct (access key, day, region) kept at most; far more than a node sees in a day. */
    private static final int MAX_SIGNING_KEYS = 4096;

    private final String service;
    private final String region;
    private final Duration maxSkew;
    private final SigningKeys signingKeys = new SigningKeys(MAX_SIGNING_KEYS);

    /**
     * @param service the service a credential must be scoped to, {@code secretsmanager} for the
     *                door ({@code service} for the AWS test suite)
     * @param region  the region a credential must be scoped to: the server's {@code --aws-region}
     */
    public SigV4Verifier(String service, String region, Duration maxSkew) {
        this.service = Objects.requireNonNull(service, "service");
        this.region = Objects.requireNonNull(region, "region");
        this.maxSkew = Objects.requireNonNull(maxSkew, "maxSkew");
    }

    /**
     * Checks the request's signature.
     *
     * @param secretOf the secret access key of an access key id, empty when the id is unknown (or
     *                 no longer valid)
     * @return the parsed header of the verified request; its access key id names the signer
     */
    public AuthorizationHeader verify(SignedRequest request, Instant now, Function<String, Optional<String>> secretOf) {
        List<String> authorization = request.headerValues("authorization");
        if (authorization.isEmpty()) {
            throw new AwsServiceException(AwsErrorType.MissingAuthenticationTokenException, "Missing Authentication Token");
        }
        if (authorization.size() > 1) {
            throw new AwsServiceException(AwsErrorType.IncompleteSignatureException,
                    "The request must carry exactly one Authorization header");
        }
        AuthorizationHeader auth = AuthorizationHeader.parse(authorization.get(0));
        if (!auth.region().equals(region)) {
            throw invalid("Credential should be scoped to a valid region, not '" + ClientText.escape(auth.region()) + "'.");
        }
        if (!auth.service().equals(service)) {
            throw invalid("Credential should be scoped to correct service: '" + service + "'.");
        }
        if (!auth.terminator().equals(TERMINATOR)) {
            throw invalid("Credential should be scoped with a valid terminator: 'aws4_request'.");
        }
        requireSigned(request, auth.signedHeaders());
        RequestDate date = requestDate(request);
        String amzDate = date.text();
        if (!amzDate.startsWith(auth.credentialDate()) || auth.credentialDate().length() != 8) {
            throw invalid("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                    + ClientText.escape(auth.credentialDate()) + "' != '" + amzDate.substring(0, 8) + "', from '"
                    + ClientText.escape(amzDate) + "'.");
        }
        checkClock(date.instant(), now);

        String payloadHash = CanonicalRequest.sha256Hex(request.body());
        Optional<String> declared = request.header("x-amz-content-sha256");
        if (declared.isPresent() && !declared.get().strip().equalsIgnoreCase(payloadHash)) {
            throw invalid("The provided 'x-amz-content-sha256' header does not match what was computed.");
        }

        String secret = secretOf.apply(auth.accessKeyId()).orElseThrow(() -> new AwsServiceException(
                AwsErrorType.UnrecognizedClientException, "The security token included in the request is invalid."));
        String canonical = CanonicalRequest.build(request, auth.signedHeaders(), payloadHash);
        String stringToSign = AuthorizationHeader.ALGORITHM + "\n" + amzDate + "\n" + auth.scope() + "\n"
                + CanonicalRequest.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
        byte[] expected = signingKeys.of(secret, auth).mac(stringToSign.getBytes(StandardCharsets.UTF_8));
        byte[] given = HEX.parseHex(auth.signature());
        if (!MessageDigest.isEqual(expected, given)) {
            throw invalid("The request signature we calculated does not match the signature you provided. "
                    + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        }
        return auth;
    }

    /**
     * Refuses a request whose signature leaves out {@code host}, or a {@code content-type} or
     * {@code x-amz-*} header it carries: those are what say which operation runs and how the body
     * is read, so a copy of the request must not be able to change them.
     */
    private static void requireSigned(SignedRequest request, List<String> signedHeaders) {
        if (!signedHeaders.contains("host")) {
            throw invalid("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        for (String name : request.headers().keySet()) {
            if ((name.equals("content-type") || name.startsWith("x-amz-")) && !signedHeaders.contains(name)) {
                throw invalid("'" + ClientText.escape(name) + "' must be a 'SignedHeader' in the AWS Authorization.");
            }
        }
    }

    /** The request's date as signed (ISO-8601 basic form) and as an instant. */
    private record RequestDate(String text, Instant instant) {
    }

    /** {@code X-Amz-Date} in ISO-8601 basic form, or the {@code Date} header converted to it. */
    private static RequestDate requestDate(SignedRequest request) {
        Optional<String> amz = request.header("x-amz-date");
        if (amz.isPresent()) {
            String value = amz.get().strip();
            Instant strict = parseStrictAmzDate(value);
            if (strict != null) {
                return new RequestDate(value, strict);
            }
            try {
                return new RequestDate(value, Instant.from(AMZ_DATE.parse(value)));
            } catch (DateTimeParseException e) {
                throw new AwsServiceException(AwsErrorType.IncompleteSignatureException,
                        "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
            }
        }
        Optional<String> date = request.header("date");
        if (date.isPresent()) {
            try {
                ZonedDateTime parsed = ZonedDateTime.parse(date.get().strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                String text = AMZ_DATE.format(parsed.toInstant());
                return new RequestDate(text, Instant.from(AMZ_DATE.parse(text)));
            } catch (DateTimeParseException e) {
                throw new AwsServiceException(AwsErrorType.IncompleteSignatureException,
                        "Date must be an RFC 1123 date, e.g. \"Sun, 30 Aug 2015 12:36:00 GMT\"");
            }
        }
        throw new AwsServiceException(AwsErrorType.IncompleteSignatureException,
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }

    /**
     * {@code yyyyMMdd'T'HHmmss'Z'} with every field in range, read without the formatter (which
     * costs more than the rest of the date checks); null for anything else, which the formatter
     * then reads (or refuses) exactly as before.
     */
    static Instant parseStrictAmzDate(String value) {
        if (value.length() != 16 || value.charAt(8) != 'T' || value.charAt(15) != 'Z') {
            return null;
        }
        return Timestamps.utcOrNull(Timestamps.digits(value, 0, 4), Timestamps.digits(value, 4, 2),
                Timestamps.digits(value, 6, 2), Timestamps.digits(value, 9, 2), Timestamps.digits(value, 11, 2),
                Timestamps.digits(value, 13, 2), 0);
    }

    private void checkClock(Instant signed, Instant now) {
        long minutes = maxSkew.toMinutes();
        if (signed.isBefore(now.minus(maxSkew))) {
            throw new AwsServiceException(AwsErrorType.RequestExpired, "Signature expired: " + AMZ_DATE.format(signed)
                    + " is now earlier than " + AMZ_DATE.format(now.minus(maxSkew)) + " (" + AMZ_DATE.format(now) + " - "
                    + minutes + " min.)");
        }
        if (signed.isAfter(now.plus(maxSkew))) {
            throw new AwsServiceException(AwsErrorType.RequestExpired, "Signature not yet current: "
                    + AMZ_DATE.format(signed) + " is still later than " + AMZ_DATE.format(now.plus(maxSkew)) + " ("
                    + AMZ_DATE.format(now) + " + " + minutes + " min.)");
        }
    }

    /**
     * Forgets the signing keys derived from secret access keys (they are secret material); the
     * node calls this before it seals.
     */
    public void forgetSigningKeys() {
        signingKeys.clear();
    }

    private static AwsServiceException invalid(String message) {
        return new AwsServiceException(AwsErrorType.InvalidSignatureException, message);
    }
}
