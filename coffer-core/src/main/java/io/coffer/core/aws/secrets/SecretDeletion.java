package io.coffer.core.aws.secrets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.aws.AccessCheck;
import io.coffer.core.engine.kv.StagedKey;
import io.coffer.core.json.Json;
import io.coffer.core.logical.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** DeleteSecret, RestoreSecret and the purge of secrets whose recovery window ended. */
final class SecretDeletion {

    static final long DEFAULT_WINDOW_DAYS = 30;

    private final SecretStore store;
    private final SecretLocator locator;
    private final SecretListing listing;

    SecretDeletion(SecretStore store, SecretLocator locator, SecretListing listing) {
        this.store = store;
        this.locator = locator;
        this.listing = listing;
    }

    ObjectNode delete(Input in, AccessCheck access) {
        String secretId = in.requiredString("SecretId");
        boolean force = in.bool("ForceDeleteWithoutRecovery").orElse(false);
        Optional<Long> window = in.integer("RecoveryWindowInDays");
        if (window.isPresent() && (window.get() < 7 || window.get() > 30)) {
            throw Errors.invalidParameter("The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
        }
        if (force && window.isPresent()) {
            throw Errors.invalidParameter("You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
        }
        long days = window.orElse(DEFAULT_WINDOW_DAYS);
        Optional<SecretLocator.Found> found = locator.locateIfExists(secretId, access, Operation.DELETE,
                store.settings()::metadataPath);
        if (found.isEmpty()) {
            if (!force) {
                throw Errors.notFound();
            }
            return forcedDeleteOfNothing(secretId);
        }
        return store.kv().edit(found.get().name(), editor -> {
            if (!editor.exists()) {
                if (force) {
                    return forcedDeleteOfNothing(secretId);
                }
                throw Errors.notFound();
            }
            StagedKey key = editor.view();
            SecretAttributes attrs = SecretAttributes.of(key.attributes());
            ObjectNode out = Responses.arnAndName(store.settings(), key, attrs);
            Instant now = editor.now();
            if (force) {
                editor.remove();
                WireFormat.putTime(out, "DeletionDate", now);
                return out;
            }
            if (attrs.pendingDeletion()) {
                throw Errors.invalidRequest("You tried to perform the operation on a secret that's currently marked deleted.");
            }
            attrs.deletedDate = now.toEpochMilli();
            attrs.deletionDate = now.plus(Duration.ofDays(days)).toEpochMilli();
            attrs.lastChangedDate = now.toEpochMilli();
            editor.attributes(attrs.toNode());
            // The KV door must not read or write it either while it waits for the purge.
            editor.scheduleDeletion();
            WireFormat.putTime(out, "DeletionDate", attrs.deletionDate);
            return out;
        });
    }

    /**
     * AWS documents that a forced delete of a secret that does not exist (or is already gone)
     * succeeds rather than answering ResourceNotFoundException; the ARN then has a suffix of its
     * own, as no secret ever had one.
     */
    private ObjectNode forcedDeleteOfNothing(String secretId) {
        String name = locator.nameOf(secretId);
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("ARN", store.settings().arnPrefix() + name + "-" + Arns.randomSuffix());
        out.put("Name", name);
        WireFormat.putTime(out, "DeletionDate", store.clock().instant());
        return out;
    }

    /** Makes the secret's versions readable again: KV's undelete, so it needs what undelete needs. */
    ObjectNode restore(Input in, AccessCheck access) {
        SecretLocator.Found found = locator.locate(in.requiredString("SecretId"), access, Operation.UPDATE,
                store.settings()::undeletePath);
        return store.kv().edit(found.name(), editor -> {
            if (!editor.exists()) {
                throw Errors.notFound();
            }
            SecretAttributes attrs = SecretAttributes.of(editor.view().attributes());
            if (attrs.pendingDeletion()) {
                attrs.deletedDate = null;
                attrs.deletionDate = null;
                attrs.lastChangedDate = editor.now().toEpochMilli();
                editor.attributes(attrs.toNode());
                editor.cancelScheduledDeletion();
            }
            return Responses.arnAndName(store.settings(), editor.view(), attrs);
        });
    }

    /** Removes every secret whose recovery window has ended; returns how many. */
    int purgeExpired() {
        int purged = 0;
        for (StagedKey k : listing.all()) {
            if (!due(SecretAttributes.of(k.attributes()), store.clock().instant())) {
                continue;
            }
            // Re-checked under the key's lock: a RestoreSecret may have won the race.
            boolean removed = store.kv().edit(k.key(), editor -> {
                if (editor.exists() && due(SecretAttributes.of(editor.view().attributes()), editor.now())) {
                    editor.remove();
                    return true;
                }
                return false;
            });
            purged += removed ? 1 : 0;
        }
        return purged;
    }

    private static boolean due(SecretAttributes a, Instant now) {
        return a.deletionDate != null && a.deletionDate <= now.toEpochMilli();
    }
}
