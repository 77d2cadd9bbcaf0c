package io.coffer.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Request;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the Vault door's envelope: raw request bytes go through the listener's own HTTP codec
 * and body aggregator, and every request that comes out is decoded into a core request (verb to
 * operation, path checks, token, JSON body or query string to data) and classified by the AWS
 * door's router check. A request may be refused, but only with a {@link CofferException} of a
 * client kind or the 415 of a wrong PATCH media type; anything else thrown, or an input that
 * takes seconds, is a bug.
 *
 * <p>The input is the bytes a client sends on a connection. Seeds and past findings are in
 * {@code src/test/resources/io/coffer/server/http/VaultRequestDecoderFuzzTestInputs/}.
 */
class VaultRequestDecoderFuzzTest {

    @FuzzTest(maxDuration = "5m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void decode_anyBytes_yieldARequestOrAClientError(byte[] input) {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec(), new BodyLimitAggregator(64 * 1024,
                new RequestBodyMemory(Long.MAX_VALUE).newConnection(), () -> false));
        try {
            try {
                channel.writeInbound(Unpooled.wrappedBuffer(input));
                channel.finish();
            } catch (Exception codecError) {
                // The listener's handler closes the connection on any codec error (exceptionCaught):
                // the client gets no answer, not a 5xx. Requests decoded before it are still served.
            }
            for (Object message; (message = channel.readInbound()) != null;) {
                if (message instanceof FullHttpRequest http) {
                    try {
                        decode(http);
                    } finally {
                        http.release();
                    }
                }
            }
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    private static void decode(FullHttpRequest http) {
        if (http.decoderResult().isFailure()) {
            return; // answered 400 "malformed HTTP request" before any decoding
        }
        AwsDoor.accepts(http);
        try {
            Request request = VaultRequestDecoder.decode(http, "127.0.0.1", "fuzz");
            assertThat(request.path()).doesNotStartWith("/").doesNotContain("//");
        } catch (CofferException refused) {
            assertThat(VaultErrors.status(refused.kind()).code()).as(refused.getMessage()).isBetween(400, 499);
        } catch (VaultRequestDecoder.UnsupportedMediaType expected) {
            // 415
        }
    }
}
