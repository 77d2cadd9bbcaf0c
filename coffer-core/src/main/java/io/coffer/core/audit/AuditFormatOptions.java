package io.coffer.core.audit;

import io.coffer.core.error.ClientText;
import io.coffer.core.error.CofferException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options every audit device type understands, with Vault's names and defaults.
 *
 * @param hmacAccessor       HMAC token accessors too (default true); false writes them in the
 *                           clear, which lets an operator revoke by accessor straight from the log
 * @param logRaw             write every value in plaintext (default false). <b>Dangerous:</b> the
 *                           file then holds tokens and secret values; anyone who can read it owns
 *                           them. Meant for debugging a test server only.
 * @param elideListResponses replace the {@code keys} list and {@code key_info} map of list
 *                           responses by their sizes (default false)
 * @param maxRecordBytes     the size a record may reach (Coffer's {@code max_record_bytes}); beyond
 *                           it, the largest data fields are replaced by their size and HMAC
 */
public record AuditFormatOptions(boolean hmacAccessor, boolean logRaw, boolean elideListResponses, int maxRecordBytes) {

    /** The option names handled here; device types add their own. */
    public static final Set<String> NAMES = Set.of("hmac_accessor", "log_raw", "elide_list_responses", "max_record_bytes");

    /**
     * 64 KiB: about 800 HMAC'd values, more than any secret needs (AWS Secrets Manager caps a secret
     * at 64 KiB, and an HMAC'd string is 78 bytes whatever its length), and under the line limits of
     * common log shippers (Vector 100 KiB, Loki 256 KB), so a record is never split on its way.
     */
    public static final int DEFAULT_MAX_RECORD_BYTES = 64 * 1024;
    /** Room for the parts never cut: a path (at most 4 KiB on the wire), the token's auth block, the markers. */
    public static final int MIN_MAX_RECORD_BYTES = 8 * 1024;
    public static final int MAX_MAX_RECORD_BYTES = 64 * 1024 * 1024;

    public static final AuditFormatOptions DEFAULT = new AuditFormatOptions(true, false, false);

    public AuditFormatOptions {
        if (maxRecordBytes < MIN_MAX_RECORD_BYTES || maxRecordBytes > MAX_MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("maxRecordBytes out of range: " + maxRecordBytes);
        }
    }

    /** The options with the default record size cap. */
    public AuditFormatOptions(boolean hmacAccessor, boolean logRaw, boolean elideListResponses) {
        this(hmacAccessor, logRaw, elideListResponses, DEFAULT_MAX_RECORD_BYTES);
    }

    /** Reads the common options from a device's option map; a malformed value is a 400. */
    public static AuditFormatOptions parse(Map<String, String> options) {
        return new AuditFormatOptions(
                bool(options, "hmac_accessor").orElse(true),
                bool(options, "log_raw").orElse(false),
                bool(options, "elide_list_responses").orElse(false),
                maxRecordBytes(options.get("max_record_bytes")));
    }

    private static int maxRecordBytes(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_MAX_RECORD_BYTES;
        }
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            v = -1;
        }
        if (v < MIN_MAX_RECORD_BYTES || v > MAX_MAX_RECORD_BYTES) {
            throw CofferException.invalid("option \"max_record_bytes\" must be a number of bytes from "
                    + MIN_MAX_RECORD_BYTES + " to " + MAX_MAX_RECORD_BYTES + " (default " + DEFAULT_MAX_RECORD_BYTES + ")");
        }
        return (int) v;
    }

    /** A boolean option in Go's {@code strconv.ParseBool} syntax, which Vault uses. */
    public static Optional<Boolean> bool(Map<String, String> options, String name) {
        String v = options.get(name);
        if (v == null) {
            return Optional.empty();
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "1", "t", "true" -> Optional.of(true);
            case "0", "f", "false" -> Optional.of(false);
            default -> throw CofferException.invalid("option " + ClientText.quote(name) + " must be true or false");
        };
    }
}
