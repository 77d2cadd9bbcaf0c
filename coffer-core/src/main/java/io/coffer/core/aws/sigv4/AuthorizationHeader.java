package io.coffer.core.aws.sigv4;

import io.coffer.core.aws.AwsErrorType;
import io.coffer.core.aws.AwsServiceException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of an {@code Authorization: AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request,
 * SignedHeaders=a;b, Signature=hex} header. A header that cannot be read this way is refused with
 * {@code IncompleteSignatureException}; the messages never echo the header, since it carries the
 * caller's signature.
 *
 * @param accessKeyId     the access key id of the credential
 * @param credentialDate  the scope's date, {@code yyyyMMdd}
 * @param region          the scope's region (any is accepted)
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
        Map<String, String> params = new LinkedHashMap<>();
        for (String part : value.substring(space < 0 ? value.length() : space + 1).split(",")) {
            String p = part.strip();
            int eq = p.indexOf('=');
            if (eq <= 0) {
                if (!p.isEmpty()) {
                    throw incomplete("Authorization header has a parameter that is not of the form key=value");
                }
                continue;
            }
            params.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
        }
        StringBuilder missing = new StringBuilder();
        for (String required : List.of("Credential", "Signature", "SignedHeaders")) {
            if (params.getOrDefault(required, "").isEmpty()) {
                missing.append("Authorization header requires '").append(required).append("' parameter. ");
            }
        }
        if (!missing.isEmpty()) {
            throw incomplete(missing.toString().strip());
        }
        String[] credential = params.get("Credential").split("/", -1);
        if (credential.length != 5 || anyEmpty(credential)) {
            throw incomplete("Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term");
        }
        String[] signed = params.get("SignedHeaders").split(";", -1);
        if (anyEmpty(signed)) {
            throw incomplete("SignedHeaders must be a semicolon-separated list of header names");
        }
        String signature = params.get("Signature");
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
