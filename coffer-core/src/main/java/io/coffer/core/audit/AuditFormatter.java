package io.coffer.core.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.coffer.core.error.CofferException;
import io.coffer.core.json.Json;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Request;
import io.coffer.core.logical.Response;
import io.coffer.core.logical.Timestamps;
import io.coffer.core.token.TokenEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;

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
 *
 * <p>Two rules keep one request from costing the audit volume more than a bounded amount. A
 * request whose caller failed to authenticate ({@link AuditEvent#unauthenticatedBody()}) has its
 * body recorded as {@code "data_withheld":{"reason":"unauthenticated","bytes","hmac"}} (size and
 * HMAC under the salt) instead of its data. And a record that would exceed {@code max_record_bytes}
 * has its largest fields (request data, response data, warnings, error) replaced one by one by
 * such markers ({@code "reason":"record_too_large"}) and gets {@code "truncated":true}; it stays
 * one valid JSON object and links into the chain like any other.
 *
 * <p>Records are streamed straight into their bytes (no intermediate maps), and the token's part of
 * a record, which is the same for every request of a token, is hashed once per token entry: these
 * run twice per request on the request path.
 */
public final class AuditFormatter {

    private static final Set<String> AUDITED_AUTH_FIELDS = Set.of("client_token", "accessor", "display_name", "policies",
            "token_policies", "metadata", "num_uses", "entity_id", "token_type", "token_ttl");
    /** Beyond this many cached tokens the cache starts over; it only saves work. */
    private static final int MAX_CACHED_TOKENS = 10_000;

    private static final String REASON_UNAUTHENTICATED = "unauthenticated";
    private static final String REASON_TOO_LARGE = "record_too_large";

    /** The fields a record may lose to {@code max_record_bytes}; the rest of a record is never cut. */
    private enum Field {
        REQUEST_DATA, RESPONSE_DATA, WARNINGS, ERROR
    }

    /** What a withheld field leaves in the record: why, its size in bytes, and the HMAC of those bytes. */
    private record Summary(String reason, long bytes, String hmac) {
    }

    private record CachedSummary(UnauthenticatedBody body, Summary summary) {
    }

    private final AuditSalt salt;
    private final AuditFormatOptions options;
    /** The last unauthenticated body summarized: its request and outcome records come in a row. */
    private volatile CachedSummary lastUnauthenticated;
    /** The rendered token fields per accessor, valid while the token store still hands out the same entry. */
    private final Map<String, TokenFields> tokenFields = new ConcurrentHashMap<>();

    /**
     * The parts of a record that depend only on the token: its {@code auth} object, and the hashed
     * token and accessor the {@code request} object repeats. The token store replaces an entry
     * whenever it changes (renewal, a spent use), so the identity of {@link #entry} is the key.
     */
    private record TokenFields(TokenEntry entry, SerializedString authJson, String clientToken, String accessor) {
    }

    public AuditFormatter(AuditSalt salt, AuditFormatOptions options) {
        this.salt = salt;
        this.options = options;
    }

    /** The record as one JSON object, without the chain link and without a newline. */
    public byte[] format(AuditRecord record) {
        UnaryOperator<String> hash = options.logRaw() ? UnaryOperator.identity() : salt.hasher();
        UnaryOperator<String> accessorHash = options.hmacAccessor() ? hash : UnaryOperator.identity();
        Summary unauthenticated = record.event().unauthenticatedBody().map(this::unauthenticatedSummary).orElse(null);
        try {
            return render(record, hash, accessorHash, unauthenticated, Map.of(), options.maxRecordBytes());
        } catch (BoundedOutput.TooLarge e) {
            return renderWithin(record, hash, accessorHash, unauthenticated);
        }
    }

    /**
     * A record over {@code max_record_bytes}: its largest data fields, one at a time, are replaced
     * by {@code <field>_withheld} markers until it fits. Every attempt stops writing at the cap, and
     * a withheld field is measured as plain JSON (one streaming HMAC, no HMAC per string), so an
     * oversized record costs a few times the cap plus one pass over its data, not its own size.
     */
    private byte[] renderWithin(AuditRecord record, UnaryOperator<String> hash, UnaryOperator<String> accessorHash,
            Summary unauthenticated) {
        Map<Field, Summary> sizes = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            fieldValue(field, record).ifPresent(value -> sizes.put(field, summarize(value)));
        }
        List<Field> largestFirst = sizes.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<Field, Summary> e) -> e.getValue().bytes()).reversed())
                .map(Map.Entry::getKey)
                .toList();
        Map<Field, Summary> withheld = new EnumMap<>(Field.class);
        for (Field field : largestFirst) {
            withheld.put(field, sizes.get(field));
            try {
                return render(record, hash, accessorHash, unauthenticated, withheld, options.maxRecordBytes());
            } catch (BoundedOutput.TooLarge e) {
                // Still too large: withhold the next field too.
            }
        }
        // What is never cut (path, the token's auth block) exceeds the cap on its own: still record it.
        return render(record, hash, accessorHash, unauthenticated, withheld, Integer.MAX_VALUE);
    }

    private byte[] render(AuditRecord record, UnaryOperator<String> hash, UnaryOperator<String> accessorHash,
            Summary unauthenticated, Map<Field, Summary> withheld, int limit) {
        AuditEvent event = record.event();
        BoundedOutput out = new BoundedOutput(Math.min(1024, limit), limit);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("time", Timestamps.rfc3339Nano(record.time()));
            g.writeStringField("type", record.type().wireName());
            Optional<TokenFields> token = event.token().map(t -> tokenFields(event, t, hash, accessorHash));
            g.writeFieldName("auth");
            if (token.isPresent()) {
                g.writeRawValue(token.get().authJson());
            } else {
                g.writeStartObject();
                g.writeEndObject();
            }
            writeRequest(g, event, token, hash, unauthenticated, withheld);
            if (record.response().isPresent()) {
                writeResponse(g, event, record.response().get(), hash, accessorHash, withheld);
            }
            if (record.error().isPresent()) {
                Summary cut = withheld.get(Field.ERROR);
                if (cut == null) {
                    g.writeStringField("error", errorText(record.error().get()));
                } else {
                    g.writeStringField("error", "error message withheld: the record exceeded max_record_bytes");
                    writeWithheld(g, "error", cut);
                }
            }
            if (!withheld.isEmpty()) {
                g.writeBooleanField("truncated", true);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render an audit record", e);
        }
        return out.toByteArray();
    }

    private static String errorText(CofferException error) {
        return String.join("; ", error.messages());
    }

    /** The value of {@code field} in {@code record}, when the record has it and could write it. */
    private static Optional<Object> fieldValue(Field field, AuditRecord record) {
        AuditEvent event = record.event();
        return switch (field) {
            case REQUEST_DATA -> event.unauthenticatedBody().isPresent() || event.request().data().isEmpty()
                    ? Optional.empty() : Optional.of(event.request().data());
            case RESPONSE_DATA -> record.response().flatMap(AuditFormatter::responseData).map(Object.class::cast);
            case WARNINGS -> record.response().map(Response::warnings).filter(w -> !w.isEmpty()).map(Object.class::cast);
            case ERROR -> record.error().map(AuditFormatter::errorText);
        };
    }

    /** A withheld field: the size and HMAC of its value as compact JSON, as {@link UnauthenticatedBody#ofData} measures a body. */
    private Summary summarize(Object value) {
        return summarize(out -> Json.MAPPER.writeValue(out, value), REASON_TOO_LARGE);
    }

    /** Writes the bytes a summary covers. */
    @FunctionalInterface
    private interface Bytes {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The size of what {@code bytes} writes and its HMAC under the salt (never the value itself, even with log_raw). */
    private Summary summarize(Bytes bytes, String reason) {
        Mac mac = salt.newMac();
        MacCountingOutput out = new MacCountingOutput(mac);
        try {
            bytes.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure an audit record field", e);
        }
        return new Summary(reason, out.count(), AuditSalt.finish(mac));
    }

    /**
     * The summary of an unauthenticated body, computed once per event although the request and its
     * outcome record both carry it.
     */
    private Summary unauthenticatedSummary(UnauthenticatedBody body) {
        CachedSummary cached = lastUnauthenticated;
        if (cached != null && cached.body() == body) {
            return cached.summary();
        }
        Summary summary = summarize(body::writeTo, REASON_UNAUTHENTICATED);
        lastUnauthenticated = new CachedSummary(body, summary);
        return summary;
    }

    private static void writeWithheld(JsonGenerator g, String field, Summary summary) throws IOException {
        g.writeObjectFieldStart(field + "_withheld");
        g.writeStringField("reason", summary.reason());
        g.writeNumberField("bytes", summary.bytes());
        g.writeStringField("hmac", summary.hmac());
        g.writeEndObject();
    }

    private TokenFields tokenFields(AuditEvent event, TokenEntry t, UnaryOperator<String> hash,
            UnaryOperator<String> accessorHash) {
        TokenFields cached = tokenFields.get(t.accessor());
        if (cached != null && cached.entry() == t) {
            return cached;
        }
        String clientToken = event.request().clientToken().map(hash).orElse(null);
        String accessor = t.accessor() == null || t.accessor().isEmpty() ? null : accessorHash.apply(t.accessor());
        TokenFields fresh = new TokenFields(t, renderTokenAuth(t, clientToken, accessor, hash), clientToken, accessor);
        if (tokenFields.size() >= MAX_CACHED_TOKENS) {
            tokenFields.clear();
        }
        // Only a token's own requests reach here with its entry, so the client token belongs to it.
        if (clientToken != null && t.accessor() != null && !t.accessor().isEmpty()) {
            tokenFields.put(t.accessor(), fresh);
        }
        return fresh;
    }

    private static SerializedString renderTokenAuth(TokenEntry t, String clientToken, String accessor, UnaryOperator<String> hash) {
        ByteArrayBuilder out = new ByteArrayBuilder(512);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            if (clientToken != null) {
                g.writeStringField("client_token", clientToken);
            }
            if (accessor != null) {
                g.writeStringField("accessor", accessor);
            }
            writeHashedIfPresent(g, "display_name", t.displayName(), hash);
            g.writeFieldName("policies");
            writeHashed(g, t.policies(), hash);
            g.writeFieldName("token_policies");
            writeHashed(g, t.policies(), hash);
            if (!t.meta().isEmpty()) {
                g.writeFieldName("metadata");
                writeHashed(g, t.meta(), hash);
            }
            if (t.numUses() > 0) {
                g.writeNumberField("remaining_uses", t.numUses());
            }
            writeHashedIfPresent(g, "token_type", t.type(), hash);
            if (t.ttl() > 0) {
                g.writeNumberField("token_ttl", t.ttl());
            }
            if (t.creationTime() > 0) {
                writeHashedIfPresent(g, "token_issue_time", Instant.ofEpochSecond(t.creationTime()).toString(), hash);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render an audit record", e);
        }
        return new SerializedString(new String(out.toByteArray(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void writeRequest(JsonGenerator g, AuditEvent event, Optional<TokenFields> token,
            UnaryOperator<String> hash, Summary unauthenticated, Map<Field, Summary> withheld) throws IOException {
        Request r = event.request();
        g.writeObjectFieldStart("request");
        g.writeStringField("id", r.id());
        g.writeStringField("operation", event.operation().wireName());
        if (!event.mountType().isEmpty()) {
            g.writeStringField("mount_type", event.mountType());
        }
        if (r.clientToken().isPresent()) {
            String hashed = token.map(TokenFields::clientToken).orElseGet(() -> hash.apply(r.clientToken().get()));
            g.writeStringField("client_token", hashed);
        }
        if (token.isPresent() && token.get().accessor() != null) {
            g.writeStringField("client_token_accessor", token.get().accessor());
        }
        g.writeObjectFieldStart("namespace");
        g.writeStringField("id", "root");
        g.writeEndObject();
        g.writeStringField("path", r.path());
        if (unauthenticated != null) {
            writeWithheld(g, "data", unauthenticated);
        } else if (withheld.containsKey(Field.REQUEST_DATA)) {
            writeWithheld(g, "data", withheld.get(Field.REQUEST_DATA));
        } else if (!r.data().isEmpty()) {
            g.writeFieldName("data");
            writeHashed(g, r.data(), hash);
        }
        if (!r.remoteAddress().isEmpty()) {
            g.writeStringField("remote_address", r.remoteAddress());
        }
        g.writeEndObject();
    }

    private void writeResponse(JsonGenerator g, AuditEvent event, Response response, UnaryOperator<String> hash,
            UnaryOperator<String> accessorHash, Map<Field, Summary> withheld) throws IOException {
        g.writeObjectFieldStart("response");
        String mountType = response.mountType().isEmpty() ? event.mountType() : response.mountType();
        if (!mountType.isEmpty()) {
            g.writeStringField("mount_type", mountType);
        }
        if (response.auth().isPresent()) {
            g.writeFieldName("auth");
            writeLoginAuth(g, response.auth().get(), hash, accessorHash);
        }
        Optional<Map<String, Object>> data = responseData(response);
        if (withheld.containsKey(Field.RESPONSE_DATA)) {
            writeWithheld(g, "data", withheld.get(Field.RESPONSE_DATA));
        } else if (data.isPresent()) {
            g.writeFieldName("data");
            writeResponseData(g, event, data.get(), hash);
        }
        if (withheld.containsKey(Field.WARNINGS)) {
            writeWithheld(g, "warnings", withheld.get(Field.WARNINGS));
        } else if (!response.warnings().isEmpty()) {
            g.writeFieldName("warnings");
            writeWarnings(g, response.warnings());
        }
        g.writeEndObject();
    }

    private static Optional<Map<String, Object>> responseData(Response response) {
        return response.data().or(response::rawBody).filter(d -> !d.isEmpty());
    }

    private void writeResponseData(JsonGenerator g, AuditEvent event, Map<String, Object> data, UnaryOperator<String> hash)
            throws IOException {
        if (options.elideListResponses() && event.operation() == Operation.LIST) {
            writeElided(g, data, hash);
        } else {
            writeHashed(g, data, hash);
        }
    }

    private static void writeWarnings(JsonGenerator g, List<String> warnings) throws IOException {
        g.writeStartArray();
        for (String w : warnings) {
            g.writeString(w);
        }
        g.writeEndArray();
    }

    /** The {@code auth} block of a login response, in the field names of Vault's audit entries. */
    private static void writeLoginAuth(JsonGenerator g, Map<String, Object> auth, UnaryOperator<String> hash,
            UnaryOperator<String> accessorHash) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Object> e : auth.entrySet()) {
            String name = e.getKey().equals("lease_duration") ? "token_ttl" : e.getKey();
            Object value = e.getValue();
            if (!AUDITED_AUTH_FIELDS.contains(name) || value == null || "".equals(value)) {
                continue;
            }
            g.writeFieldName(name);
            if (name.equals("accessor") && value instanceof String s) {
                g.writeString(accessorHash.apply(s));
            } else {
                writeHashed(g, value, hash);
            }
        }
        g.writeEndObject();
    }

    /** Vault's {@code elide_list_responses}: the sizes of {@code keys} and {@code key_info}, not their contents. */
    private static void writeElided(JsonGenerator g, Map<String, Object> data, UnaryOperator<String> hash) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Object> e : data.entrySet()) {
            g.writeFieldName(e.getKey());
            if (e.getKey().equals("keys") && e.getValue() instanceof Collection<?> keys) {
                g.writeNumber(keys.size());
            } else if (e.getKey().equals("key_info") && e.getValue() instanceof Map<?, ?> info) {
                g.writeNumber(info.size());
            } else {
                writeHashed(g, e.getValue(), hash);
            }
        }
        g.writeEndObject();
    }

    private static void writeHashedIfPresent(JsonGenerator g, String field, String value, UnaryOperator<String> hash)
            throws IOException {
        if (value != null && !value.isEmpty()) {
            g.writeStringField(field, hash.apply(value));
        }
    }

    /** Writes {@code value} with every string replaced by its hash; keys, numbers and booleans kept. */
    static void writeHashed(JsonGenerator g, Object value, UnaryOperator<String> hash) throws IOException {
        switch (value) {
            case null -> g.writeNull();
            case String s -> g.writeString(hash.apply(s));
            case Boolean b -> g.writeBoolean(b);
            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case Short s -> g.writeNumber(s);
            case Byte b -> g.writeNumber(b);
            case Double d -> g.writeNumber(d);
            case Float f -> g.writeNumber(f);
            case BigDecimal d -> g.writeNumber(d);
            case BigInteger i -> g.writeNumber(i);
            case Number n -> g.writeNumber(n.toString());
            case Map<?, ?> map -> {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    g.writeFieldName(String.valueOf(e.getKey()));
                    writeHashed(g, e.getValue(), hash);
                }
                g.writeEndObject();
            }
            case Collection<?> c -> {
                g.writeStartArray();
                for (Object v : c) {
                    writeHashed(g, v, hash);
                }
                g.writeEndArray();
            }
            case Character c -> g.writeString(hash.apply(c.toString()));
            case Enum<?> e -> g.writeString(hash.apply(e.toString()));
            default -> {
                // Anything else (records, arrays, times) is turned into JSON values first, as the client sees it.
                Object plain = Json.MAPPER.convertValue(value, Object.class);
                if (plain == null) {
                    g.writeNull();
                } else if (plain.getClass() == value.getClass()) {
                    g.writeString(hash.apply(String.valueOf(plain)));
                } else {
                    writeHashed(g, plain, hash);
                }
            }
        }
    }
}
