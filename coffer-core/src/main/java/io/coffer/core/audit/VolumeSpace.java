package io.coffer.core.audit;

/**
 * The space left on the volume an audit device writes to, as last measured: the gauge behind the
 * {@code free_space_warn} warning. A full audit volume stops the server (auditing fails closed), so
 * this is what to alert on.
 *
 * @param freeBytes      bytes the server may still write there
 * @param totalBytes     size of the volume
 * @param warnBelowBytes the {@code free_space_warn} threshold in bytes; 0 when warnings are off
 */
public record VolumeSpace(long freeBytes, long totalBytes, long warnBelowBytes) {

    /** True when free space is under the threshold: the device logs a warning. */
    public boolean low() {
        return freeBytes < warnBelowBytes;
    }
}
