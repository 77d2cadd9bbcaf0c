package io.coffer.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.core.error.CofferException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Inputs the fuzzers found (docs/security.md, "Fuzzing"), each a plain regression test. */
class VaultRequestDecoderTest {

    @ParameterizedTest
    @ValueSource(strings = {"/v1/auth/token/accessors%", "/v1/secret/data/a%zz", "/v1/secret/data/a%4",
            "/v1/secret/data/a?version=%", "/v1/secret/data/a?x%zz=1", "/v1/secret/data/a?list=%g0"})
    void decode_malformedPercentEncoding_is400AndEchoesNothing(String uri) {
        DefaultFullHttpRequest http = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
        try {
            CofferException e = catchThrowableOfType(CofferException.class,
                    () -> VaultRequestDecoder.decode(http, "127.0.0.1", "id"));

            assertThat(e).as(uri).isNotNull();
            assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
            assertThat(e.getMessage()).contains("malformed percent-encoding").doesNotContain("%").doesNotContain("secret/");
        } finally {
            http.release();
        }
    }
}
