package io.coffer.core.auth.workload;

import java.util.Collection;

/**
 * Vault's glob matching (the {@code go-glob} rules its auth methods use for bound names, namespaces
 * and glob bound claims): {@code *} matches any run of characters, including none, anywhere in the
 * pattern; there is no other wildcard and no escaping. A pattern without {@code *} must equal the
 * subject.
 */
public final class Globs {

    private Globs() {
    }

    public static boolean matches(String pattern, String subject) {
        if (pattern.equals("*")) {
            return true;
        }
        String[] parts = pattern.split("\\*", -1);
        if (parts.length == 1) {
            return subject.equals(pattern);
        }
        // The first part anchors at the start, the last at the end, the rest match in order.
        if (!subject.startsWith(parts[0])) {
            return false;
        }
        int at = parts[0].length();
        int last = parts.length - 1;
        for (int i = 1; i < last; i++) {
            int found = subject.indexOf(parts[i], at);
            if (found < 0) {
                return false;
            }
            at = found + parts[i].length();
        }
        return subject.length() - at >= parts[last].length() && subject.endsWith(parts[last]);
    }

    /** True when any of {@code patterns} matches {@code subject}. */
    public static boolean anyMatches(Collection<String> patterns, String subject) {
        return patterns.stream().anyMatch(p -> matches(p, subject));
    }
}
