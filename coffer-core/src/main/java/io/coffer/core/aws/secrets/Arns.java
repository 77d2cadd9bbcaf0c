package io.coffer.core.aws.secrets;

import io.coffer.core.engine.kv.StagedKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secret ARNs: {@code arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 characters>}.
 * Secrets created through the AWS door get six random characters; keys created through KV get six
 * characters derived from their name and creation time, so their ARN is stable without a write
 * and differs when a key of the same name is created again.
 */
final class Arns {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Derived suffixes kept at most; past this the memo starts over. */
    private static final int MAX_DERIVED = 10_000;
    /**
     * Derived suffixes by name and creation time: a pure function of both, so one memo serves
     * every node in the JVM; it spares GetSecretValue a timestamp rendering and a SHA-256.
     */
    private static final ConcurrentHashMap<DerivedFrom, String> DERIVED = new ConcurrentHashMap<>();

    private record DerivedFrom(String name, Instant createdTime) {
    }

    private Arns() {
    }

    static String randomSuffix() {
        StringBuilder b = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    static String suffix(StagedKey key, SecretAttributes attributes) {
        if (attributes.arnSuffix != null) {
            return attributes.arnSuffix;
        }
        DerivedFrom from = new DerivedFrom(key.key(), key.metadata().createdTime());
        String known = DERIVED.get(from);
        if (known != null) {
            return known;
        }
        String derived = derive(key);
        if (DERIVED.size() >= MAX_DERIVED) {
            DERIVED.clear();
        }
        DERIVED.put(from, derived);
        return derived;
    }

    private static String derive(StagedKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (key.key() + "\n" + key.metadata().createdTime()).getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder(6);
            for (int i = 0; i < 6; i++) {
                b.append(ALPHABET.charAt((digest[i] & 0xff) % ALPHABET.length()));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static String arn(SecretsSettings settings, StagedKey key, SecretAttributes attributes) {
        return settings.arnPrefix() + key.key() + "-" + suffix(key, attributes);
    }
}
