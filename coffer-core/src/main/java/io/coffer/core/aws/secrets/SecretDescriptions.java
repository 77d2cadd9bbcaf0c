package io.coffer.core.aws.secrets;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.aws.AccessCheck;
import io.coffer.core.engine.kv.StagedKey;
import io.coffer.core.engine.kv.StagedVersion;
import io.coffer.core.json.Json;
import io.coffer.core.logical.Operation;
import java.time.Instant;
import java.util.List;

/** DescribeSecret, ListSecrets and ListSecretVersionIds: what a secret is, without its value. */
final class SecretDescriptions {

    private final SecretStore store;
    private final SecretLocator locator;
    private final SecretListing listing;

    SecretDescriptions(SecretStore store, SecretLocator locator, SecretListing listing) {
        this.store = store;
        this.locator = locator;
        this.listing = listing;
    }

    ObjectNode describe(Input in, AccessCheck access) {
        SecretLocator.Found found = locator.locate(in.requiredString("SecretId"), access, Operation.READ,
                store.settings()::metadataPath);
        ObjectNode out = entry(found.key(), found.attributes());
        out.set("VersionIdsToStages", stages(found.key()));
        return out;
    }

    ObjectNode list(Input in, AccessCheck access) {
        int max = in.maxResults(100);
        int offset = Pages.offset(in.string("NextToken"));
        boolean includeDeleted = in.bool("IncludePlannedDeletion").orElse(false);
        String order = in.string("SortOrder").orElse("desc");
        if (!order.equals("asc") && !order.equals("desc")) {
            throw Errors.validation("SortOrder", "Member must satisfy enum value set: [asc, desc]");
        }
        List<StagedKey> all = listing.list(access, includeDeleted, SecretFilters.parse(in), order);
        ArrayNode entries = Json.MAPPER.createArrayNode();
        int end = Math.min(all.size(), offset + max);
        for (StagedKey k : all.subList(Math.min(offset, end), end)) {
            ObjectNode e = entry(k, SecretAttributes.of(k.attributes()));
            e.set("SecretVersionsToStages", stages(k));
            entries.add(e);
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("SecretList", entries);
        if (end < all.size()) {
            out.put("NextToken", Pages.token(end));
        }
        return out;
    }

    ObjectNode listVersionIds(Input in, AccessCheck access) {
        SecretLocator.Found found = locator.locate(in.requiredString("SecretId"), access, Operation.READ,
                store.settings()::metadataPath);
        int max = in.maxResults(100);
        int offset = Pages.offset(in.string("NextToken"));
        boolean deprecated = in.bool("IncludeDeprecated").orElse(false);
        List<StagedVersion> versions = found.key().versions().stream()
                .filter(v -> deprecated || !v.labels().isEmpty())
                .sorted((a, b) -> Long.compare(b.number(), a.number()))
                .toList();
        ArrayNode list = Json.MAPPER.createArrayNode();
        int end = Math.min(versions.size(), offset + max);
        for (StagedVersion v : versions.subList(Math.min(offset, end), end)) {
            ObjectNode e = list.addObject();
            e.put("VersionId", v.versionId());
            e.set("VersionStages", WireFormat.strings(v.labels()));
            WireFormat.putTime(e, "CreatedDate", v.metadata().createdTime());
        }
        ObjectNode out = Responses.arnAndName(store.settings(), found.key(), found.attributes());
        out.set("Versions", list);
        if (end < versions.size()) {
            out.put("NextToken", Pages.token(end));
        }
        return out;
    }

    /** The members AWS shows for a secret; absent properties are left out, as AWS does. */
    private ObjectNode entry(StagedKey key, SecretAttributes a) {
        ObjectNode out = Responses.arnAndName(store.settings(), key, a);
        if (a.description != null) {
            out.put("Description", a.description);
        }
        if (a.kmsKeyId != null) {
            out.put("KmsKeyId", a.kmsKeyId);
        }
        if (a.rotationEnabled != null) {
            out.put("RotationEnabled", a.rotationEnabled);
        }
        if (a.rotationLambdaArn != null) {
            out.put("RotationLambdaARN", a.rotationLambdaArn);
        }
        if (a.rotationRules != null) {
            out.set("RotationRules", a.rotationRules.deepCopy());
        }
        WireFormat.putTime(out, "LastRotatedDate", a.lastRotatedDate);
        WireFormat.putTime(out, "LastChangedDate", lastChanged(key, a));
        WireFormat.putTime(out, "LastAccessedDate", a.lastAccessedDate);
        WireFormat.putTime(out, "DeletedDate", a.deletedDate);
        WireFormat.putTime(out, "NextRotationDate", Rotation.nextRotation(key, a));
        if (a.tags != null && !a.tags.isEmpty()) {
            ArrayNode tags = out.putArray("Tags");
            a.tags.forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        }
        WireFormat.putTime(out, "CreatedDate", key.metadata().createdTime());
        return out;
    }

    private static Instant lastChanged(StagedKey key, SecretAttributes a) {
        Instant versions = key.metadata().updatedTime();
        if (a.lastChangedDate == null) {
            return versions;
        }
        Instant props = Instant.ofEpochMilli(a.lastChangedDate);
        return versions == null || props.isAfter(versions) ? props : versions;
    }

    private static ObjectNode stages(StagedKey key) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        for (StagedVersion v : key.versions()) {
            if (!v.labels().isEmpty()) {
                out.set(v.versionId(), WireFormat.strings(v.labels()));
            }
        }
        return out;
    }
}
