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
 */
public record AuditFormatOptions(boolean hmacAccessor, boolean logRaw, boolean elideListResponses) {

    /** The option names handled here; device types add their own. */
    public static final Set<String> NAMES = Set.of("hmac_accessor", "log_raw", "elide_list_responses");

    public static final AuditFormatOptions DEFAULT = new AuditFormatOptions(true, false, false);

    /** Reads the common options from a device's option map; a malformed value is a 400. */
    public static AuditFormatOptions parse(Map<String, String> options) {
        return new AuditFormatOptions(
                bool(options, "hmac_accessor").orElse(true),
                bool(options, "log_raw").orElse(false),
                bool(options, "elide_list_responses").orElse(false));
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
