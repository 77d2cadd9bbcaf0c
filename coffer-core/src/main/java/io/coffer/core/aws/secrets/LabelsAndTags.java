package io.coffer.core.aws.secrets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.aws.AccessCheck;
import io.coffer.core.aws.AwsErrorType;
import io.coffer.core.aws.AwsServiceException;
import io.coffer.core.engine.kv.StagedKey;
import io.coffer.core.engine.kv.StagedVersion;
import io.coffer.core.engine.kv.StagingLabels;
import io.coffer.core.error.ClientText;
import io.coffer.core.json.Json;
import io.coffer.core.logical.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** UpdateSecretVersionStage, TagResource and UntagResource: changes to a secret's labels and tags. */
final class LabelsAndTags {

    /** The model's limit on staging labels per version. */
    static final int MAX_LABELS_PER_VERSION = 20;

    private final SecretStore store;
    private final SecretLocator locator;

    LabelsAndTags(SecretStore store, SecretLocator locator) {
        this.store = store;
        this.locator = locator;
    }

    ObjectNode updateVersionStage(Input in, AccessCheck access) {
        String secretId = in.requiredString("SecretId");
        String label = in.requiredString("VersionStage");
        Errors.checkLength("versionStage", label, 1, 256, false);
        Optional<String> moveTo = in.string("MoveToVersionId");
        Optional<String> removeFrom = in.string("RemoveFromVersionId");
        moveTo.ifPresent(id -> Errors.checkLength("moveToVersionId", id, 32, 64, false));
        removeFrom.ifPresent(id -> Errors.checkLength("removeFromVersionId", id, 32, 64, false));
        // A label chooses which value a read by that label (AWSCURRENT: every KV read) returns, so
        // moving one is a write of data, as a KV write or rollback is.
        SecretLocator.Found found = locator.locate(secretId, access, Operation.UPDATE, store.settings()::dataPath);
        return store.kv().edit(found.name(), editor -> {
            SecretAttributes attrs = SecretWrites.liveAttributes(editor);
            StagedKey key = editor.view();
            Optional<StagedVersion> holder = key.byLabel(label);
            if (removeFrom.isPresent()) {
                StagedVersion from = key.byVersionId(removeFrom.get())
                        .orElseThrow(() -> Errors.invalidParameter("Not a valid version: " + ClientText.escape(removeFrom.get())));
                if (!from.labels().contains(label)) {
                    throw Errors.invalidParameter("Version stage " + ClientText.escape(label) + " not found in version "
                            + ClientText.escape(removeFrom.get()));
                }
            }
            if (moveTo.isPresent()) {
                StagedVersion to = key.byVersionId(moveTo.get())
                        .orElseThrow(() -> Errors.invalidParameter("Not a valid version: " + ClientText.escape(moveTo.get())));
                if (holder.isPresent() && holder.get().number() != to.number() && removeFrom.isEmpty()) {
                    throw Errors.invalidParameter("The parameter RemoveFromVersionId can't be empty. Staging label " + ClientText.escape(label)
                            + " is currently attached to version " + holder.get().versionId()
                            + ", so you must explicitly reference that version in RemoveFromVersionId.");
                }
                if (!to.labels().contains(label) && to.labels().size() >= MAX_LABELS_PER_VERSION) {
                    throw new AwsServiceException(AwsErrorType.LimitExceededException,
                            "A version can have at most " + MAX_LABELS_PER_VERSION + " staging labels.");
                }
                editor.attach(label, to.number());
            } else if (removeFrom.isPresent()) {
                if (label.equals(StagingLabels.CURRENT)) {
                    throw Errors.invalidParameter("You can only move staging label AWSCURRENT to a different secret version. "
                            + "It can't be completely removed.");
                }
                editor.detach(label);
            } else {
                throw Errors.invalidParameter("You must specify MoveToVersionId or RemoveFromVersionId.");
            }
            return Responses.arnAndName(store.settings(), editor.view(), attrs);
        });
    }

    ObjectNode tag(Input in, AccessCheck access) {
        String secretId = in.requiredString("SecretId");
        if (!in.has("Tags")) {
            throw Input.missing("Tags");
        }
        List<SecretWrites.Tags.Tag> tags = SecretWrites.Tags.parse(in);
        SecretLocator.Found found = locator.locate(secretId, access, Operation.UPDATE, store.settings()::metadataPath);
        return store.kv().edit(found.name(), editor -> {
            SecretAttributes attrs = SecretWrites.liveAttributes(editor);
            attrs.tags = SecretWrites.Tags.merge(attrs.tags, tags);
            attrs.lastChangedDate = editor.now().toEpochMilli();
            editor.attributes(attrs.toNode());
            return Json.MAPPER.createObjectNode();
        });
    }

    ObjectNode untag(Input in, AccessCheck access) {
        String secretId = in.requiredString("SecretId");
        List<String> keys = SecretWrites.Tags.keys(in);
        SecretLocator.Found found = locator.locate(secretId, access, Operation.UPDATE, store.settings()::metadataPath);
        return store.kv().edit(found.name(), editor -> {
            SecretAttributes attrs = SecretWrites.liveAttributes(editor);
            if (attrs.tags != null) {
                // Once a secret has had tags, AWS shows "Tags": [] after the last one is removed.
                LinkedHashMap<String, String> kept = new LinkedHashMap<>(attrs.tags);
                keys.forEach(kept::remove);
                attrs.tags = kept;
            }
            attrs.lastChangedDate = editor.now().toEpochMilli();
            editor.attributes(attrs.toNode());
            return Json.MAPPER.createObjectNode();
        });
    }
}
