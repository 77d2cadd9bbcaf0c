package io.coffer.core.storage;


/** Validation and ordering rules for storage keys, shared by every backend. */
public final class StorageKeys {

    private StorageKeys() {
    }

    /** Throws {@link IllegalArgumentException} when {@code key} breaks the key rules of {@link StorageBackend}. */
    public static String requireValidKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("storage key must not be empty");
        }
        if (key.startsWith("/") || key.endsWith("/") || key.contains("//")) {
            throw new IllegalArgumentException("storage key has an empty segment");
        }
        requireWellFormed(key, "storage key");
        return key;
    }

    /** Throws {@link IllegalArgumentException} unless {@code prefix} is empty or ends with {@code /}. */
    public static String requireValidPrefix(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("prefix must not be null");
        }
        if (!prefix.isEmpty() && (!prefix.endsWith("/") || prefix.startsWith("/") || prefix.contains("//"))) {
            throw new IllegalArgumentException("prefix must be empty or end with '/' and have no empty segment");
        }
        requireWellFormed(prefix, "prefix");
        return prefix;
    }

    /**
     * Rejects unpaired surrogates. Backends store keys as UTF-8, where an unpaired surrogate has no
     * encoding: drivers silently replace it with {@code ?}, so {@code a} followed by a lone
     * surrogate would alias the key {@code a?}. Such strings can arrive through JSON escapes, so
     * they are refused here rather than trusted to never occur.
     */
    private static void requireWellFormed(String s, String what) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(what + " is not well-formed Unicode (unpaired surrogate)");
            }
        }
    }

    /** What can be wrong with the segments of a {@code /}-separated path. */
    public enum SegmentProblem {
        NONE,
        /** a leading, trailing or double {@code /} */
        EMPTY,
        /** a {@code .} or {@code ..} segment */
        RELATIVE
    }

    /**
     * The first problem among the segments of {@code path} (split at every {@code /}), found
     * without allocating: every request path and storage key is checked on the request path.
     */
    public static SegmentProblem segmentProblem(String path) {
        int start = 0;
        int n = path.length();
        while (true) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = n;
            }
            int length = end - start;
            if (length == 0) {
                return SegmentProblem.EMPTY;
            }
            if (path.charAt(start) == '.' && (length == 1 || (length == 2 && path.charAt(start + 1) == '.'))) {
                return SegmentProblem.RELATIVE;
            }
            if (end == n) {
                return SegmentProblem.NONE;
            }
            start = end + 1;
        }
    }

    /** List order: by UTF-8 bytes, unsigned, so that every backend sorts alike. */
    public static int compare(String a, String b) {
        // UTF-8 byte order is code point order, so compare code points instead of encoding both
        // strings: in-memory lookups compare keys many times each.
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /**
     * The list entry that {@code key} contributes under {@code prefix}: its next segment, with a
     * trailing {@code /} when deeper keys exist below it. {@code key} must start with {@code prefix}.
     */
    public static String childOf(String prefix, String key) {
        String rest = key.substring(prefix.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash + 1);
    }
}
