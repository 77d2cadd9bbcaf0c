package io.coffer.core.auth.workload;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.coffer.core.error.CofferException;
import io.coffer.core.json.Json;
import io.coffer.core.ratelimit.LoginWorkPool;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A JWT in JWS compact serialization, parsed but not yet trusted. Its claims are read only after a
 * trusted key verified it. Only public-key algorithms exist here, so a token can never make a
 * public key act as an HMAC secret.
 *
 * <p>Parse failures report the shape that was wrong, never the token text.
 */
public final class CompactJws {

    /** The algorithms Vault accepts for JWT login when {@code jwt_supported_algs} is empty. */
    public static final List<String> PUBLIC_KEY_ALGORITHMS = List.of("RS256", "RS384", "RS512", "ES256", "ES384",
            "ES512", "PS256", "PS384", "PS512", "EdDSA");

    /** Kubernetes signs service-account tokens with these (no EdDSA), as Vault's kubernetes method allows. */
    public static final Set<String> KUBERNETES_ALGORITHMS = Set.of("RS256", "RS384", "RS512", "ES256", "ES384", "ES512",
            "PS256", "PS384", "PS512");

    /** Far above any real identity token; stops a login body from making the server parse megabytes. */
    static final int MAX_TOKEN_CHARS = 64 * 1024;

    private final SignedJWT jws;

    private CompactJws(SignedJWT jws) {
        this.jws = jws;
    }

    /** Parses {@code token}; fails when it is not three base64url parts with a JWS header. */
    public static CompactJws parse(String token) throws InvalidJwtException {
        if (token.length() > MAX_TOKEN_CHARS) {
            throw InvalidJwtException.invalid("token is larger than " + MAX_TOKEN_CHARS + " characters");
        }
        if (token.chars().filter(c -> c == '.').count() != 2) {
            throw InvalidJwtException.invalid("compact JWS format must have three parts");
        }
        try {
            return new CompactJws(SignedJWT.parse(token.trim()));
        } catch (ParseException | RuntimeException e) {
            // The library's message may quote header content; say only what kind of thing failed.
            throw InvalidJwtException.invalid("token is not a valid JWS: its header or encoding is malformed");
        }
    }

    /** The {@code alg} header, e.g. {@code RS256}. */
    public String algorithm() {
        return jws.getHeader().getAlgorithm().getName();
    }

    /** The {@code kid} header, when present. */
    public Optional<String> keyId() {
        return Optional.ofNullable(jws.getHeader().getKeyID()).filter(k -> !k.isEmpty());
    }

    /**
     * True when one of {@code keys} verifies the signature. The checks run on {@code work}: a
     * token without a key id is tried against every key, and each try is a public-key operation.
     *
     * @throws io.coffer.core.error.RateLimitedException when {@code work} is full
     */
    public boolean isVerifiedByAny(List<PublicKey> keys, LoginWorkPool work) {
        if (keys.isEmpty()) {
            return false;
        }
        return work.run(() -> {
            for (PublicKey key : keys) {
                if (isVerifiedBy(key)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** True when {@code key} verifies the signature with the header's algorithm. */
    public boolean isVerifiedBy(PublicKey key) {
        try {
            if (key instanceof EdECPublicKey ed) {
                return verifiesEd25519(ed);
            }
            JWSVerifier verifier;
            if (key instanceof RSAPublicKey rsa) {
                verifier = new RSASSAVerifier(rsa);
            } else if (key instanceof ECPublicKey ec) {
                verifier = new ECDSAVerifier(ec);
            } else {
                return false;
            }
            return verifier.supportedJWSAlgorithms().contains(jws.getHeader().getAlgorithm()) && jws.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            // An algorithm or curve this key cannot verify, or a malformed signature: not verified.
            return false;
        }
    }

    /**
     * Ed25519 with the JDK's own implementation: nimbus delegates EdDSA to Tink, an optional
     * dependency Coffer does without.
     */
    private boolean verifiesEd25519(EdECPublicKey key) {
        if (!JWSAlgorithm.EdDSA.equals(jws.getHeader().getAlgorithm()) && !"Ed25519".equals(algorithm())) {
            return false;
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(jws.getSigningInput());
            return s.verify(jws.getSignature().decode());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The claims; call only once the signature verified. */
    public Map<String, Object> claims() throws InvalidJwtException {
        try {
            return Json.parseObject(jws.getPayload().toBytes());
        } catch (CofferException e) {
            throw InvalidJwtException.invalid("token payload is not a JSON object");
        }
    }
}
