package io.coffer.core.audit.file;

import io.coffer.core.error.CofferException;

/**
 * The {@code free_space_warn} option: warn when the audit volume has less free space than a
 * percentage of its size ({@code "10%"}) or a number of bytes ({@code "1073741824"}); {@code 0}
 * turns the warning off.
 *
 * @param percent the threshold as a percentage of the volume, or -1 when given in bytes
 * @param bytes   the threshold in bytes, when not a percentage
 */
record FreeSpaceThreshold(double percent, long bytes) {

    static final FreeSpaceThreshold DEFAULT = new FreeSpaceThreshold(10, 0);

    static FreeSpaceThreshold parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        String t = text.trim();
        try {
            if (t.endsWith("%")) {
                double p = Double.parseDouble(t.substring(0, t.length() - 1).trim());
                if (p >= 0 && p <= 100) {
                    return new FreeSpaceThreshold(p, 0);
                }
            } else {
                long b = Long.parseLong(t);
                if (b >= 0) {
                    return new FreeSpaceThreshold(-1, b);
                }
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below.
        }
        throw CofferException.invalid("option \"free_space_warn\" must be a percentage of the volume from 0% to 100%"
                + " (default 10%) or a number of bytes; 0 turns the warning off");
    }

    /** The threshold in bytes on a volume of {@code totalBytes}. */
    long bytesOf(long totalBytes) {
        return percent < 0 ? bytes : (long) (totalBytes * (percent / 100.0));
    }
}
