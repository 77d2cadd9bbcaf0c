package io.coffer.cli.operator;

import io.coffer.cli.output.TextWrap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code operator init} prints: the unseal keys, the root token and the advice around them in
 * the vault CLI's layout, or the same facts as JSON in the vault CLI's field names.
 *
 * @param shares    the requested number of key shares
 * @param threshold the requested threshold
 * @param response  the {@code sys/init} response body
 */
record InitReport(int shares, int threshold, Map<String, Object> response) {

    /** The base64 unseal keys when the server sent them for every key, as Vault prefers, else hex. */
    List<String> displayedKeys() {
        List<String> hex = strings("keys");
        List<String> base64 = strings("keys_base64");
        return base64.size() == hex.size() ? base64 : hex;
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        List<String> keys = displayedKeys();
        for (int i = 0; i < keys.size(); i++) {
            lines.add("Unseal Key " + (i + 1) + ": " + keys.get(i));
        }
        List<String> recoveryHex = strings("recovery_keys");
        List<String> recoveryBase64 = strings("recovery_keys_base64");
        List<String> recovery = recoveryBase64.size() == recoveryHex.size() ? recoveryBase64 : recoveryHex;
        for (int i = 0; i < recovery.size(); i++) {
            lines.add("Recovery Key " + (i + 1) + ": " + recovery.get(i));
        }
        lines.add("");
        lines.add("Initial Root Token: " + text("root_token"));
        lines.add("");
        if (keys.isEmpty()) {
            lines.add("Success! Coffer is initialized");
            return lines;
        }
        lines.add(TextWrap.wrap("Coffer initialized with " + shares + " key shares and a key threshold of " + threshold
                + ". Please securely distribute the key shares printed above. When Coffer is re-sealed, restarted,"
                + " or stopped, you must supply at least " + threshold + " of these keys to unseal it before it can"
                + " start servicing requests."));
        lines.add("");
        // Vault goes on to point at "vault operator rekey"; Coffer's CLI has no rekey command to point at.
        lines.add(TextWrap.wrap("Coffer does not store the generated root key. Without at least " + threshold
                + " keys to reconstruct the root key, Coffer will remain permanently sealed!"));
        return lines;
    }

    /** The vault CLI's {@code -format=json} shape for init. */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("unseal_keys_b64", strings("keys_base64"));
        json.put("unseal_keys_hex", strings("keys"));
        json.put("unseal_shares", shares);
        json.put("unseal_threshold", threshold);
        json.put("recovery_keys_b64", strings("recovery_keys_base64"));
        json.put("recovery_keys_hex", strings("recovery_keys"));
        json.put("recovery_keys_shares", 0);
        json.put("recovery_keys_threshold", 0);
        json.put("root_token", text("root_token"));
        return json;
    }

    private List<String> strings(String key) {
        List<String> values = new ArrayList<>();
        if (response.get(key) instanceof List<?> list) {
            list.forEach(v -> values.add(String.valueOf(v)));
        }
        return values;
    }

    private String text(String key) {
        Object value = response.get(key);
        return value == null ? "" : value.toString();
    }
}
