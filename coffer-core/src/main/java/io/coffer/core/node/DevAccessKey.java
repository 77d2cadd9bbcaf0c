package io.coffer.core.node;

import io.coffer.core.auth.sigv4.AccessKeyStore;
import java.util.Objects;

/**
 * Dev mode's access key for the AWS door ({@code --dev-access-key-id}, {@code --dev-secret-access-key}),
 * created with the {@code root} policy. {@link #toString()} omits the secret.
 */
public record DevAccessKey(String accessKeyId, String secretAccessKey) {

    public DevAccessKey {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (!AccessKeyStore.isStorableId(accessKeyId)) {
            throw new IllegalArgumentException("access key id must be 1 to 128 printable ASCII characters without '/'");
        }
        if (secretAccessKey.isEmpty() || secretAccessKey.length() > 128
                || !secretAccessKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("secret access key must be 1 to 128 printable ASCII characters without spaces");
        }
    }

    @Override
    public String toString() {
        return "DevAccessKey[" + accessKeyId + "]";
    }
}
