package io.coffer.core.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import io.coffer.core.auth.workload.CompactJws;
import io.coffer.core.auth.workload.InvalidJwtException;
import io.coffer.core.ratelimit.LoginWorkPool;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keys published as a JSON Web Key Set at a URL, fetched on first use and cached.
 *
 * <p>A token whose {@code kid} is not in the cache, or that no cached key verifies, triggers one
 * refetch (key rotation at the issuer), but at most one fetch per {@link #MIN_REFETCH_INTERVAL}
 * for the whole mount: otherwise anyone could make the server hammer the issuer by sending tokens
 * with made-up key ids. Concurrent logins share one fetch. The cache is also refreshed once it is
 * {@link #MAX_AGE} old, so revoked keys stop working without a rotation.
 */
final class RemoteJwks implements SigningKeys {

    static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(1);
    static final Duration MAX_AGE = Duration.ofHours(1);

    /** Where the JWKS lives: a fixed URL, or one named by an OIDC discovery document. */
    @FunctionalInterface
    interface Location {
        URI resolve() throws KeyDocuments.FetchException;
    }

    private record Key(String keyId, PublicKey publicKey) {
    }

    private record Snapshot(List<Key> keys, Instant fetchedAt) {
    }

    private final Location location;
    private final KeyDocuments documents;
    private final Clock clock;
    private final ReentrantLock fetchLock = new ReentrantLock();
    private volatile Snapshot snapshot;
    private volatile Instant lastAttempt = Instant.MIN;

    RemoteJwks(Location location, KeyDocuments documents, Clock clock) {
        this.location = location;
        this.documents = documents;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> verify(CompactJws jws, LoginWorkPool work) throws InvalidJwtException {
        Snapshot current = snapshot;
        if (current == null || current.fetchedAt.plus(MAX_AGE).isBefore(clock.instant())) {
            current = refetch(current, true);
        }
        if (verifies(current, jws, work)) {
            return jws.claims();
        }
        Snapshot fresh = refetch(current, false);
        if (fresh != current && verifies(fresh, jws, work)) {
            return jws.claims();
        }
        throw InvalidJwtException.badSignature("failed to verify id token signature");
    }

    /** Fetches now, for a config write that wants to know the URL works; the result primes the cache. */
    void prime() throws KeyDocuments.FetchException {
        fetchLock.lock();
        try {
            lastAttempt = clock.instant();
            snapshot = new Snapshot(fetchKeys(), clock.instant());
        } finally {
            fetchLock.unlock();
        }
    }

    private static boolean verifies(Snapshot s, CompactJws jws, LoginWorkPool work) {
        if (s == null) {
            return false;
        }
        String kid = jws.keyId().orElse("");
        List<PublicKey> candidates = s.keys.stream().filter(k -> kid.isEmpty() || kid.equals(k.keyId)).map(Key::publicKey).toList();
        return jws.isVerifiedByAny(candidates, work);
    }

    /**
     * A newer snapshot than {@code seen}: fetched now, fetched meanwhile by another login, or
     * {@code seen} itself when the rate limit forbids a fetch.
     *
     * @param required true when there is no usable snapshot, so a failed fetch is an error
     */
    private Snapshot refetch(Snapshot seen, boolean required) throws InvalidJwtException {
        fetchLock.lock();
        try {
            Snapshot latest = snapshot;
            if (latest != seen) {
                return latest;
            }
            Instant now = clock.instant();
            if (lastAttempt.plus(MIN_REFETCH_INTERVAL).isAfter(now)) {
                if (required && latest == null) {
                    throw InvalidJwtException.badSignature("fetching keys: the key set could not be fetched recently; retry later");
                }
                return latest;
            }
            lastAttempt = now;
            try {
                Snapshot fetched = new Snapshot(fetchKeys(), now);
                snapshot = fetched;
                return fetched;
            } catch (KeyDocuments.FetchException e) {
                if (latest == null) {
                    throw InvalidJwtException.badSignature("fetching keys: " + e.getMessage());
                }
                // Keep verifying with the keys we have; the issuer may be briefly unreachable.
                return latest;
            }
        } finally {
            fetchLock.unlock();
        }
    }

    private List<Key> fetchKeys() throws KeyDocuments.FetchException {
        URI url = location.resolve();
        JWKSet set;
        try {
            set = JWKSet.parse(documents.get(url));
        } catch (ParseException e) {
            throw new KeyDocuments.FetchException("the document at " + url + " is not a JSON Web Key Set");
        }
        List<Key> keys = new ArrayList<>();
        for (JWK jwk : set.getKeys()) {
            if (KeyUse.ENCRYPTION.equals(jwk.getKeyUse())) {
                continue;
            }
            PublicKey key = publicKey(jwk);
            if (key != null) {
                keys.add(new Key(jwk.getKeyID() == null ? "" : jwk.getKeyID(), key));
            }
        }
        return List.copyOf(keys);
    }

    /** The public key of a JWK; null for key types that cannot sign JWTs here (oct, X25519). */
    private static PublicKey publicKey(JWK jwk) {
        try {
            if (jwk instanceof RSAKey rsa) {
                return rsa.toRSAPublicKey();
            }
            if (jwk instanceof ECKey ec) {
                return ec.toECPublicKey();
            }
            if (jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
                // SubjectPublicKeyInfo of an Ed25519 key: a fixed 12-byte prefix and the raw key.
                byte[] raw = okp.getX().decode();
                byte[] spki = HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(raw));
                return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            }
        } catch (JOSEException | GeneralSecurityException | RuntimeException e) {
            // An unusable key in the set is skipped; the others still work, as with other JWKS clients.
        }
        return null;
    }
}
