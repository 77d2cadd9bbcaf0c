package io.coffer.core.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Positional reads of audit files, shared by the writer (which continues files) and the verifier. */
public final class ChainFileBytes {

    private ChainFileBytes() {
    }

    /** The length of the file's first {@code length} bytes up to and including their last newline. */
    public static long completeLength(FileChannel ch, long length) throws IOException {
        return length == 0 ? 0 : lastIndexOfNewline(ch, length) + 1;
    }

    /** The index of the last {@code '\n'} before {@code end}, or -1. */
    public static long lastIndexOfNewline(FileChannel ch, long end) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(8192);
        long pos = end;
        while (pos > 0) {
            int n = (int) Math.min(buf.capacity(), pos);
            long from = pos - n;
            buf.clear().limit(n);
            readFully(ch, buf, from);
            for (int i = n - 1; i >= 0; i--) {
                if (buf.get(i) == '\n') {
                    return from + i;
                }
            }
            pos = from;
        }
        return -1;
    }

    /** Fills {@code buf} from {@code position}; fails if the file ends first. */
    public static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long at = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, at);
            if (n < 0) {
                throw new IOException("unexpected end of audit file");
            }
            at += n;
        }
    }
}
