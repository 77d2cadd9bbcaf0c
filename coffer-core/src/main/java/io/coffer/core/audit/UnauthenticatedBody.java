package io.coffer.core.audit;

import io.coffer.core.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;

/**
 * The body of a request whose caller failed to authenticate (no token, an unknown token, a bad
 * SigV4 signature). Audit devices record only its size and its HMAC under their salt, never its
 * content: anyone can send such a request, and recording what they send would let them fill the
 * audit volume and, with fail-closed auditing, stop the server.
 */
@FunctionalInterface
public interface UnauthenticatedBody {

    /** Writes the body's bytes to {@code out}, which counts and hashes them. */
    void writeTo(OutputStream out) throws IOException;

    /** A body as it was sent (the AWS door keeps the raw bytes of a call it could not authenticate). */
    static UnauthenticatedBody ofBytes(byte[] body) {
        Objects.requireNonNull(body, "body");
        return out -> out.write(body);
    }

    /**
     * A body the Vault door has already parsed into request data: its compact JSON, in the order
     * the fields were sent, is what is measured and hashed.
     */
    static UnauthenticatedBody ofData(Map<String, Object> data) {
        Objects.requireNonNull(data, "data");
        return out -> Json.MAPPER.writeValue(out, data);
    }
}
