package io.coffer.cli.auth;

/** Auth mount paths as the vault CLI sends and prints them: no leading slash, one trailing slash. */
final class AuthMountPaths {

    private AuthMountPaths() {
    }

    /** {@code " /userpass// "} as {@code "userpass/"}; "" stays "". */
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
