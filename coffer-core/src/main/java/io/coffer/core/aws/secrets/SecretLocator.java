package io.coffer.core.aws.secrets;

import io.coffer.core.aws.AccessCheck;
import io.coffer.core.engine.kv.KvStore;
import io.coffer.core.engine.kv.StagedKey;
import io.coffer.core.logical.Operation;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

    /** Beyond this many names the cache starts over; it only saves work. */
    private static final int MAX_CACHED = 10_000;

    private final SecretStore store;
    /**
     * The last {@link Found} per name, valid while the store hands out the same {@link StagedKey}
     * (it does until the key's metadata changes): reading the attributes is most of a locate.
     * Nothing changes a Found's attributes; edits read their own.
     */
    private final Map<String, Found> recent = new ConcurrentHashMap<>();

    SecretLocator(SecretStore store) {
        this.store = store;
    }

    /**
     * The secret {@code secretId} names, after {@code access} allowed {@code operation} on
     * {@code path.apply(name)}.
     */
    Found locate(String secretId, AccessCheck access, Operation operation, Function<String, String> path) {
        return locateIfExists(secretId, access, operation, path).orElseThrow(Errors::notFound);
    }

    /** Like {@link #locate} (access is checked either way), but empty when there is no such secret. */
    Optional<Found> locateIfExists(String secretId, AccessCheck access, Operation operation, Function<String, String> path) {
        Optional<Found> found = find(secretId);
        if (found.isPresent()) {
            access.require(operation, path.apply(found.get().name()));
            return found;
        }
        String guess = plausibleName(secretId);
        if (guess != null) {
            access.require(operation, path.apply(guess));
        }
        return Optional.empty();
    }

    /** The name a SecretId means when no secret answers to it: a partial or full ARN's name part. */
    String nameOf(String secretId) {
        String guess = plausibleName(secretId);
        return guess != null ? guess : secretId;
    }

    /**
     * The secret {@code secretId} names, without access checks. A name is looked up as it is. An
     * ARN whose tail ends in {@code -} plus six letters or digits is a full ARN: the name before
     * them with exactly that suffix, and nothing else (AWS does not fall back to reading it as a
     * partial ARN, which is why it warns against names ending that way); any other ARN is partial.
     */
    Optional<Found> find(String secretId) {
        SecretNames.checkSecretId(secretId);
        KvStore kv = store.kv();
        if (!secretId.startsWith("arn:")) {
            return SecretNames.isKvKey(secretId) ? load(kv, secretId) : Optional.empty();
        }
        String prefix = store.settings().arnPrefix();
        if (!secretId.startsWith(prefix)) {
            return Optional.empty();
        }
        String tail = secretId.substring(prefix.length());
        Matcher m = SecretNames.ARN_SUFFIXED.matcher(tail);
        if (m.matches()) {
            if (!SecretNames.isKvKey(m.group(1))) {
                return Optional.empty();
            }
            return load(kv, m.group(1))
                    .filter(base -> Arns.suffix(base.key(), base.attributes()).equals(m.group(2)));
        }
        return SecretNames.isKvKey(tail) ? load(kv, tail) : Optional.empty();
    }

    private Optional<Found> load(KvStore kv, String name) {
        Optional<StagedKey> staged = kv.readStaged(name);
        if (staged.isEmpty()) {
            return Optional.empty();
        }
        StagedKey key = staged.get();
        Found cached = recent.get(name);
        if (cached != null && cached.key() == key) {
            return Optional.of(cached);
        }
        Found fresh = new Found(name, key, SecretAttributes.of(key.attributes()));
        if (recent.size() >= MAX_CACHED) {
            recent.clear();
        }
        recent.put(name, fresh);
        return Optional.of(fresh);
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
