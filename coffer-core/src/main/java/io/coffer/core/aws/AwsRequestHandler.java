package io.coffer.core.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.audit.AuditEvent;
import io.coffer.core.audit.AuditLog;
import io.coffer.core.audit.UnauthenticatedBody;
import io.coffer.core.auth.sigv4.AccessKey;
import io.coffer.core.aws.sigv4.AuthorizationHeader;
import io.coffer.core.aws.sigv4.SigV4Verifier;
import io.coffer.core.error.CofferException;
import io.coffer.core.json.Json;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Request;
import io.coffer.core.logical.Response;
import io.coffer.core.policy.Authorizer;
import io.coffer.core.token.TokenEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS door's request path, the counterpart of the Vault door's
 * {@link io.coffer.core.handler.RequestHandler}:
 * <ol>
 *   <li>refuse while sealed ({@code ServiceUnavailable}, 503; not audited, as a sealed node has
 *       no audit devices loaded);</li>
 *   <li>verify the SigV4 signature against the {@code sigv4} auth method's access keys (an
 *       expired key is an unknown key);</li>
 *   <li>read the operation from {@code X-Amz-Target} and the awsJson body;</li>
 *   <li>audit the request (fail closed), run the operation with an {@link AccessCheck} built
 *       from the key's policies, audit the response (fail closed), return.</li>
 * </ol>
 * Every refusal after the seal check is audited too. In the audit log a call appears with path
 * {@code secretsmanager/<Operation>}, operation {@code update} (every call is a POST), the input
 * JSON as request data and the output JSON as response data, strings HMAC'd like any other
 * request's (docs/audit.md).
 */
public final class AwsRequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AwsRequestHandler.class);
    private static final String TARGET_PREFIX = "secretsmanager.";
    /**
     * Operations that change no secret (GetSecretValue may note the day of access, which is not
     * worth a second audit wait).
     */
    private static final java.util.Set<String> READ_ONLY_OPERATIONS = java.util.Set.of("GetSecretValue",
            "BatchGetSecretValue", "DescribeSecret", "ListSecrets", "ListSecretVersionIds", "GetResourcePolicy",
            "GetRandomPassword", "ValidateResourcePolicy");
    private static final Pattern OPERATION_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");
    /** The audit path of a call whose operation could not be read. */
    private static final String UNKNOWN_OPERATION_PATH = "secretsmanager/";

    private final BooleanSupplier serving;
    private final Function<String, Optional<AccessKey>> keys;
    private final Authorizer authorizer;
    private final AuditLog audit;
    private final SecretsManagerOperations operations;
    private final Clock clock;
    private final SigV4Verifier verifier;

    /**
     * @param serving    whether the node is unsealed and serving
     * @param keys       the access key of an id, from the {@code sigv4} auth method
     * @param authorizer the node's ACL authorizer
     * @param operations the Secrets Manager operations
     * @param region     the server's region: a signature scoped to any other is refused
     */
    public AwsRequestHandler(BooleanSupplier serving, Function<String, Optional<AccessKey>> keys, Authorizer authorizer,
            AuditLog audit, SecretsManagerOperations operations, String region, Clock clock) {
        this.verifier = new SigV4Verifier("secretsmanager", region, SigV4Verifier.DEFAULT_MAX_SKEW);
        this.serving = Objects.requireNonNull(serving, "serving");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.operations = Objects.requireNonNull(operations, "operations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Serves one call.
     *
     * @return the response body
     * @throws AwsServiceException for every refusal, with the type AWS would answer
     */
    public ObjectNode handle(AwsCall call) {
        if (!serving.getAsBoolean()) {
            throw new AwsServiceException(AwsErrorType.ServiceUnavailable, "The service is unavailable: the server is sealed.");
        }
        Instant now = clock.instant();
        Optional<String> operation = operationName(call.target());
        Optional<ObjectNode> input = Optional.empty();
        Optional<TokenEntry> principal = Optional.empty();
        AccessKey key;
        try {
            AccessKey[] found = new AccessKey[1];
            AuthorizationHeader auth = verifier.verify(call.signed(), now, id -> keys.apply(id)
                    .filter(k -> !k.isExpiredAt(now.getEpochSecond()))
                    .map(k -> {
                        found[0] = k;
                        return k.secret();
                    }));
            key = found[0];
            principal = Optional.of(principal(key, auth));
            if (operation.isEmpty()) {
                throw new AwsServiceException(AwsErrorType.UnknownOperationException, "Unknown operation: the X-Amz-Target "
                        + "header must name a Secrets Manager operation, e.g. secretsmanager.GetSecretValue");
            }
            input = Optional.of(parse(call.signed().body()));
        } catch (AwsServiceException refused) {
            // A caller that did not authenticate gets its body recorded as size and hash only.
            AuditEvent event = principal.isEmpty()
                    ? AuditEvent.failedAuthentication(request(call, operation, Map.of()), Operation.UPDATE, "", now,
                            UnauthenticatedBody.ofBytes(call.signed().body()))
                    : event(call, operation, input, principal, now);
            logError(event, refused, audit.queueRequest(event));
            throw refused;
        }

        AuditEvent event = event(call, operation, input, principal, now);
        // Reads change nothing: their request record is awaited together with the outcome's.
        AuditLog.Receipt recorded = READ_ONLY_OPERATIONS.contains(operation.get()) ? audit.queueRequest(event) : logRequest(event);
        ObjectNode output;
        try {
            AccessCheck access = new PolicyAccessCheck(authorizer, principal.get(), key.id(), operation.get(), call.requestId());
            output = operations.invoke(operation.get(), input.get(), access);
        } catch (AwsServiceException refused) {
            logError(event, refused, recorded);
            throw refused;
        } catch (CofferException e) {
            AwsServiceException translated = fromCore(e, call.requestId());
            logError(event, translated, recorded);
            throw translated;
        } catch (RuntimeException e) {
            LOG.error("AWS request {} ({}) failed with an unexpected {}", call.requestId(), operation.get(),
                    e.getClass().getName(), e);
            AwsServiceException internal = internalError();
            logError(event, internal, recorded);
            throw internal;
        }
        try {
            audit.logResponse(event, Response.of(toMap(output)), recorded);
        } catch (CofferException e) {
            throw auditRefused(call, e);
        }
        return output;
    }

    /** Forgets the SigV4 signing keys derived from secret access keys; the node calls this before it seals. */
    public void forgetSigningKeys() {
        verifier.forgetSigningKeys();
    }

    private static Optional<String> operationName(Optional<String> target) {
        return target.map(String::strip)
                .filter(t -> t.startsWith(TARGET_PREFIX))
                .map(t -> t.substring(TARGET_PREFIX.length()))
                .filter(op -> OPERATION_NAME.matcher(op).matches());
    }

    private static ObjectNode parse(byte[] body) {
        if (body.length == 0) {
            return Json.MAPPER.createObjectNode();
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw new AwsServiceException(AwsErrorType.SerializationException, "The request body is not valid JSON.");
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new AwsServiceException(AwsErrorType.SerializationException,
                "Start of structure or map found where not expected: the request body must be a JSON object.");
    }

    /** The access key as the ACL engine and the audit log see a caller: a token that lives for this call only. */
    private static TokenEntry principal(AccessKey key, AuthorizationHeader auth) {
        return new TokenEntry(key.id(), key.policies(), "auth/sigv4/keys", Map.of("access_key_id", key.id(),
                "region", auth.region()), "sigv4-" + key.id(), key.creationTime(), 0, 0, 0, "", false, 0, "service");
    }

    private static AuditEvent event(AwsCall call, Optional<String> operation, Optional<ObjectNode> input,
            Optional<TokenEntry> principal, Instant now) {
        Map<String, Object> data = input.map(AwsRequestHandler::toMap).orElse(Map.of());
        return new AuditEvent(request(call, operation, data), Operation.UPDATE, "", principal, now);
    }

    private static Request request(AwsCall call, Optional<String> operation, Map<String, Object> data) {
        return Request.builder(Operation.UPDATE, operation.map(op -> "secretsmanager/" + op).orElse(UNKNOWN_OPERATION_PATH))
                .id(call.requestId())
                .data(data)
                .remoteAddress(call.remoteAddress())
                .build();
    }

    private AuditLog.Receipt logRequest(AuditEvent event) {
        try {
            return audit.logRequest(event);
        } catch (CofferException e) {
            throw auditRefused(event, e);
        }
    }

    private void logError(AuditEvent event, AwsServiceException error, AuditLog.Receipt request) {
        try {
            audit.logError(event, new CofferException(kindOf(error.type()), error.type().name() + ": " + error.getMessage()),
                    request);
        } catch (CofferException e) {
            throw auditRefused(event, e);
        }
    }

    private static AwsServiceException auditRefused(AwsCall call, CofferException e) {
        LOG.error("AWS request {} refused: {}", call.requestId(), e.getMessage());
        return internalError();
    }

    private static AwsServiceException auditRefused(AuditEvent event, CofferException e) {
        LOG.error("AWS request {} refused: {}", event.request().id(), e.getMessage());
        return internalError();
    }

    private static AwsServiceException internalError() {
        return new AwsServiceException(AwsErrorType.InternalServiceError, "An error occurred on the server side.");
    }

    /** A core error that escaped an operation (it should have thrown an AWS error itself). */
    private static AwsServiceException fromCore(CofferException e, String requestId) {
        return switch (e.kind()) {
            case SEALED, UNINITIALIZED, UNAVAILABLE ->
                    new AwsServiceException(AwsErrorType.ServiceUnavailable, "The service is unavailable.");
            case PERMISSION_DENIED -> new AwsServiceException(AwsErrorType.AccessDeniedException, "Access denied.");
            case NOT_FOUND -> new AwsServiceException(AwsErrorType.ResourceNotFoundException,
                    "Secrets Manager can't find the specified secret.");
            case INVALID_REQUEST, CONFLICT -> new AwsServiceException(AwsErrorType.InvalidRequestException,
                    String.join("; ", e.messages()));
            case RATE_LIMITED -> new AwsServiceException(AwsErrorType.ThrottlingException, "Rate exceeded");
            default -> {
                LOG.error("AWS request {} failed: {}", requestId, e.getMessage(), e.getCause());
                yield internalError();
            }
        };
    }

    private static CofferException.Kind kindOf(AwsErrorType type) {
        return switch (type.httpStatus()) {
            case 500 -> CofferException.Kind.INTERNAL;
            case 503 -> CofferException.Kind.UNAVAILABLE;
            default -> type == AwsErrorType.AccessDeniedException || type.name().contains("Signature")
                    || type == AwsErrorType.UnrecognizedClientException || type == AwsErrorType.MissingAuthenticationTokenException
                    || type == AwsErrorType.RequestExpired
                    ? CofferException.Kind.PERMISSION_DENIED : CofferException.Kind.INVALID_REQUEST;
        };
    }

    private static Map<String, Object> toMap(ObjectNode node) {
        return AuditMaps.of(node);
    }
}
