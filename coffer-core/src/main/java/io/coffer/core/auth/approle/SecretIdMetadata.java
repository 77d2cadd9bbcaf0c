package io.coffer.core.auth.approle;

import io.coffer.core.error.CofferException;
import io.coffer.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code metadata} field of a secret ID request, read as Vault reads it: a JSON object of
 * strings, or comma-separated {@code key=value} pairs, either of them optionally base64-encoded.
 * Errors never repeat the input.
 */
final class SecretIdMetadata {

    private SecretIdMetadata() {
    }

    static Map<String, String> parse(String input) {
        String text = input.trim();
        Map<String, String> out = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return out;
        }
        try {
            text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            // Not base64: the text itself is the metadata.
        }
        if (!readJson(text, out) && !readPairs(text, out)) {
            throw CofferException.invalid("failed to parse metadata: expected a JSON object of strings "
                    + "or comma-separated key=value pairs");
        }
        for (Map.Entry<String, String> e : out.entrySet()) {
            if (!e.getKey().isEmpty() && e.getValue().isEmpty()) {
                throw CofferException.invalid("failed to parse metadata: a key has an empty value");
            }
        }
        return out;
    }

    private static boolean readJson(String text, Map<String, String> out) {
        if (!text.startsWith("{")) {
            return false;
        }
        Map<String, Object> parsed;
        try {
            parsed = Json.parseObject(text.getBytes(StandardCharsets.UTF_8));
        } catch (CofferException e) {
            return false;
        }
        for (Map.Entry<String, Object> e : parsed.entrySet()) {
            if (!(e.getValue() instanceof String s)) {
                return false;
            }
            out.put(e.getKey(), s);
        }
        return true;
    }

    private static boolean readPairs(String text, Map<String, String> out) {
        for (String pair : text.split(",")) {
            String p = pair.trim();
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                out.clear();
                return false;
            }
            out.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
        }
        return true;
    }
}
