package io.coffer.core.aws.secrets;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.aws.AccessCheck;
import io.coffer.core.aws.AwsServiceException;
import io.coffer.core.engine.kv.SecretValue;
import io.coffer.core.engine.kv.StagedKey;
import io.coffer.core.engine.kv.StagedVersion;
import io.coffer.core.engine.kv.StagingLabels;
import io.coffer.core.json.Json;
import io.coffer.core.logical.Operation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** GetSecretValue and BatchGetSecretValue. */
final class SecretReads {

    private final SecretStore store;
    private final SecretLocator locator;
    private final SecretListing listing;

    SecretReads(SecretStore store, SecretLocator locator, SecretListing listing) {
        this.store = store;
        this.locator = locator;
        this.listing = listing;
    }

    ObjectNode get(Input in, AccessCheck access) {
        String secretId = in.requiredString("SecretId");
        Optional<String> versionId = in.string("VersionId");
        Optional<String> stage = in.string("VersionStage");
        versionId.ifPresent(id -> Errors.checkLength("versionId", id, 32, 64, false));
        stage.ifPresent(s -> Errors.checkLength("versionStage", s, 1, 256, false));
        return read(secretId, versionId, stage, access);
    }

    ObjectNode batchGet(Input in, AccessCheck access) {
        Optional<List<String>> ids = in.strings("SecretIdList");
        boolean filters = in.has("Filters");
        if (ids.isPresent() == filters) {
            throw Errors.invalidParameter("Either SecretIdList or Filters must be provided, but not both.");
        }
        List<String> names;
        String nextToken = null;
        if (ids.isPresent()) {
            if (in.has("MaxResults")) {
                throw Errors.invalidParameter("MaxResults can only be used with Filters.");
            }
            if (ids.get().isEmpty() || ids.get().size() > 20) {
                throw Errors.validation("secretIdList", ids.get().toString(), ids.get().isEmpty()
                        ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 20");
            }
            names = ids.get();
        } else {
            int max = in.maxResults(20);
            // Name order: the one order a cursor walks without reading the keys it skips.
            SecretListing.Page page = listing.page(access, new SecretListing.Query(false,
                    SecretFilters.parse(in.member("Filters")), SecretListing.SortBy.NAME, false, ""), in.string("NextToken"), max);
            names = page.entries().stream().map(l -> l.key().key()).toList();
            nextToken = page.nextToken().orElse(null);
        }
        ArrayNode values = Json.MAPPER.createArrayNode();
        ArrayNode errors = Json.MAPPER.createArrayNode();
        for (String id : names) {
            try {
                values.add(read(id, Optional.empty(), Optional.empty(), access));
            } catch (AwsServiceException e) {
                ObjectNode err = errors.addObject();
                err.put("SecretId", id);
                err.put("ErrorCode", e.type().name());
                err.put("Message", e.getMessage());
            }
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("SecretValues", values);
        out.set("Errors", errors);
        if (nextToken != null) {
            out.put("NextToken", nextToken);
        }
        return out;
    }

    private ObjectNode read(String secretId, Optional<String> versionId, Optional<String> stage, AccessCheck access) {
        SecretLocator.Found found = locator.locate(secretId, access, Operation.READ, store.settings()::dataPath);
        if (found.attributes().pendingDeletion()) {
            throw Errors.markedForDeletion();
        }
        StagedKey key = found.key();
        StagedVersion version;
        if (versionId.isPresent()) {
            version = key.byVersionId(versionId.get()).orElseThrow(() -> Errors.noValueForVersion(versionId.get()));
            if (stage.isPresent() && !version.labels().contains(stage.get())) {
                throw Errors.invalidRequest("You provided a VersionStage that is not associated to the provided VersionId.");
            }
        } else {
            String label = stage.orElse(StagingLabels.CURRENT);
            version = key.byLabel(label).orElseThrow(() -> Errors.noValueForStage(label));
        }
        SecretValue value = store.kv().readValue(found.name(), version.number())
                .filter(v -> !(v instanceof SecretValue.None))
                .orElseThrow(() -> versionId.isPresent() ? Errors.noValueForVersion(versionId.get())
                        : Errors.noValueForStage(stage.orElse(StagingLabels.CURRENT)));
        recordAccess(found);
        ObjectNode out = Responses.arnAndName(store.settings(), key, found.attributes());
        out.put("VersionId", version.versionId());
        WireFormat.putValue(out, value);
        out.set("VersionStages", WireFormat.strings(version.labels()));
        WireFormat.putTime(out, "CreatedDate", version.metadata().createdTime());
        return out;
    }

    /** LastAccessedDate is a day: the metadata is written at most once a day per secret. */
    private void recordAccess(SecretLocator.Found found) {
        long today = Instant.now(store.clock()).truncatedTo(ChronoUnit.DAYS).toEpochMilli();
        if (found.attributes().lastAccessedDate != null && found.attributes().lastAccessedDate == today) {
            return;
        }
        store.kv().edit(found.name(), editor -> {
            if (editor.exists()) {
                SecretAttributes attrs = SecretAttributes.of(editor.view().attributes());
                attrs.lastAccessedDate = today;
                editor.attributes(attrs.toNode());
            }
            return null;
        });
    }
}
