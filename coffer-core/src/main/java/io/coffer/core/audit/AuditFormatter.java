package io.coffer.core.audit;

import io.coffer.core.error.CofferException;
import io.coffer.core.json.Json;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Request;
import io.coffer.core.logical.Response;
import io.coffer.core.logical.Timestamps;
import io.coffer.core.token.TokenEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Renders an {@link AuditRecord} as one line of Vault's JSON audit format:
 * {@code {"time","type","auth","request","response","error"}} with Vault's field names.
 *
 * <p>Unless {@code log_raw} is set, every string value in the request data, the response data and
 * both {@code auth} objects, and the client token wherever it appears, is replaced by
 * {@code hmac-sha256:<hex>} under the device's salt. This goes beyond Vault, which leaves display
 * names, policies and metadata of {@code auth} in the clear: here nothing a client or an auth
 * method supplied is readable in the log. Map keys, numbers and booleans are kept, as in Vault, so
 * a secret stored as a JSON number is written as is. The accessor is hashed unless
 * {@code hmac_accessor} is false. Request path, operation, id and remote address stay readable:
 * they say what happened, and paths must never hold secrets (docs/security.md).
 */
public final class AuditFormatter {

    private static final Set<String> AUDITED_AUTH_FIELDS = Set.of("client_token", "accessor", "display_name", "policies",
            "token_policies", "metadata", "num_uses", "entity_id", "token_type", "token_ttl");

    private final AuditSalt salt;
    private final AuditFormatOptions options;

    public AuditFormatter(AuditSalt salt, AuditFormatOptions options) {
        this.salt = salt;
        this.options = options;
    }

    /** The record as one JSON object, without the chain link and without a newline. */
    public byte[] format(AuditRecord record) {
        UnaryOperator<String> hash = options.logRaw() ? UnaryOperator.identity() : salt.hasher();
        UnaryOperator<String> accessorHash = options.hmacAccessor() ? hash : UnaryOperator.identity();
        AuditEvent event = record.event();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("time", Timestamps.rfc3339Nano(record.time()));
        root.put("type", record.type().wireName());
        root.put("auth", tokenAuth(event, hash, accessorHash));
        root.put("request", request(event, hash, accessorHash));
        record.response().ifPresent(r -> root.put("response", response(event, r, hash, accessorHash)));
        record.error().ifPresent(e -> root.put("error", errorText(e)));
        return Json.write(root);
    }

    private static Map<String, Object> tokenAuth(AuditEvent event, UnaryOperator<String> hash,
            UnaryOperator<String> accessorHash) {
        Map<String, Object> auth = new LinkedHashMap<>();
        if (event.token().isEmpty()) {
            return auth;
        }
        TokenEntry t = event.token().get();
        event.request().clientToken().ifPresent(token -> auth.put("client_token", hash.apply(token)));
        putString(auth, "accessor", t.accessor(), accessorHash);
        putString(auth, "display_name", t.displayName(), hash);
        auth.put("policies", hashAll(t.policies(), hash));
        auth.put("token_policies", hashAll(t.policies(), hash));
        if (!t.meta().isEmpty()) {
            auth.put("metadata", hashDeep(t.meta(), hash));
        }
        if (t.numUses() > 0) {
            auth.put("remaining_uses", t.numUses());
        }
        putString(auth, "token_type", t.type(), hash);
        if (t.ttl() > 0) {
            auth.put("token_ttl", t.ttl());
        }
        if (t.creationTime() > 0) {
            putString(auth, "token_issue_time", Instant.ofEpochSecond(t.creationTime()).toString(), hash);
        }
        return auth;
    }

    private static Map<String, Object> request(AuditEvent event, UnaryOperator<String> hash,
            UnaryOperator<String> accessorHash) {
        Request r = event.request();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("operation", event.operation().wireName());
        if (!event.mountType().isEmpty()) {
            m.put("mount_type", event.mountType());
        }
        r.clientToken().ifPresent(token -> m.put("client_token", hash.apply(token)));
        event.token().ifPresent(t -> putString(m, "client_token_accessor", t.accessor(), accessorHash));
        m.put("namespace", Map.of("id", "root"));
        m.put("path", r.path());
        if (!r.data().isEmpty()) {
            m.put("data", hashDeep(r.data(), hash));
        }
        if (!r.remoteAddress().isEmpty()) {
            m.put("remote_address", r.remoteAddress());
        }
        return m;
    }

    private Map<String, Object> response(AuditEvent event, Response response, UnaryOperator<String> hash,
            UnaryOperator<String> accessorHash) {
        Map<String, Object> m = new LinkedHashMap<>();
        String mountType = response.mountType().isEmpty() ? event.mountType() : response.mountType();
        if (!mountType.isEmpty()) {
            m.put("mount_type", mountType);
        }
        response.auth().ifPresent(a -> m.put("auth", responseAuth(a, hash, accessorHash)));
        Optional<Map<String, Object>> data = response.data().or(response::rawBody);
        if (data.isPresent() && !data.get().isEmpty()) {
            Map<String, Object> d = data.get();
            if (options.elideListResponses() && event.operation() == Operation.LIST) {
                d = elided(d);
            }
            m.put("data", hashDeep(d, hash));
        }
        if (!response.warnings().isEmpty()) {
            m.put("warnings", List.copyOf(response.warnings()));
        }
        return m;
    }

    /** The {@code auth} block of a login response, in the field names of Vault's audit entries. */
    private static Map<String, Object> responseAuth(Map<String, Object> auth, UnaryOperator<String> hash,
            UnaryOperator<String> accessorHash) {
        Map<String, Object> m = new LinkedHashMap<>();
        auth.forEach((key, value) -> {
            String name = key.equals("lease_duration") ? "token_ttl" : key;
            if (!AUDITED_AUTH_FIELDS.contains(name) || value == null || "".equals(value)) {
                return;
            }
            m.put(name, name.equals("accessor") && value instanceof String s ? accessorHash.apply(s) : hashDeep(value, hash));
        });
        return m;
    }

    /** Vault's {@code elide_list_responses}: the sizes of {@code keys} and {@code key_info}, not their contents. */
    private static Map<String, Object> elided(Map<String, Object> data) {
        Map<String, Object> copy = new LinkedHashMap<>(data);
        if (copy.get("keys") instanceof Collection<?> keys) {
            copy.put("keys", keys.size());
        }
        if (copy.get("key_info") instanceof Map<?, ?> info) {
            copy.put("key_info", info.size());
        }
        return copy;
    }

    private static String errorText(CofferException e) {
        return String.join("; ", e.messages());
    }

    private static void putString(Map<String, Object> m, String field, String value, UnaryOperator<String> hash) {
        if (value != null && !value.isEmpty()) {
            m.put(field, hash.apply(value));
        }
    }

    private static List<Object> hashAll(Collection<?> values, UnaryOperator<String> hash) {
        List<Object> out = new ArrayList<>(values.size());
        for (Object v : values) {
            out.add(hashDeep(v, hash));
        }
        return out;
    }

    /** A copy of {@code value} with every string replaced by its hash; keys, numbers and booleans kept. */
    static Object hashDeep(Object value, UnaryOperator<String> hash) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof String s) {
            return hash.apply(s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), hashDeep(v, hash)));
            return out;
        }
        if (value instanceof Collection<?> c) {
            return hashAll(c, hash);
        }
        if (value instanceof Character || value instanceof Enum<?>) {
            return hash.apply(value.toString());
        }
        // Anything else (records, arrays, times) is turned into JSON values first, as the client sees it.
        Object plain = Json.MAPPER.convertValue(value, Object.class);
        if (plain == null || plain.getClass() == value.getClass()) {
            return plain == null ? null : hash.apply(String.valueOf(plain));
        }
        return hashDeep(plain, hash);
    }
}
