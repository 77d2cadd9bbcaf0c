package io.coffer.cli.policy;

import java.util.Locale;

/** Policy names as the API stores them. */
final class PolicyNames {

    static final String API_PREFIX = "sys/policies/acl/";

    private PolicyNames() {
    }

    /** Policy names are case-insensitive; the server keeps them lowercase, so the CLI sends them so. */
    static String normalize(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
