package io.coffer.cli.audit;

/** Audit device paths as the vault CLI sends and prints them: no leading slash, one trailing slash. */
final class AuditPaths {

    static final String API_PREFIX = "sys/audit/";

    private AuditPaths() {
    }

    /** {@code " /file// "} as {@code "file/"}; "" stays "". */
    static String normalize(String path) {
        String trimmed = path.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? "" : trimmed + "/";
    }
}
