package io.coffer.core.error;

/**
 * The one way a value taken from a request (a name, a path segment, a header, a JSON field name,
 * a label) may appear in an error message, and so in the answer and in the audit record's error
 * field. A message that quoted the value as sent would reflect whatever the client chose: control
 * characters and line breaks that forge log or audit lines, escape sequences for a terminal,
 * invalid or look-alike Unicode, or a megabyte of text written back once per request.
 *
 * <p>The safe form keeps printable ASCII as it is and writes every other character, and the
 * quote characters and backslash, as {@code \}{@code uXXXX}; it is cut after {@value #MAX_CHARS}
 * characters of output, marked with {@value #TRUNCATED}. A secret value must still never be passed
 * here: this bounds and neutralizes text, it does not hide it.
 */
public final class ClientText {

    /** Characters of the escaped form kept at most, the marker not counted. */
    public static final int MAX_CHARS = 64;
    /** Appended when the escaped form was cut. */
    public static final String TRUNCATED = "...(truncated)";

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ClientText() {
    }

    /** The safe form of {@code text} between double quotes, e.g. {@code "app/db"}; {@code null} gives {@code null}. */
    public static String quote(String text) {
        return text == null ? "null" : '"' + escape(text) + '"';
    }

    /** The safe form of {@code text} without quotes around it, for messages that use their own quoting. */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        if (isPlain(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + TRUNCATED.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean plain = plain(c);
            if (out.length() + (plain ? 1 : 6) > MAX_CHARS) {
                out.append(TRUNCATED);
                return out.toString();
            }
            if (plain) {
                out.append(c);
            } else {
                out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                        .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /** Short and printable throughout: the common case, returned as it is without copying. */
    private static boolean isPlain(String text) {
        if (text.length() > MAX_CHARS) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!plain(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean plain(char c) {
        return c >= 0x20 && c < 0x7f && c != '"' && c != '\'' && c != '\\';
    }
}
