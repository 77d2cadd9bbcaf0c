package io.coffer.cli.kv;

import java.util.ArrayList;
import java.util.List;

/** Path helpers with the vault CLI's conventions. */
final class KvPaths {

    private KvPaths() {
    }

    /** Trims whitespace and any leading or trailing slashes: " /secret/foo/ " becomes "secret/foo". */
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

    /** Joins non-empty parts with single slashes, without a leading or trailing one. */
    static String join(String... parts) {
        List<String> segments = new ArrayList<>();
        for (String part : parts) {
            for (String segment : part.split("/")) {
                if (!segment.isEmpty()) {
                    segments.add(segment);
                }
            }
        }
        return String.join("/", segments);
    }

    /**
     * The KV v2 API path for {@code path} under {@code mountPath}: {@code secret/foo} with mount
     * {@code secret/} and prefix {@code data} becomes {@code secret/data/foo}; the mount itself
     * becomes {@code secret/data}.
     */
    static String withApiPrefix(String path, String mountPath, String apiPrefix) {
        String mount = sanitize(mountPath);
        String rest = sanitize(path);
        if (rest.equals(mount)) {
            return join(mount, apiPrefix);
        }
        if (rest.startsWith(mount + "/")) {
            rest = rest.substring(mount.length() + 1);
        }
        return join(mount, apiPrefix, rest);
    }
}
