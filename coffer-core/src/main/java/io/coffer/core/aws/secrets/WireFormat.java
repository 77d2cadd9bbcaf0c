package io.coffer.core.aws.secrets;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.engine.kv.SecretValue;
import io.coffer.core.json.Json;
import java.time.Instant;
import java.util.Collection;

/** How values and times look on the awsJson1.1 wire. */
final class WireFormat {

    private WireFormat() {
    }

    /** Epoch seconds with millisecond fraction, as AWS sends them (e.g. {@code 1.523477145713E9}). */
    static void putTime(ObjectNode out, String member, Instant time) {
        if (time != null) {
            out.put(member, time.toEpochMilli() / 1000.0);
        }
    }

    static void putTime(ObjectNode out, String member, Long epochMillis) {
        if (epochMillis != null) {
            out.put(member, epochMillis / 1000.0);
        }
    }

    /** SecretString (the original text, or a KV map's JSON) or SecretBinary (base64 on the wire). */
    static void putValue(ObjectNode out, SecretValue value) {
        switch (value) {
            case SecretValue.JsonObject o -> out.put("SecretString",
                    o.original() != null ? o.original() : new String(Json.write(o.data()), java.nio.charset.StandardCharsets.UTF_8));
            case SecretValue.Text t -> out.put("SecretString", t.text());
            case SecretValue.Binary b -> out.put("SecretBinary", b.bytes());
            case SecretValue.None n -> {
                // A valueless version has neither member.
            }
        }
    }

    static ArrayNode strings(Collection<String> values) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        values.forEach(a::add);
        return a;
    }
}
