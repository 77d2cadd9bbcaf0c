package io.coffer.cli.path;

/** The path argument of the generic path commands. */
final class ApiPaths {

    private ApiPaths() {
    }

    /** {@code path} without surrounding blanks and leading or trailing slashes, as the vault CLI sends it. */
    static String sanitize(String path) {
        String trimmed = path.strip();
        int start = 0;
        int end = trimmed.length();
        while (start < end && trimmed.charAt(start) == '/') {
            start++;
        }
        while (end > start && trimmed.charAt(end - 1) == '/') {
            end--;
        }
        return trimmed.substring(start, end);
    }
}
