package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        try (Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
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
                out.write(requests.toString().getBytes(StandardCharsets.US_ASCII));
                out.flush();
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < expected.size(); i++) {
                    statuses.add(readResponseStatus(in));
                }
                assertThat(statuses).isEqualTo(expected);
            }
            // After the queue drained, the connection reads again.
            out.write(("GET /v1/sys/health HTTP/1.1\r\nHost: coffer\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponseStatus(in)).isEqualTo(200);
        }
    }

    /** Reads one response (status line, headers, Content-Length body) and returns its status. */
    private static int readResponseStatus(InputStream in) throws IOException {
        String statusLine = readLine(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        int length = 0;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring("content-length:".length()).trim());
            }
        }
        assertThat(in.readNBytes(length)).hasSize(length);
        return status;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("connection closed mid-response");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
