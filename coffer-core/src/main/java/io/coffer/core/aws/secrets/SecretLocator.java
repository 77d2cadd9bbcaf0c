package io.coffer.core.aws.secrets;

import io.coffer.core.aws.AccessCheck;
import io.coffer.core.engine.kv.KvStore;
import io.coffer.core.engine.kv.StagedKey;
import io.coffer.core.logical.Operation;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * Resolves a SecretId (a name, a full ARN, or a partial ARN without the random suffix) to a
 * secret and checks the caller's access on the Vault path the operation needs. When the secret
 * does not exist, the access check runs on the name the id most plausibly means, so that a caller
 * without access learns nothing about which secrets exist.
 */
final class SecretLocator {

    /** A located secret as read (no lock held). */
    record Found(String name, StagedKey key, SecretAttributes attributes) {
    }

    private final SecretStore store;

    SecretLocator(SecretStore store) {
        this.store = store;
    }

    /**
     * The secret {@code secretId} names, after {@code access} allowed {@code operation} on
     * {@code path.apply(name)}.
     */
    Found locate(String secretId, AccessCheck access, Operation operation, Function<String, String> path) {
        Optional<Found> found = find(secretId);
        if (found.isPresent()) {
            access.require(operation, path.apply(found.get().name()));
            return found.get();
        }
        String guess = plausibleName(secretId);
        if (guess != null) {
            access.require(operation, path.apply(guess));
        }
        throw Errors.notFound();
    }

    /** The secret {@code secretId} names, without access checks. */
    Optional<Found> find(String secretId) {
        if (secretId.isEmpty() || secretId.length() > 2048) {
            throw Errors.validation("SecretId", "Member must have length between 1 and 2048");
        }
        String tail;
        boolean arn = secretId.startsWith("arn:");
        if (arn) {
            String prefix = store.settings().arnPrefix();
            if (!secretId.startsWith(prefix)) {
                return Optional.empty();
            }
            tail = secretId.substring(prefix.length());
        } else {
            tail = secretId;
        }
        KvStore kv = store.kv();
        // A full ARN: name plus this secret's suffix.
        Matcher m = SecretNames.ARN_SUFFIXED.matcher(tail);
        if (m.matches() && SecretNames.isKvKey(m.group(1))) {
            Optional<Found> base = load(kv, m.group(1));
            if (base.isPresent() && Arns.suffix(base.get().key(), base.get().attributes()).equals(m.group(2))) {
                return base;
            }
        }
        // A name, or a partial ARN (the name without suffix).
        return SecretNames.isKvKey(tail) ? load(kv, tail) : Optional.empty();
    }

    private static Optional<Found> load(KvStore kv, String name) {
        return kv.readStaged(name).map(k -> new Found(name, k, SecretAttributes.of(k.attributes())));
    }

    private String plausibleName(String secretId) {
        String tail = secretId;
        if (secretId.startsWith("arn:")) {
            String prefix = store.settings().arnPrefix();
            if (!secretId.startsWith(prefix)) {
                return null;
            }
            tail = secretId.substring(prefix.length());
            Matcher m = SecretNames.ARN_SUFFIXED.matcher(tail);
            if (m.matches()) {
                tail = m.group(1);
            }
        }
        return SecretNames.isKvKey(tail) ? tail : null;
    }
}
