package io.coffer.core.aws.sigv4;

import io.coffer.core.aws.AwsErrorType;
import io.coffer.core.aws.AwsServiceException;
import java.util.List;
import java.util.Locale;

/**
 * The parts of an {@code Authorization: AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request,
 * SignedHeaders=a;b, Signature=hex} header. A header that cannot be read this way is refused with
 * {@code IncompleteSignatureException}; the messages never echo the header, since it carries the
 * caller's signature.
 *
 * @param accessKeyId     the access key id of the credential
 * @param credentialDate  the scope's date, {@code yyyyMMdd}
 * @param region          the scope's region (the verifier accepts only the server's)
 * @param service         the scope's service
 * @param terminator      the scope's last part, which must be {@code aws4_request}
 * @param signedHeaders   lower-case header names, as listed
 * @param signature       lower-case hex of the signature, as sent
 */
public record AuthorizationHeader(String accessKeyId, String credentialDate, String region, String service,
        String terminator, List<String> signedHeaders, String signature) {

    public static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /** The credential scope as it appears in the string to sign. */
    public String scope() {
        return credentialDate + "/" + region + "/" + service + "/" + terminator;
    }

    static AuthorizationHeader parse(String header) {
        String value = header.strip();
        int space = value.indexOf(' ');
        String algorithm = space < 0 ? value : value.substring(0, space);
        if (!algorithm.equals(ALGORITHM)) {
            throw incomplete("Unsupported AWS 'algorithm': the Authorization header must start with " + ALGORITHM);
        }
        // Only the three parameters SigV4 defines are kept (a repeated one: the last wins);
        // parsed by hand because every AWS request goes through here.
        String credentialParam = null;
        String signatureParam = null;
        String signedHeadersParam = null;
        int at = space < 0 ? value.length() : space + 1;
        while (at <= value.length()) {
            int comma = value.indexOf(',', at);
            int end = comma < 0 ? value.length() : comma;
            String p = value.substring(at, end).strip();
            at = end + 1;
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw incomplete("Authorization header has a parameter that is not of the form key=value");
            }
            String key = p.substring(0, eq).strip();
            String param = p.substring(eq + 1).strip();
            switch (key) {
                case "Credential" -> credentialParam = param;
                case "Signature" -> signatureParam = param;
                case "SignedHeaders" -> signedHeadersParam = param;
                default -> {
                    // Other parameters are not part of SigV4's Authorization header; ignored.
                }
            }
        }
        StringBuilder missing = new StringBuilder();
        if (credentialParam == null || credentialParam.isEmpty()) {
            missing.append("Authorization header requires 'Credential' parameter. ");
        }
        if (signatureParam == null || signatureParam.isEmpty()) {
            missing.append("Authorization header requires 'Signature' parameter. ");
        }
        if (signedHeadersParam == null || signedHeadersParam.isEmpty()) {
            missing.append("Authorization header requires 'SignedHeaders' parameter. ");
        }
        if (!missing.isEmpty()) {
            throw incomplete(missing.toString().strip());
        }
        String[] credential = credentialParam.split("/", -1);
        if (credential.length != 5 || anyEmpty(credential)) {
            throw incomplete("Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term");
        }
        String[] signed = signedHeadersParam.split(";", -1);
        if (anyEmpty(signed)) {
            throw incomplete("SignedHeaders must be a semicolon-separated list of header names");
        }
        String signature = signatureParam;
        if (!isHex64(signature)) {
            throw incomplete("Signature must be 64 hexadecimal characters");
        }
        String[] lowerCase = new String[signed.length];
        for (int i = 0; i < signed.length; i++) {
            lowerCase[i] = signed[i].toLowerCase(Locale.ROOT);
        }
        return new AuthorizationHeader(credential[0], credential[1], credential[2], credential[3], credential[4],
                List.of(lowerCase), signature.toLowerCase(Locale.ROOT));
    }

    private static boolean anyEmpty(String[] parts) {
        for (String p : parts) {
            if (p.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHex64(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    private static AwsServiceException incomplete(String message) {
        return new AwsServiceException(AwsErrorType.IncompleteSignatureException, message);
    }
}
