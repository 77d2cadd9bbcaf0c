package io.coffer.core.audit;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growing byte buffer that refuses to grow past a limit: the write that would cross it throws
 * {@link TooLarge}, so rendering an oversized record stops at the limit instead of allocating the
 * whole record. Later writes (a generator flushing on close) are dropped.
 */
final class BoundedOutput extends OutputStream {

    /** The record would exceed the limit. Carries no stack trace: it is control flow on a rare path. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("audit record exceeds its size limit", null, false, false);
        }
    }

    private final int limit;
    private byte[] buffer;
    private int size;
    private boolean exceeded;

    BoundedOutput(int initialCapacity, int limit) {
        this.limit = limit;
        this.buffer = new byte[Math.max(16, initialCapacity)];
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (exceeded) {
            return;
        }
        if (length > limit - size) {
            exceeded = true;
            throw new TooLarge();
        }
        if (size + length > buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(limit, Math.max(size + (long) length, 2L * buffer.length)));
        }
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }
}
