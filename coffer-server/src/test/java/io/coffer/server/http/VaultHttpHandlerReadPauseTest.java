package io.coffer.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading from a connection stays on while requests are served one at a time (pausing it for each
 * request costs two syscalls), and pauses once a client has queued {@link VaultHttpHandler#MAX_QUEUED}
 * pipelined requests, so a client that never reads its answers cannot queue unbounded work.
 */
class VaultHttpHandlerReadPauseTest {

    /** Holds the in-flight request's work without running it, so the connection's queue only grows. */
    private final List<Runnable> heldWork = new ArrayList<>();

    @Test
    void readingStaysOnForOneRequestInFlight_andPausesOnlyWhenTheQueueIsFull() {
        EmbeddedChannel channel = new EmbeddedChannel(new VaultHttpHandler(null, null, heldWork::add));
        try {
            channel.writeInbound(request());
            assertThat(heldWork).hasSize(1);
            assertThat(channel.config().isAutoRead()).isTrue();

            for (int queued = 1; queued < VaultHttpHandler.MAX_QUEUED; queued++) {
                channel.writeInbound(request());
                assertThat(channel.config().isAutoRead()).as("after %d queued", queued).isTrue();
            }
            channel.writeInbound(request());
            assertThat(channel.config().isAutoRead()).isFalse();
            // Still one request in flight: the queued ones wait their turn, in order.
            assertThat(heldWork).hasSize(1);
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    private static DefaultFullHttpRequest request() {
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/v1/sys/health");
    }
}
