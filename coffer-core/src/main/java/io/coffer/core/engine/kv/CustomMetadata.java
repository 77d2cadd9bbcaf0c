package io.coffer.core.engine.kv;

import io.coffer.core.error.ClientText;
import io.coffer.core.error.CofferException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Vault's rules for a key's {@code custom_metadata}: at most 64 pairs, keys of 1 to 128 bytes,
 * values of 1 to 512 bytes, printable characters only. Custom metadata is not secret, so messages
 * name the offending key as Vault's do; they never show a value.
 */
final class CustomMetadata {

    static final int MAX_KEYS = 64;
    static final int MAX_KEY_LENGTH = 128;
    static final int MAX_VALUE_LENGTH = 512;
    static final String PREFIX = "custom_metadata validation failed";

    private CustomMetadata() {
    }

    /** An empty sorted map in Vault's key order. */
    static TreeMap<String, String> newMap() {
        return new TreeMap<>(JsonValues.KEY_ORDER);
    }

    /** Throws {@code INVALID_REQUEST} listing every broken rule, in Go multierror's wording. */
    static void validate(Map<String, String> pairs) {
        List<String> errors = new ArrayList<>();
        if (pairs.size() > MAX_KEYS) {
            errors.add(PREFIX + ": payload must contain at most " + MAX_KEYS + " keys, provided " + pairs.size());
            throw failure(errors);
        }
        TreeMap<String, String> sorted = newMap();
        sorted.putAll(pairs);
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            String key = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue();
            int keyLength = key.getBytes(StandardCharsets.UTF_8).length;
            if (keyLength == 0 || keyLength > MAX_KEY_LENGTH) {
                errors.add(PREFIX + ": length of key " + ClientText.quote(key) + " is " + keyLength
                        + " but must be 0 < len(key) <= " + MAX_KEY_LENGTH);
            }
            int valueLength = value.getBytes(StandardCharsets.UTF_8).length;
            if (valueLength == 0 || valueLength > MAX_VALUE_LENGTH) {
                errors.add(PREFIX + ": length of value for key " + ClientText.quote(key) + " is " + valueLength
                        + " but must be 0 < len(value) <= " + MAX_VALUE_LENGTH);
            }
            if (!printable(key)) {
                errors.add(PREFIX + ": key " + ClientText.quote(key) + " contains unprintable characters");
            }
            if (!printable(value)) {
                errors.add(PREFIX + ": value for key " + ClientText.quote(key) + " contains unprintable characters");
            }
        }
        if (!errors.isEmpty()) {
            throw failure(errors);
        }
    }

    /** Go multierror's rendering of a list of errors, which Vault returns as one message. */
    private static CofferException failure(List<String> errors) {
        String text;
        if (errors.size() == 1) {
            text = "1 error occurred:\n\t* " + errors.get(0) + "\n\n";
        } else {
            StringBuilder b = new StringBuilder().append(errors.size()).append(" errors occurred:\n\t");
            for (int i = 0; i < errors.size(); i++) {
                if (i > 0) {
                    b.append("\n\t");
                }
                b.append("* ").append(errors.get(i));
            }
            text = b.append("\n\n").toString();
        }
        return CofferException.invalid(text);
    }

    /** Go's {@code unicode.IsPrint} over the whole string: graphic characters and the ASCII space. */
    static boolean printable(String s) {
        return s.codePoints().allMatch(cp -> {
            if (cp == ' ') {
                return true;
            }
            return switch (Character.getType(cp)) {
                case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                        Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                        Character.PARAGRAPH_SEPARATOR -> false;
                default -> true;
            };
        });
    }
}
