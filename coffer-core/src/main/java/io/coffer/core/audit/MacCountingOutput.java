package io.coffer.core.audit;

import java.io.OutputStream;
import javax.crypto.Mac;

/** Feeds everything written to a {@link Mac} and counts it, keeping nothing: measures a field without holding it. */
final class MacCountingOutput extends OutputStream {

    private final Mac mac;
    private long count;

    MacCountingOutput(Mac mac) {
        this.mac = mac;
    }

    @Override
    public void write(int b) {
        mac.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        mac.update(bytes, offset, length);
        count += length;
    }

    long count() {
        return count;
    }
}
