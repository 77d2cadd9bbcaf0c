package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP/1.1 pipelining: requests sent back to back on one connection are answered in order. */
class HttpPipeliningTest {

    static CofferServer server;

    @BeforeAll
    static void start() {
        server = DevServer.start();
        new Http(server.url()).send("POST", "/v1/secret/data/pipelined", DevServer.ROOT_TOKEN, "{\"data\":{\"k\":\"v\"}}");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pipelinedRequests_areAnsweredInOrder_andTheConnectionKeepsServing() throws IOException {
        try (RawHttp client = RawHttp.connect(server, 10_000)) {
            for (int batch = 0; batch < 5; batch++) {
                // Alternate a KV read (200, barrier decryption) with a cheaper miss (404), all in one write.
                List<Integer> expected = new ArrayList<>();
                StringBuilder requests = new StringBuilder();
                for (int i = 0; i < 40; i++) {
                    String key = i % 2 == 0 ? "pipelined" : "missing-" + i;
                    requests.append("GET /v1/secret/data/").append(key).append(" HTTP/1.1\r\nHost: coffer\r\n")
                            .append("X-Vault-Token: ").append(DevServer.ROOT_TOKEN).append("\r\n\r\n");
                    expected.add(i % 2 == 0 ? 200 : 404);
                }
                client.send(requests.toString());
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < expected.size(); i++) {
                    statuses.add(client.response().status());
                }
                assertThat(statuses).isEqualTo(expected);
            }
            // After the queue drained, the connection reads again.
            assertThat(client.send("GET /v1/sys/health HTTP/1.1\r\nHost: coffer\r\n\r\n").response().status()).isEqualTo(200);
        }
    }
}
