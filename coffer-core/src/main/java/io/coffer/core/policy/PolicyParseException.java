package io.coffer.core.policy;

import io.coffer.core.error.CofferException;

/**
 * A policy document that cannot be used: a 400 whose message says where (line and column, or the
 * path block) and what is wrong, prefixed like Vault's {@code failed to parse policy:}. Policy
 * text is configuration, not a secret, so short excerpts of it (a key, a capability name) may
 * appear in the message.
 */
public final class PolicyParseException extends CofferException {

    private static final String PREFIX = "failed to parse policy: ";
    private static final int MAX_EXCERPT = 80;

    private PolicyParseException(String message) {
        super(Kind.INVALID_REQUEST, PREFIX + message);
    }

    /** A syntax error at a position of the document (1-based line and column). */
    static PolicyParseException at(int line, int column, String message) {
        return new PolicyParseException("line " + line + ", column " + column + ": " + message);
    }

    /** A problem inside the block {@code path "<path>"}, declared at {@code line} (0 when unknown). */
    static PolicyParseException inPath(String path, int line, String message) {
        return new PolicyParseException("path \"" + clip(path) + "\"" + (line > 0 ? " (line " + line + ")" : "") + ": " + message);
    }

    /** A problem with the document as a whole. */
    static PolicyParseException document(String message) {
        return new PolicyParseException(message);
    }

    /** Shortens an excerpt of the document for a message. */
    static String clip(String s) {
        return s.length() > MAX_EXCERPT ? s.substring(0, MAX_EXCERPT) + "..." : s;
    }
}
