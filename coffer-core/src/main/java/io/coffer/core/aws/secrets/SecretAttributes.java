package io.coffer.core.aws.secrets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.engine.kv.StagedKey;
import io.coffer.core.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;

/**
 * The AWS properties of one secret, kept as the KV key's attributes so that they change under the
 * key's lock together with its versions. Times are epoch milliseconds. Mutable; one per edit.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
final class SecretAttributes {

    /** The ARN's six random characters; absent on keys created through KV (then derived). */
    @JsonProperty("arn_suffix")
    String arnSuffix;
    @JsonProperty("description")
    String description;
    @JsonProperty("kms_key_id")
    String kmsKeyId;
    /** Insertion-ordered, as AWS lists tags. */
    @JsonProperty("tags")
    LinkedHashMap<String, String> tags;
    /** When DeleteSecret ran; present while the secret is pending deletion. */
    @JsonProperty("deleted_date")
    Long deletedDate;
    /** When the purge job may remove the secret. */
    @JsonProperty("deletion_date")
    Long deletionDate;
    /** Midnight UTC of the last day the value was read. */
    @JsonProperty("last_accessed_date")
    Long lastAccessedDate;
    /** The last change of AWS properties (KV's updated_time covers versions). */
    @JsonProperty("last_changed_date")
    Long lastChangedDate;
    @JsonProperty("rotation_enabled")
    Boolean rotationEnabled;
    @JsonProperty("rotation_lambda_arn")
    String rotationLambdaArn;
    @JsonProperty("rotation_rules")
    ObjectNode rotationRules;
    @JsonProperty("last_rotated_date")
    Long lastRotatedDate;
    @JsonProperty("resource_policy")
    String resourcePolicy;

    /** Reads the attributes from the tree itself (no round trip through a token buffer); reused, thread-safe. */
    private static final ObjectReader READER = Json.MAPPER.readerFor(SecretAttributes.class);

    static SecretAttributes of(ObjectNode node) {
        if (node.isEmpty()) {
            // A key written only through KV has no AWS attributes: the common case of a read.
            return new SecretAttributes();
        }
        try {
            return READER.readValue(node);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("stored secret attributes cannot be read", e);
        }
    }

    ObjectNode toNode() {
        return Json.MAPPER.valueToTree(this);
    }

    /** The last change of anything: a version written through either door, or an AWS property. */
    Instant lastChanged(StagedKey key) {
        Instant versions = key.metadata().updatedTime();
        if (lastChangedDate == null) {
            return versions;
        }
        Instant props = Instant.ofEpochMilli(lastChangedDate);
        return versions == null || props.isAfter(versions) ? props : versions;
    }

    boolean pendingDeletion() {
        return deletedDate != null;
    }
}
