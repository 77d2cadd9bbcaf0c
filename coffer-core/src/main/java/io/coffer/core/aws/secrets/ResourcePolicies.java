package io.coffer.core.aws.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.aws.AccessCheck;
import io.coffer.core.aws.AwsErrorType;
import io.coffer.core.aws.AwsServiceException;
import io.coffer.core.json.Json;
import io.coffer.core.logical.Operation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Get/Put/Delete/ValidateResourcePolicy. Policies are stored and returned as given; they do not
 * grant or deny anything here (Coffer's ACL policies do), which docs/aws-secrets-manager.md says.
 */
final class ResourcePolicies {

    private static final int MAX_POLICY = 20480;

    private final SecretStore store;
    private final SecretLocator locator;

    ResourcePolicies(SecretStore store, SecretLocator locator) {
        this.store = store;
        this.locator = locator;
    }

    ObjectNode get(Input in, AccessCheck access) {
        SecretLocator.Found found = locator.locate(in.requiredString("SecretId"), access, Operation.READ,
                store.settings()::metadataPath);
        ObjectNode out = Responses.arnAndName(store.settings(), found.key(), found.attributes());
        if (found.attributes().resourcePolicy != null) {
            out.put("ResourcePolicy", found.attributes().resourcePolicy);
        }
        return out;
    }

    ObjectNode put(Input in, AccessCheck access) {
        String secretId = in.requiredString("SecretId");
        String policy = in.requiredString("ResourcePolicy");
        in.bool("BlockPublicPolicy");
        checkLength(policy);
        if (!problems(policy).isEmpty()) {
            throw new AwsServiceException(AwsErrorType.MalformedPolicyDocumentException,
                    "This resource policy contains an unsupported or malformed statement.");
        }
        return setPolicy(secretId, Optional.of(policy), access);
    }

    ObjectNode delete(Input in, AccessCheck access) {
        return setPolicy(in.requiredString("SecretId"), Optional.empty(), access);
    }

    ObjectNode validate(Input in, AccessCheck access) {
        String policy = in.requiredString("ResourcePolicy");
        checkLength(policy);
        in.string("SecretId").ifPresent(id ->
                locator.locate(id, access, Operation.READ, store.settings()::metadataPath));
        List<String> problems = problems(policy);
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("PolicyValidationPassed", problems.isEmpty());
        ArrayNode errors = out.putArray("ValidationErrors");
        for (String p : problems) {
            errors.addObject().put("CheckName", "SYNTAX_CHECK").put("ErrorMessage", p);
        }
        return out;
    }

    private ObjectNode setPolicy(String secretId, Optional<String> policy, AccessCheck access) {
        SecretLocator.Found found = locator.locate(secretId, access, Operation.UPDATE, store.settings()::metadataPath);
        return store.kv().edit(found.name(), editor -> {
            SecretAttributes attrs = SecretWrites.liveAttributes(editor);
            attrs.resourcePolicy = policy.orElse(null);
            attrs.lastChangedDate = editor.now().toEpochMilli();
            editor.attributes(attrs.toNode());
            return Responses.arnAndName(store.settings(), editor.view(), attrs);
        });
    }

    private static void checkLength(String policy) {
        // A policy is not secret, but AWS's message would quote up to 20 KiB of it; the constraint says enough.
        Errors.checkLength("resourcePolicy", policy, 1, MAX_POLICY, true);
    }

    /** The grammar problems of an IAM policy document: JSON object, Statement list, Effect, Action. */
    static List<String> problems(String policy) {
        List<String> out = new ArrayList<>();
        JsonNode doc;
        try {
            doc = Json.MAPPER.readTree(policy);
        } catch (IOException e) {
            out.add("The policy is not valid JSON.");
            return out;
        }
        if (doc == null || !doc.isObject()) {
            out.add("The policy must be a JSON object.");
            return out;
        }
        JsonNode version = doc.get("Version");
        if (version != null && !(version.isTextual() && (version.textValue().equals("2012-10-17")
                || version.textValue().equals("2008-10-17")))) {
            out.add("The policy Version must be 2012-10-17 or 2008-10-17.");
        }
        JsonNode statements = doc.get("Statement");
        if (statements == null) {
            out.add("The policy must contain a Statement.");
            return out;
        }
        List<JsonNode> list = new ArrayList<>();
        if (statements.isArray()) {
            statements.forEach(list::add);
        } else {
            list.add(statements);
        }
        for (JsonNode s : list) {
            if (!s.isObject()) {
                out.add("Each Statement must be a JSON object.");
                continue;
            }
            JsonNode effect = s.get("Effect");
            if (effect == null || !effect.isTextual() || !(effect.textValue().equals("Allow") || effect.textValue().equals("Deny"))) {
                out.add("Each Statement must have an Effect of Allow or Deny.");
            }
            if (!s.has("Action") && !s.has("NotAction")) {
                out.add("Each Statement must have an Action or NotAction.");
            }
        }
        return out;
    }
}
