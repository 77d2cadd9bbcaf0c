package io.coffer.core.aws.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.aws.AwsErrorType;
import io.coffer.core.aws.AwsServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed access to a request's members. A member of the wrong JSON type is a
 * SerializationException, as AWS's awsJson1.1 parser answers; a missing required one a
 * ValidationException. Messages name the member, never its value.
 */
final class Input {

    private final ObjectNode body;

    Input(ObjectNode body) {
        this.body = body;
    }

    /** The request body as sent, for parsers of whole members (Filters, GetRandomPassword's options). */
    ObjectNode body() {
        return body;
    }

    /** A member as sent, or null when absent. */
    com.fasterxml.jackson.databind.JsonNode member(String member) {
        return body.get(member);
    }

    Optional<String> string(String member) {
        JsonNode n = body.get(member);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isTextual()) {
            throw wrongType(member, "string");
        }
        return Optional.of(n.textValue());
    }

    String requiredString(String member) {
        return string(member).orElseThrow(() -> missing(member));
    }

    Optional<Long> integer(String member) {
        JsonNode n = body.get(member);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw wrongType(member, "integer");
        }
        return Optional.of(n.longValue());
    }

    Optional<Boolean> bool(String member) {
        JsonNode n = body.get(member);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isBoolean()) {
            throw wrongType(member, "boolean");
        }
        return Optional.of(n.booleanValue());
    }

    Optional<List<String>> strings(String member) {
        return array(member).map(a -> {
            List<String> out = new ArrayList<>(a.size());
            for (JsonNode item : a) {
                if (!item.isTextual()) {
                    throw wrongType(member, "list of strings");
                }
                out.add(item.textValue());
            }
            return out;
        });
    }

    Optional<ArrayNode> array(String member) {
        JsonNode n = body.get(member);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isArray()) {
            throw wrongType(member, "list");
        }
        return Optional.of((ArrayNode) n);
    }

    Optional<ObjectNode> object(String member) {
        JsonNode n = body.get(member);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isObject()) {
            throw wrongType(member, "structure");
        }
        return Optional.of((ObjectNode) n);
    }

    boolean has(String member) {
        JsonNode n = body.get(member);
        return n != null && !n.isNull();
    }

    /** The page size: 1 to {@code max}, {@code max} when absent. */
    int maxResults(int max) {
        long m = integer("MaxResults").orElse((long) max);
        Errors.checkRange("maxResults", m, 1, max);
        return (int) m;
    }

    /** A required member at a nested {@code path} (e.g. {@code tags.1.member.key}) is missing. */
    static AwsServiceException missingAt(String path) {
        return new AwsServiceException(AwsErrorType.ValidationException, "1 validation error detected: Value null at '"
                + path + "' failed to satisfy constraint: Member must not be null");
    }

    static AwsServiceException missing(String member) {
        return missingAt(Errors.path(member));
    }

    private static AwsServiceException wrongType(String member, String expected) {
        return new AwsServiceException(AwsErrorType.SerializationException,
                "The member " + member + " must be a " + expected);
    }
}
