package io.coffer.core.auth.workload;

import java.io.ByteArrayInputStream;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the public key of a PEM block, as Vault does for {@code jwt_validation_pubkeys} and
 * {@code pem_keys}: a {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo) or a {@code CERTIFICATE}
 * whose key is taken. RSA, EC and Ed25519 keys are recognised.
 */
public final class PemPublicKeys {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519");

    private PemPublicKeys() {
    }

    /**
     * The key of the first PEM block of {@code pem}.
     *
     * @throws IllegalArgumentException with a message that names the problem, never the input
     */
    public static PublicKey parse(String pem) {
        Matcher m = BLOCK.matcher(pem);
        if (!m.find()) {
            throw new IllegalArgumentException("data does not contain any valid RSA, ECDSA or Ed25519 public keys");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM block is not valid base64");
        }
        if (m.group(1).equals("CERTIFICATE")) {
            try {
                return CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der)).getPublicKey();
            } catch (CertificateException e) {
                throw new IllegalArgumentException("the PEM certificate cannot be parsed");
            }
        }
        if (!m.group(1).equals("PUBLIC KEY")) {
            throw new IllegalArgumentException("expected a PEM block of type PUBLIC KEY or CERTIFICATE");
        }
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException | ClassCastException e) {
                // Try the next key type: the encoding names its algorithm, the factory must match it.
            }
        }
        throw new IllegalArgumentException("data does not contain any valid RSA, ECDSA or Ed25519 public keys");
    }
}
