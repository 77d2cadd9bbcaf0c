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
 * Reading from a connection stays on while a client waits for each answer (pausing it around every
 * request costs two syscalls per request), and pauses as soon as a request arrives while another is
 * in flight, so a pipelining client that never reads its answers cannot queue unbounded work.
 */
class VaultHttpHandlerReadPauseTest {

    /** Holds the in-flight request's work without running it, so the connection's queue only grows. */
    private final List<Runnable> heldWork = new ArrayList<>();

    @Test
    void readingStaysOnForTheRequestInFlight_andPausesWhenASecondOneIsPipelinedBehindIt() {
        EmbeddedChannel channel = new EmbeddedChannel(new VaultHttpHandler(null, null, heldWork::add,
                new RequestBodyMemory(Long.MAX_VALUE).newConnection()));
        try {
            channel.writeInbound(request());
            assertThat(heldWork).hasSize(1);
            assertThat(channel.config().isAutoRead()).isTrue();

            channel.writeInbound(request());
            assertThat(channel.config().isAutoRead()).isFalse();
            // Still one request in flight: the queued one waits its turn.
            assertThat(heldWork).hasSize(1);
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void aClientThatDoesNotTakeItsAnswers_pausesServingAndReading_untilItDoes() {
        EmbeddedChannel channel = new EmbeddedChannel(new VaultHttpHandler(null, null, heldWork::add,
                new RequestBodyMemory(Long.MAX_VALUE).newConnection()));
        try {
            channel.writeInbound(answeredWithoutTheCore());
            channel.writeInbound(answeredWithoutTheCore());
            assertThat(heldWork).hasSize(1);
            // The client's receive window is full: answers stay in the server's write buffer.
            channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
            heldWork.removeFirst().run();
            channel.runPendingTasks();
            assertThat(channel.outboundMessages()).hasSize(1);
            assertThat(heldWork).as("the queued request waits for the client").isEmpty();
            assertThat(channel.config().isAutoRead()).isFalse();

            channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
            channel.runPendingTasks();
            assertThat(heldWork).hasSize(1);
            heldWork.removeFirst().run();
            channel.runPendingTasks();
            assertThat(channel.outboundMessages()).hasSize(2);
            assertThat(channel.config().isAutoRead()).isTrue();
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    /** Refused (HEAD is for sys/health only) before the core is reached: the test needs no core. */
    private static DefaultFullHttpRequest answeredWithoutTheCore() {
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.HEAD, "/v1/secret/data/x");
    }

    private static DefaultFullHttpRequest request() {
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/v1/sys/health");
    }
}
