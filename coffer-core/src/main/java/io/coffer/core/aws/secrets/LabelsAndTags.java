package io.coffer.core.aws.secrets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.aws.AccessCheck;
import io.coffer.core.engine.kv.StagedKey;
import io.coffer.core.engine.kv.StagedVersion;
import io.coffer.core.engine.kv.StagingLabels;
import io.coffer.core.json.Json;
import io.coffer.core.logical.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** UpdateSecretVersionStage, TagResource and UntagResource: changes to a secret's labels and tags. */
final class LabelsAndTags {

    private final SecretStore store;
    private final SecretLocator locator;

    LabelsAndTags(SecretStore store, SecretLocator locator) {
        this.store = store;
        this.locator = locator;
    }

    ObjectNode updateVersionStage(Input in, AccessCheck access) {
        String secretId = in.requiredString("SecretId");
        String label = in.requiredString("VersionStage");
        if (label.isEmpty() || label.length() > 256) {
            throw Errors.validation("VersionStage", "Member must have length between 1 and 256");
        }
        Optional<String> moveTo = in.string("MoveToVersionId");
        Optional<String> removeFrom = in.string("RemoveFromVersionId");
        SecretLocator.Found found = locator.locate(secretId, access, Operation.UPDATE, store.settings()::metadataPath);
        return store.kv().edit(found.name(), editor -> {
            SecretAttributes attrs = SecretWrites.liveAttributes(editor);
            StagedKey key = editor.view();
            Optional<StagedVersion> holder = key.byLabel(label);
            if (removeFrom.isPresent()) {
                StagedVersion from = key.byVersionId(removeFrom.get()).orElseThrow(Errors::notFound);
                if (!from.labels().contains(label)) {
                    throw Errors.invalidParameter("The staging label " + label + " is not attached to version "
                            + removeFrom.get() + ".");
                }
            }
            if (moveTo.isPresent()) {
                StagedVersion to = key.byVersionId(moveTo.get()).orElseThrow(Errors::notFound);
                if (holder.isPresent() && holder.get().number() != to.number()
                        && !removeFrom.map(id -> id.equals(holder.get().versionId())).orElse(false)) {
                    throw Errors.invalidParameter("The staging label " + label + " is currently attached to version "
                            + holder.get().versionId() + ". You must include RemoveFromVersionId to move it.");
                }
                if (!to.labels().contains(label) && to.labels().size() >= 20) {
                    throw Errors.invalidParameter("A version can have at most 20 staging labels.");
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
            if (!editor.exists()) {
                throw Errors.notFound();
            }
            SecretAttributes attrs = SecretAttributes.of(editor.view().attributes());
            attrs.tags = SecretWrites.Tags.merge(attrs.tags, tags);
            attrs.lastChangedDate = editor.now().toEpochMilli();
            editor.attributes(attrs.toNode());
            return Json.MAPPER.createObjectNode();
        });
    }

    ObjectNode untag(Input in, AccessCheck access) {
        String secretId = in.requiredString("SecretId");
        List<String> keys = in.strings("TagKeys").orElseThrow(() -> Input.missing("TagKeys"));
        SecretLocator.Found found = locator.locate(secretId, access, Operation.UPDATE, store.settings()::metadataPath);
        return store.kv().edit(found.name(), editor -> {
            if (!editor.exists()) {
                throw Errors.notFound();
            }
            SecretAttributes attrs = SecretAttributes.of(editor.view().attributes());
            if (attrs.tags != null) {
                LinkedHashMap<String, String> kept = new LinkedHashMap<>(attrs.tags);
                keys.forEach(kept::remove);
                attrs.tags = kept.isEmpty() ? null : kept;
            }
            attrs.lastChangedDate = editor.now().toEpochMilli();
            editor.attributes(attrs.toNode());
            return Json.MAPPER.createObjectNode();
        });
    }
}
