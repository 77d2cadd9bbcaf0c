package io.coffer.core.aws.sigv4;

import io.coffer.core.crypto.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SigV4 signing keys (the HMAC chain over date, region, service and terminator), derived once per
 * access key, secret, day, region and service instead of on every request: four HMACs, each with
 * its own key schedule, on a path that otherwise computes one.
 *
 * <p>An entry is found by access key id and scope and kept with a SHA-256 fingerprint of the secret
 * it was derived from; a lookup with another secret (the key was deleted and created again with
 * the same id) derives and replaces it, so a cached key never outlives the secret it came from.
 * Whether the key still exists, or has expired, is the caller's check on every request, as before.
 * Entries are secret material: {@link #clear()} drops them (on seal). Bounded: past
 * {@code maxEntries} it starts over. Thread-safe.
 */
final class SigningKeys {

    private record Entry(byte[] secretFingerprint, HmacSha256 signingKey) {
    }

    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    SigningKeys(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    /** The signing key of {@code secret} for the header's scope. */
    HmacSha256 of(String secret, AuthorizationHeader auth) {
        String id = auth.accessKeyId() + '\n' + auth.scope();
        byte[] fingerprint = fingerprint(secret);
        Entry cached = entries.get(id);
        if (cached != null && MessageDigest.isEqual(cached.secretFingerprint(), fingerprint)) {
            return cached.signingKey();
        }
        HmacSha256 key = HmacSha256.withKey(derive(secret, auth));
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(id, new Entry(fingerprint, key));
        return key;
    }

    /** Forgets every signing key. */
    void clear() {
        entries.clear();
    }

    /** How many keys are cached; for tests. */
    int size() {
        return entries.size();
    }

    /** The HMAC chain of SigV4: date, region, service, terminator. */
    static byte[] derive(String secret, AuthorizationHeader auth) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), auth.credentialDate());
        key = hmac(key, auth.region());
        key = hmac(key, auth.service());
        return hmac(key, auth.terminator());
    }

    private static byte[] hmac(byte[] key, String data) {
        return HmacSha256.mac(key, data.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] fingerprint(String secret) {
        return CanonicalRequest.newSha256().digest(secret.getBytes(StandardCharsets.UTF_8));
    }
}
