package io.coffer.core.aws.secrets;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the AWS door keeps its secrets and how it names them.
 *
 * @param mount   the KV version 2 mount it serves, with a trailing {@code /} (default {@code secret/})
 * @param region  the region in ARNs (default {@code us-east-1})
 * @param account the 12-digit account id in ARNs (default {@code 000000000000})
 */
public record SecretsSettings(String mount, String region, String account) {

    private static final Pattern REGION = Pattern.compile("[a-z]+(-[a-z]+)*-\\d+");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    /** Declared after the patterns its constructor uses. */
    public static final SecretsSettings DEFAULT = new SecretsSettings("secret/", "us-east-1", "000000000000");

    public SecretsSettings {
        Objects.requireNonNull(mount, "mount");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        if (mount.isEmpty() || !mount.endsWith("/") || mount.startsWith("/")) {
            throw new IllegalArgumentException("aws mount must be a mount path ending with '/', e.g. secret/");
        }
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("aws region must look like us-east-1");
        }
        if (!ACCOUNT.matcher(account).matches()) {
            throw new IllegalArgumentException("aws account must be 12 digits");
        }
    }

    /** {@code <mount>data/<name>}: the path GetSecretValue and PutSecretValue are checked on. */
    public String dataPath(String name) {
        return mount + "data/" + name;
    }

    /** {@code <mount>metadata/<name>}: the path the other operations on one secret are checked on. */
    public String metadataPath(String name) {
        return mount + "metadata/" + name;
    }

    /** {@code <mount>undelete/<name>}: the path RestoreSecret is checked on, as KV's undelete. */
    public String undeletePath(String name) {
        return mount + "undelete/" + name;
    }

    /** {@code <mount>metadata/}: the folder ListSecrets needs {@code list} on. */
    public String metadataFolder() {
        return mount + "metadata/";
    }

    /** The ARN prefix up to and including {@code secret:}. */
    public String arnPrefix() {
        return "arn:aws:secretsmanager:" + region + ":" + account + ":secret:";
    }
}
