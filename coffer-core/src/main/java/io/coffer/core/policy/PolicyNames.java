package io.coffer.core.policy;

import io.coffer.core.error.CofferException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The one normalization of ACL policy names. Every name that is attached to anything (a token, a
 * token role, an auth method's role or user, an access key), every name in a policy's own path,
 * and every name the ACL lookup resolves goes through {@link #normalize}, so the name checked
 * against {@code root}, {@code allowed_policies} and {@code disallowed_policies} is exactly the
 * name that later decides what a token may do.
 *
 * <p>As in Vault, surrounding whitespace is trimmed and letters are lower-cased. Unlike Vault,
 * which trims any Unicode space and lower-cases any Unicode letter, only ASCII is accepted: a name
 * is ASCII letters, digits and {@code - _ . / @ + = :}, with {@code /} separating non-empty
 * segments that are not {@code .} or {@code ..}; only ASCII space, tab, CR, LF, VT and FF are
 * trimmed. Anything else (inner whitespace, control characters, zero-width and other format
 * characters, non-ASCII spaces, letters that merely look like ASCII or lower-case to it, such as
 * the Kelvin sign) is refused with a 400 rather than mapped, so no two spellings that a person
 * reads differently can end up as the same policy. Errors name the offending character by code
 * point and position and never repeat the name.
 *
 * <p>The functions are pure and thread-safe; a name that is already normalized is returned as
 * the same instance, so the per-request ACL lookup allocates nothing for it.
 */
public final class PolicyNames {

    /** The policy that grants everything; only a root token may grant it. */
    public static final String ROOT = "root";
    /** The policy every token gets unless it opts out. */
    public static final String DEFAULT = "default";

    private static final String EXTRA_CHARACTERS = "-_./@+=:";
    private static final String ALLOWED = "ASCII letters, digits and - _ . / @ + = :";

    private PolicyNames() {
    }

    /**
     * The normalized form of a policy name: trimmed of ASCII whitespace and lower-cased; the empty
     * string for a blank name (lists drop those, as Vault does). Throws {@code INVALID_REQUEST}
     * for any other character than those allowed, or for an empty, {@code .} or {@code ..}
     * segment.
     */
    public static String normalize(String given) {
        return normalize(given, false);
    }

    /**
     * {@link #normalize} for a policy glob (a token role's {@code allowed_policies_glob} and
     * {@code disallowed_policies_glob}): the same rules, with {@code *} allowed as well.
     */
    public static String normalizeGlob(String given) {
        return normalize(given, true);
    }

    /**
     * Every name of {@code given} normalized, blank ones dropped, each once, in the order first
     * given. Throws {@code INVALID_REQUEST} on the first invalid name.
     */
    public static List<String> normalizeAll(Collection<String> given) {
        return normalizeEach(given, false);
    }

    /** {@link #normalizeAll} for globs. */
    public static List<String> normalizeAllGlobs(Collection<String> given) {
        return normalizeEach(given, true);
    }

    private static List<String> normalizeEach(Collection<String> given, boolean glob) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String name : given) {
            String n = normalize(name, glob);
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The name a stored name (of a token, an access key) resolves to in the ACL; empty when it is
     * blank or not a valid name, which then grants nothing. Data written before names were
     * validated may hold such names; they must never resolve to another policy.
     */
    static Optional<String> resolvable(String stored) {
        if (isNormalized(stored)) {
            return Optional.of(stored);
        }
        try {
            String n = normalize(stored);
            return n.isEmpty() ? Optional.empty() : Optional.of(n);
        } catch (CofferException invalid) {
            return Optional.empty();
        }
    }

    /** Whether {@code name} is a valid, non-empty name that {@link #normalize} returns unchanged. */
    static boolean isNormalized(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isLowerCaseNameCharacter(name.charAt(i))) {
                return false;
            }
        }
        return segmentsValid(name);
    }

    private static String normalize(String given, boolean glob) {
        int start = 0;
        int end = given.length();
        while (start < end && isAsciiSpace(given.charAt(start))) {
            start++;
        }
        while (end > start && isAsciiSpace(given.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return "";
        }
        boolean upper = false;
        for (int i = start; i < end; i++) {
            char c = given.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (!isLowerCaseNameCharacter(c) && !(glob && c == '*')) {
                throw CofferException.invalid("invalid policy " + (glob ? "glob" : "name") + ": character "
                        + codePoint(given, i) + " at position " + (i - start + 1) + " is not allowed; policy names may "
                        + "contain only " + ALLOWED + (glob ? " (and * in globs)" : ""));
            }
        }
        String trimmed = start == 0 && end == given.length() ? given : given.substring(start, end);
        String name = upper ? toLowerAscii(trimmed) : trimmed;
        if (!segmentsValid(name)) {
            throw CofferException.invalid("invalid policy " + (glob ? "glob" : "name")
                    + ": it must not start or end with '/' or contain empty, \".\" or \"..\" segments");
        }
        return name;
    }

    /** No empty, {@code .} or {@code ..} segment; a scan rather than a split, as the ACL lookup calls it per request. */
    private static boolean segmentsValid(String name) {
        int start = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '/') {
                int length = i - start;
                boolean dot = length == 1 && name.charAt(start) == '.';
                boolean dotDot = length == 2 && name.charAt(start) == '.' && name.charAt(start + 1) == '.';
                if (length == 0 || dot || dotDot) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }

    private static boolean isLowerCaseNameCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || EXTRA_CHARACTERS.indexOf(c) >= 0;
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
    }

    private static String toLowerAscii(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] = (char) (chars[i] + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    /** {@code U+XXXX} of the code point at {@code index}: names the character without echoing it. */
    private static String codePoint(String s, int index) {
        return String.format("U+%04X", s.codePointAt(index));
    }
}
