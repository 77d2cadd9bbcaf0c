package io.coffer.core.aws.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.aws.AccessCheck;
import io.coffer.core.aws.AwsErrorType;
import io.coffer.core.aws.AwsServiceException;
import io.coffer.core.engine.kv.KeyEditor;
import io.coffer.core.engine.kv.Retention;
import io.coffer.core.engine.kv.SecretValue;
import io.coffer.core.engine.kv.StagedKey;
import io.coffer.core.engine.kv.StagedVersion;
import io.coffer.core.engine.kv.StagingLabels;
import io.coffer.core.error.ClientText;
import io.coffer.core.logical.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** CreateSecret, PutSecretValue and UpdateSecret: the operations that write values and properties. */
final class SecretWrites {

    private final SecretStore store;
    private final SecretLocator locator;

    SecretWrites(SecretStore store, SecretLocator locator) {
        this.store = store;
        this.locator = locator;
    }

    ObjectNode create(Input in, AccessCheck access) {
        String name = in.requiredString("Name");
        SecretNames.check(name);
        Optional<String> token = SecretValues.token(in);
        Optional<SecretValue> value = SecretValues.parse(in);
        Optional<String> description = description(in);
        Optional<String> kmsKeyId = in.string("KmsKeyId");
        List<Tags.Tag> tags = Tags.parse(in);
        if (in.has("AddReplicaRegions")) {
            throw Errors.invalidRequest("Replication to other regions is not supported by this server.");
        }
        access.require(Operation.CREATE, store.settings().dataPath(name));
        if (description.isPresent() || kmsKeyId.isPresent() || !tags.isEmpty()) {
            // Properties are KV metadata: through the Vault door the first version is written
            // (create on data/N) and then the metadata of what is by then an existing key (update).
            access.require(Operation.UPDATE, store.settings().metadataPath(name));
        }
        SecretsSettings settings = store.settings();
        return store.kv().edit(name, editor -> {
            if (editor.exists()) {
                StagedKey existing = editor.view();
                SecretAttributes attrs = SecretAttributes.of(existing.attributes());
                if (attrs.pendingDeletion()) {
                    throw Errors.invalidRequest("You can't create this secret because a secret with this name is already scheduled for deletion.");
                }
                // A retried CreateSecret (same token, same value) succeeds with the version it made.
                if (token.isPresent() && value.isPresent() && existing.byVersionId(token.get()).isPresent()) {
                    StagedVersion v = SecretValues.write(editor, token, value.get(), List.of(StagingLabels.CURRENT));
                    ObjectNode out = Responses.arnAndName(settings, existing, attrs);
                    out.put("VersionId", v.versionId());
                    return out;
                }
                throw new AwsServiceException(AwsErrorType.ResourceExistsException,
                        "The operation failed because the secret " + ClientText.escape(name) + " already exists.");
            }
            editor.create(Retention.STAGED);
            SecretAttributes attrs = new SecretAttributes();
            attrs.arnSuffix = Arns.randomSuffix();
            attrs.description = description.orElse(null);
            attrs.kmsKeyId = kmsKeyId.orElse(null);
            if (!tags.isEmpty()) {
                attrs.tags = Tags.merge(null, tags);
            }
            editor.attributes(attrs.toNode());
            String versionId = value.map(v -> SecretValues.write(editor, token, v, List.of(StagingLabels.CURRENT)).versionId())
                    .orElse(null);
            ObjectNode out = Responses.arnAndName(settings, editor.view(), attrs);
            if (versionId != null) {
                out.put("VersionId", versionId);
            }
            return out;
        });
    }

    ObjectNode put(Input in, AccessCheck access) {
        String secretId = in.requiredString("SecretId");
        Optional<String> token = SecretValues.token(in);
        SecretValue value = SecretValues.parse(in).orElseThrow(() ->
                Errors.invalidRequest("You must provide either SecretString or SecretBinary."));
        List<String> stages = in.strings("VersionStages").orElse(List.of(StagingLabels.CURRENT));
        Stages.check(stages);
        SecretLocator.Found found = locator.locate(secretId, access, Operation.UPDATE, store.settings()::dataPath);
        return store.kv().edit(found.name(), editor -> {
            SecretAttributes attrs = liveAttributes(editor);
            refuseBlindCurrentWrite(editor, token, stages);
            StagedVersion v = SecretValues.write(editor, token, value, stages);
            ObjectNode out = Responses.arnAndName(store.settings(), editor.view(), attrs);
            out.put("VersionId", v.versionId());
            out.set("VersionStages", WireFormat.strings(editor.view().byVersionId(v.versionId()).orElseThrow().labels()));
            return out;
        });
    }

    ObjectNode update(Input in, AccessCheck access) {
        String secretId = in.requiredString("SecretId");
        Optional<String> token = SecretValues.token(in);
        Optional<SecretValue> value = SecretValues.parse(in);
        Optional<String> description = description(in);
        Optional<String> kmsKeyId = in.string("KmsKeyId");
        // A value is KV data, properties are KV metadata: each needs what the Vault door needs to
        // change it (an update with neither changes nothing and is checked like a property change).
        boolean properties = description.isPresent() || kmsKeyId.isPresent() || value.isEmpty();
        SecretLocator.Found found = locator.locate(secretId, access, Operation.UPDATE,
                properties ? store.settings()::metadataPath : store.settings()::dataPath);
        if (properties && value.isPresent()) {
            access.require(Operation.UPDATE, store.settings().dataPath(found.name()));
        }
        return store.kv().edit(found.name(), editor -> {
            SecretAttributes attrs = liveAttributes(editor);
            if (value.isPresent()) {
                refuseBlindCurrentWrite(editor, token, List.of(StagingLabels.CURRENT));
            }
            boolean changed = false;
            if (description.isPresent()) {
                attrs.description = description.get();
                changed = true;
            }
            if (kmsKeyId.isPresent()) {
                attrs.kmsKeyId = kmsKeyId.get();
                changed = true;
            }
            if (changed) {
                attrs.lastChangedDate = editor.now().toEpochMilli();
                editor.attributes(attrs.toNode());
            }
            String versionId = value.map(v -> SecretValues.writeNew(editor, token, v, List.of(StagingLabels.CURRENT)).versionId())
                    .orElse(null);
            ObjectNode out = Responses.arnAndName(store.settings(), editor.view(), attrs);
            if (versionId != null) {
                out.put("VersionId", versionId);
            }
            return out;
        });
    }

    /**
     * KV's {@code cas_required} through this door. A KV write must then name the version it
     * replaces; AWS has no such member, so a write that would make a new version AWSCURRENT
     * without naming the one it replaces is refused. What stays allowed is check-and-set in AWS's
     * own terms: CreateSecret (only when the secret does not exist, like {@code cas=0}), writing a
     * version under other labels (AWSPENDING), and UpdateSecretVersionStage, which moves AWSCURRENT
     * only from the version named in RemoveFromVersionId. A retry of a write that already happened
     * (the same ClientRequestToken) creates nothing and is not refused here.
     */
    static void refuseBlindCurrentWrite(KeyEditor editor, Optional<String> token, List<String> labels) {
        if (!labels.contains(StagingLabels.CURRENT) || !editor.checkAndSetRequired()) {
            return;
        }
        if (token.isPresent() && editor.view().byVersionId(token.get()).isPresent()) {
            return;
        }
        throw Errors.invalidRequest("This secret requires check-and-set (cas_required is set on the secret or its "
                + "mount), so a new value cannot be made AWSCURRENT without naming the version it replaces. Write it "
                + "with PutSecretValue and VersionStages [\"AWSPENDING\"], then move AWSCURRENT to it with "
                + "UpdateSecretVersionStage, giving the current version as RemoveFromVersionId; or write it through "
                + "the KV API with the cas parameter.");
    }

    /** The secret's attributes inside an edit; refuses a secret that vanished or is pending deletion. */
    static SecretAttributes liveAttributes(KeyEditor editor) {
        if (!editor.exists()) {
            throw Errors.notFound();
        }
        SecretAttributes attrs = SecretAttributes.of(editor.view().attributes());
        if (attrs.pendingDeletion()) {
            throw Errors.markedForDeletion();
        }
        return attrs;
    }

    private static Optional<String> description(Input in) {
        Optional<String> d = in.string("Description");
        d.ifPresent(text -> Errors.checkLength("description", text, 0, 2048, false));
        return d;
    }

    /** Staging label lists given by a caller. */
    static final class Stages {
        private Stages() {
        }

        static void check(List<String> stages) {
            if (stages.isEmpty() || stages.size() > 20) {
                String constraint = stages.isEmpty() ? "Member must have length greater than or equal to 1"
                        : "Member must have length less than or equal to 20";
                throw Errors.validation("versionStages", stages.toString(), constraint);
            }
            for (int i = 0; i < stages.size(); i++) {
                Errors.checkLength("versionStages." + (i + 1) + ".member", stages.get(i), 1, 256, false);
            }
            if (new LinkedHashSet<>(stages).size() != stages.size()) {
                throw Errors.invalidParameter("VersionStages contains a duplicate label.");
            }
        }
    }

    /** Tags in requests: the model's lengths, the reserved {@code aws:} prefix, 50 per secret. */
    static final class Tags {
        static final int MAX_TAGS = 50;

        record Tag(String key, String value) {
        }

        private Tags() {
        }

        static List<Tag> parse(Input in) {
            List<Tag> out = new ArrayList<>();
            in.array("Tags").ifPresent(a -> {
                int index = 0;
                for (JsonNode t : a) {
                    index++;
                    JsonNode k = t.get("Key");
                    JsonNode v = t.get("Value");
                    if (!t.isObject() || (k != null && !k.isNull() && !k.isTextual()) || (v != null && !v.isNull() && !v.isTextual())) {
                        throw new AwsServiceException(AwsErrorType.SerializationException, "Tags must be a list of {Key, Value}");
                    }
                    if (k == null || k.isNull()) {
                        throw Input.missingAt("tags." + index + ".member.key");
                    }
                    String key = k.textValue();
                    String value = v == null || v.isNull() ? "" : v.textValue();
                    Errors.checkLength("tags." + index + ".member.key", key, 1, 128, false);
                    Errors.checkLength("tags." + index + ".member.value", value, 0, 256, false);
                    checkNotReserved(key);
                    out.add(new Tag(key, value));
                }
            });
            return out;
        }

        /** Tag keys for UntagResource, with the same length rule. */
        static List<String> keys(Input in) {
            List<String> keys = in.strings("TagKeys").orElseThrow(() -> Input.missing("TagKeys"));
            for (int i = 0; i < keys.size(); i++) {
                Errors.checkLength("tagKeys." + (i + 1) + ".member", keys.get(i), 1, 128, false);
            }
            return keys;
        }

        /** AWS reserves the {@code aws:} prefix (any case) for its own tags. */
        private static void checkNotReserved(String key) {
            if (key.regionMatches(true, 0, "aws:", 0, 4)) {
                throw Errors.invalidParameter("Invalid tag key. Tag keys cannot start with 'aws:' (case insensitive).");
            }
        }

        static LinkedHashMap<String, String> merge(LinkedHashMap<String, String> existing, List<Tag> tags) {
            if (existing == null && tags.isEmpty()) {
                return null;
            }
            LinkedHashMap<String, String> merged = existing == null ? new LinkedHashMap<>() : existing;
            for (Tag t : tags) {
                merged.put(t.key(), t.value());
            }
            if (merged.size() > MAX_TAGS) {
                throw Errors.invalidParameter("A secret can have at most " + MAX_TAGS + " tags.");
            }
            return merged;
        }
    }
}
