package io.coffer.core.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import io.coffer.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;

/** Signing keys for tests: RSA and EC through nimbus, Ed25519 through the JDK. */
public final class TestKeys {

    public final KeyPair pair;
    public final String kid;
    private final String algorithm;

    private TestKeys(KeyPair pair, String kid, String algorithm) {
        this.pair = pair;
        this.kid = kid;
        this.algorithm = algorithm;
    }

    public static TestKeys rsa(String kid) {
        return generate("RSA", 2048, kid, "RS256");
    }

    public static TestKeys ec(String kid) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return new TestKeys(g.generateKeyPair(), kid, "ES256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TestKeys ed25519(String kid) {
        return generate("Ed25519", 0, kid, "EdDSA");
    }

    private static TestKeys generate(String type, int size, String kid, String alg) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(type);
            if (size > 0) {
                g.initialize(size);
            }
            return new TestKeys(g.generateKeyPair(), kid, alg);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public PublicKey publicKey() {
        return pair.getPublic();
    }

    /** The public key as a PEM {@code PUBLIC KEY} block. */
    public String pem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(publicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** The public key as a JWK (RSA or EC). */
    public JWK jwk() {
        if (publicKey() instanceof RSAPublicKey rsa) {
            return new RSAKey.Builder(rsa).keyID(kid).build();
        }
        return new ECKey.Builder(Curve.P_256, (ECPublicKey) publicKey()).keyID(kid).build();
    }

    /** Signs {@code claims} with this key's default algorithm, naming {@link #kid} in the header. */
    public String sign(Map<String, Object> claims) {
        return sign(claims, algorithm);
    }

    public String sign(Map<String, Object> claims, String alg) {
        String header = "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"" + (kid == null ? "" : ",\"kid\":\"" + kid + "\"") + "}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(Json.write(claims));
        return signingInput + "." + signature(signingInput, alg);
    }

    private String signature(String signingInput, String alg) {
        try {
            if (alg.equals("EdDSA")) {
                Signature s = Signature.getInstance("Ed25519");
                s.initSign(pair.getPrivate());
                s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                return b64(s.sign());
            }
            JWSSigner signer = pair.getPrivate() instanceof RSAPrivateKey rsa ? new RSASSASigner(rsa)
                    : new ECDSASigner((ECPrivateKey) pair.getPrivate());
            Base64URL sig = signer.sign(new JWSHeader(JWSAlgorithm.parse(alg)), signingInput.getBytes(StandardCharsets.US_ASCII));
            return sig.toString();
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
