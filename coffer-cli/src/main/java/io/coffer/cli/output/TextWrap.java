package io.coffer.cli.output;

/** Wraps prose at word boundaries, as the vault CLI does for its advisory paragraphs. */
public final class TextWrap {

    /** The vault CLI's line length for wrapped text. */
    public static final int LINE_LENGTH = 78;

    private TextWrap() {
    }

    /** {@code text} broken into lines of at most {@code width} characters; longer words stay whole. */
    public static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (String word : text.strip().split("\\s+")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                out.append('\n');
                lineLength = 0;
            } else if (lineLength > 0) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
        }
        return out.toString();
    }

    public static String wrap(String text) {
        return wrap(text, LINE_LENGTH);
    }
}
