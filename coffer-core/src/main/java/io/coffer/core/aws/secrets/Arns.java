package io.coffer.core.aws.secrets;

import io.coffer.core.engine.kv.StagedKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Secret ARNs: {@code arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 characters>}.
 * Secrets created through the AWS door get six random characters; keys created through KV get six
 * characters derived from their name and creation time, so their ARN is stable without a write
 * and differs when a key of the same name is created again.
 */
final class Arns {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

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
