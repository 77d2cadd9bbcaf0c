package io.coffer.core.aws.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.aws.AccessCheck;
import io.coffer.core.engine.kv.SecretValue;
import io.coffer.core.engine.kv.StagedKey;
import io.coffer.core.engine.kv.StagedVersion;
import io.coffer.core.engine.kv.StagingLabels;
import io.coffer.core.json.Json;
import io.coffer.core.logical.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * RotateSecret and CancelRotateSecret: the rotation settings are stored and RotateSecret creates
 * the valueless AWSPENDING version a rotation function then fills; running the function is not
 * part of this class.
 */
final class Rotation {

    private static final Pattern DURATION = Pattern.compile("([1-9]|1\\d|2[0-4])h");

    private final SecretStore store;
    private final SecretLocator locator;

    Rotation(SecretStore store, SecretLocator locator) {
        this.store = store;
        this.locator = locator;
    }

    ObjectNode rotate(Input in, AccessCheck access) {
        String secretId = in.requiredString("SecretId");
        Optional<String> token = SecretValues.token(in);
        Optional<String> lambda = in.string("RotationLambdaARN");
        Optional<ObjectNode> rules = in.object("RotationRules").map(Rotation::checkedRules);
        boolean immediately = in.bool("RotateImmediately").orElse(true);
        SecretLocator.Found found = locator.locate(secretId, access, Operation.UPDATE, store.settings()::metadataPath);
        if (immediately) {
            access.require(Operation.UPDATE, store.settings().dataPath(found.name()));
        }
        return store.kv().edit(found.name(), editor -> {
            SecretAttributes attrs = SecretWrites.liveAttributes(editor);
            if (lambda.isEmpty() && attrs.rotationLambdaArn == null) {
                throw Errors.invalidRequest("No Lambda rotation function ARN is associated with this secret.");
            }
            lambda.ifPresent(l -> attrs.rotationLambdaArn = l);
            rules.ifPresent(r -> attrs.rotationRules = r);
            attrs.rotationEnabled = true;
            attrs.lastChangedDate = editor.now().toEpochMilli();
            editor.attributes(attrs.toNode());
            String versionId = null;
            if (immediately) {
                StagedKey key = editor.view();
                Optional<StagedVersion> pending = key.byLabel(StagingLabels.PENDING);
                if (pending.isPresent() && !token.map(t -> t.equals(pending.get().versionId())).orElse(false)) {
                    throw Errors.invalidRequest("A previous rotation isn't complete. That rotation will be reattempted.");
                }
                versionId = pending.isPresent() ? pending.get().versionId()
                        : SecretValues.write(editor, token, SecretValue.NONE, List.of(StagingLabels.PENDING)).versionId();
            }
            ObjectNode out = Responses.arnAndName(store.settings(), editor.view(), attrs);
            if (versionId != null) {
                out.put("VersionId", versionId);
            }
            return out;
        });
    }

    ObjectNode cancel(Input in, AccessCheck access) {
        SecretLocator.Found found = locator.locate(in.requiredString("SecretId"), access, Operation.UPDATE,
                store.settings()::metadataPath);
        // It takes AWSPENDING off its version: a label move, which needs what a data write needs.
        access.require(Operation.UPDATE, store.settings().dataPath(found.name()));
        return store.kv().edit(found.name(), editor -> {
            SecretAttributes attrs = SecretWrites.liveAttributes(editor);
            if (attrs.rotationLambdaArn == null && attrs.rotationRules == null) {
                throw Errors.invalidRequest("You tried to cancel rotation on a secret that doesn't have rotation configured.");
            }
            attrs.rotationEnabled = false;
            attrs.lastChangedDate = editor.now().toEpochMilli();
            editor.attributes(attrs.toNode());
            Optional<StagedVersion> pending = editor.view().byLabel(StagingLabels.PENDING);
            pending.ifPresent(p -> editor.detach(StagingLabels.PENDING));
            ObjectNode out = Responses.arnAndName(store.settings(), editor.view(), attrs);
            pending.ifPresent(p -> out.put("VersionId", p.versionId()));
            return out;
        });
    }

    /** When the next rotation is due: last rotation (or creation) plus AutomaticallyAfterDays. */
    static Instant nextRotation(StagedKey key, SecretAttributes a) {
        if (!Boolean.TRUE.equals(a.rotationEnabled) || a.rotationRules == null) {
            return null;
        }
        JsonNode days = a.rotationRules.get("AutomaticallyAfterDays");
        if (days == null || !days.canConvertToLong()) {
            return null;
        }
        Instant from = a.lastRotatedDate != null ? Instant.ofEpochMilli(a.lastRotatedDate) : key.metadata().createdTime();
        return from == null ? null : from.plus(Duration.ofDays(days.longValue()));
    }

    private static ObjectNode checkedRules(ObjectNode given) {
        ObjectNode rules = Json.MAPPER.createObjectNode();
        JsonNode days = given.get("AutomaticallyAfterDays");
        JsonNode schedule = given.get("ScheduleExpression");
        JsonNode duration = given.get("Duration");
        if (days != null && !days.isNull()) {
            if (!days.isIntegralNumber() || days.longValue() < 1 || days.longValue() > 1000) {
                throw Errors.invalidParameter("AutomaticallyAfterDays must be between 1 and 1000.");
            }
            rules.put("AutomaticallyAfterDays", days.longValue());
        }
        if (schedule != null && !schedule.isNull()) {
            if (!schedule.isTextual() || schedule.textValue().isEmpty() || schedule.textValue().length() > 256) {
                throw Errors.invalidParameter("ScheduleExpression must be a rate() or cron() expression.");
            }
            if (rules.has("AutomaticallyAfterDays")) {
                throw Errors.invalidParameter("You can't specify both AutomaticallyAfterDays and ScheduleExpression.");
            }
            rules.put("ScheduleExpression", schedule.textValue());
        }
        if (duration != null && !duration.isNull()) {
            if (!duration.isTextual() || !DURATION.matcher(duration.textValue()).matches()) {
                throw Errors.invalidParameter("Duration must be between 1h and 24h, e.g. 4h.");
            }
            rules.put("Duration", duration.textValue());
        }
        return rules;
    }
}
