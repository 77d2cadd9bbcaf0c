package io.coffer.core.policy;

import io.coffer.core.error.ClientText;
import io.coffer.core.error.CofferException;

/**
 * A policy document that cannot be used: a 400 whose message says where (line and column, or the
 * path block) and what is wrong, prefixed like Vault's {@code failed to parse policy:}. Policy
 * text is configuration, not a secret, so short excerpts of it (a key, a capability name) may
 * appear in the message, but only in {@link ClientText}'s escaped, length-limited form: the
 * document is the client's.
 */
public final class PolicyParseException extends CofferException {

    private static final String PREFIX = "failed to parse policy: ";

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

    /** An excerpt of the document as a message may show it, to be put between quotes. */
    static String clip(String s) {
        return ClientText.escape(s);
    }
}
