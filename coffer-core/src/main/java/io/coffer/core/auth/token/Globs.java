package io.coffer.core.auth.token;

import java.util.List;

/** Vault's policy globs: {@code *} matches any run of characters, everything else itself. */
final class Globs {

    private Globs() {
    }

    static boolean anyMatches(List<String> globs, String value) {
        for (String g : globs) {
            if (matches(g, value)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(String glob, String value) {
        if (glob.equals("*")) {
            return true;
        }
        String[] parts = glob.split("\\*", -1);
        if (parts.length == 1) {
            return glob.equals(value);
        }
        if (!value.startsWith(parts[0])) {
            return false;
        }
        int at = parts[0].length();
        for (int i = 1; i < parts.length - 1; i++) {
            int found = value.indexOf(parts[i], at);
            if (found < 0) {
                return false;
            }
            at = found + parts[i].length();
        }
        String last = parts[parts.length - 1];
        return value.length() - at >= last.length() && value.endsWith(last);
    }
}
