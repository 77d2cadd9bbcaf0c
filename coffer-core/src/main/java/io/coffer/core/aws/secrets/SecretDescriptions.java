package io.coffer.core.aws.secrets;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.aws.AccessCheck;
import io.coffer.core.engine.kv.StagedKey;
import io.coffer.core.engine.kv.StagedVersion;
import io.coffer.core.json.Json;
import io.coffer.core.logical.Operation;
import java.util.List;
import java.util.OptionalLong;

/** DescribeSecret, ListSecrets and ListSecretVersionIds: what a secret is, without its value. */
final class SecretDescriptions {

    /** What AWS lists in KmsKeyIds for a version encrypted with the account's default key. */
    static final String DEFAULT_KMS_KEY = "DefaultEncryptionKey";

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
        putStages(out, "VersionIdsToStages", found.key());
        return out;
    }

    /**
     * ListSecrets: a caller with {@code list} but not {@code read} on a secret's metadata gets its
     * ARN and Name only (see {@link SecretListing}).
     */
    ObjectNode list(Input in, AccessCheck access) {
        int max = in.maxResults(100);
        boolean includeDeleted = in.bool("IncludePlannedDeletion").orElse(false);
        String order = in.string("SortOrder").orElse("desc");
        if (!order.equals("asc") && !order.equals("desc")) {
            throw Errors.validation("sortOrder", order, "Member must satisfy enum value set: [asc, desc]");
        }
        SecretListing.SortBy sortBy = SecretListing.SortBy.parse(in.string("SortBy"));
        SecretFilters filters = SecretFilters.parse(in.member("Filters"));
        SecretListing.Page page = listing.page(access,
                new SecretListing.Query(includeDeleted, filters, sortBy, order.equals("desc"),
                        in.has("Filters") ? in.member("Filters").toString() : ""), in.string("NextToken"), max);
        ArrayNode entries = Json.MAPPER.createArrayNode();
        for (SecretListing.Listed l : page.entries()) {
            if (l.details()) {
                ObjectNode e = entry(l.key(), l.attributes());
                putStages(e, "SecretVersionsToStages", l.key());
                entries.add(e);
            } else {
                entries.add(Responses.arnAndName(store.settings(), l.key(), l.attributes()));
            }
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("SecretList", entries);
        page.nextToken().ifPresent(t -> out.put("NextToken", t));
        return out;
    }

    ObjectNode listVersionIds(Input in, AccessCheck access) {
        SecretLocator.Found found = locator.locate(in.requiredString("SecretId"), access, Operation.READ,
                store.settings()::metadataPath);
        int max = in.maxResults(100);
        OptionalLong after = Pages.versionCursor(in.string("NextToken"));
        boolean deprecated = in.bool("IncludeDeprecated").orElse(false);
        List<StagedVersion> versions = found.key().versions().stream()
                .filter(v -> deprecated || !v.labels().isEmpty())
                .filter(v -> after.isEmpty() || v.number() < after.getAsLong())
                .sorted((a, b) -> Long.compare(b.number(), a.number()))
                .toList();
        ArrayNode list = Json.MAPPER.createArrayNode();
        int end = Math.min(versions.size(), max);
        // AWS lists the KMS key each version was encrypted with; the barrier encrypts here, so the
        // secret's KmsKeyId (or AWS's name for the default key) stands in for it.
        String kmsKey = found.attributes().kmsKeyId != null ? found.attributes().kmsKeyId : DEFAULT_KMS_KEY;
        for (StagedVersion v : versions.subList(0, end)) {
            ObjectNode e = list.addObject();
            e.put("VersionId", v.versionId());
            if (!v.labels().isEmpty()) {
                e.set("VersionStages", WireFormat.strings(v.labels()));
            }
            WireFormat.putTime(e, "CreatedDate", v.metadata().createdTime());
            e.putArray("KmsKeyIds").add(kmsKey);
        }
        ObjectNode out = Responses.arnAndName(store.settings(), found.key(), found.attributes());
        out.set("Versions", list);
        if (end < versions.size()) {
            out.put("NextToken", Pages.versionToken(versions.get(end - 1).number()));
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
        WireFormat.putTime(out, "LastChangedDate", a.lastChanged(key));
        WireFormat.putTime(out, "LastAccessedDate", a.lastAccessedDate);
        WireFormat.putTime(out, "DeletedDate", a.deletedDate);
        WireFormat.putTime(out, "NextRotationDate", Rotation.nextRotation(key, a));
        if (a.tags != null) {
            ArrayNode tags = out.putArray("Tags");
            a.tags.forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        }
        WireFormat.putTime(out, "CreatedDate", key.metadata().createdTime());
        return out;
    }

    /** The labelled versions under {@code member}; left out when no version has a label, as AWS does. */
    private static void putStages(ObjectNode out, String member, StagedKey key) {
        ObjectNode stages = Json.MAPPER.createObjectNode();
        for (StagedVersion v : key.versions()) {
            if (!v.labels().isEmpty()) {
                stages.set(v.versionId(), WireFormat.strings(v.labels()));
            }
        }
        if (!stages.isEmpty()) {
            out.set(member, stages);
        }
    }
}
