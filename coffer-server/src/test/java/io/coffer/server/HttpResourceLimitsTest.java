package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.storage.ReadHookStorage;
import io.coffer.server.config.ServerConfig;
import io.coffer.server.http.HttpLoad;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listener's resource limits, through raw sockets against a server on a free port, with short
 * timeouts so every case ends in seconds: clients that never finish their headers or bodies are
 * cut off, connection caps refuse the extra connection, and half-sent bodies cannot hold more
 * memory than the budget, which returns to zero when their clients go away.
 */
class HttpResourceLimitsTest {

    private static final String TOKEN = DevServer.ROOT_TOKEN;

    @TempDir
    Path dir;

    private static CofferServer start(ServerConfig.Builder limits) {
        return CofferServer.start(limits.dev(true).devRootToken(TOKEN).listen("127.0.0.1:0").build(), c -> {
            throw new IllegalStateException("dev mode uses memory");
        });
    }

    private static ServerConfig.Builder shortTimeouts() {
        return ServerConfig.builder().readHeaderTimeout("1s").readTimeout("2s").idleTimeout("3s");
    }

    @Test
    void headersNotCompleteInTime_get408AndTheConnectionIsClosed() throws Exception {
        try (CofferServer server = start(shortTimeouts()); RawHttp client = RawHttp.connect(server, 6_000)) {
            long started = System.nanoTime();
            client.send("GET /v1/sys/health HTTP/1.1\r\nHost: coffer\r\nX-Half: ");

            RawHttp.Response response = client.response();

            assertThat(response.status()).isEqualTo(408);
            assertThat(response.body()).contains("not received in time");
            assertThat(client.closedByServer()).isTrue();
            assertThat(seconds(started)).isBetween(0.8, 5.0);
            assertThat(server.httpLoad().timedOutRequests()).isEqualTo(1);
        }
    }

    @Test
    void headersTrickledByteByByte_areCutOffAtTheHeaderTimeout() throws Exception {
        try (CofferServer server = start(shortTimeouts()); RawHttp client = RawHttp.connect(server, 6_000)) {
            long started = System.nanoTime();
            client.send("GET /v1/sys/health HTTP/1.1\r\n");
            // Each byte resets an idle timer; the header deadline does not move.
            boolean cutOff = false;
            for (int i = 0; i < 30 && !cutOff; i++) {
                Thread.sleep(200);
                try {
                    client.send("X");
                } catch (IOException closed) {
                    cutOff = true;
                }
            }
            assertThat(cutOff || client.closedByServer()).isTrue();
            assertThat(seconds(started)).isLessThan(5.0);
        }
    }

    @Test
    void aConnectionThatSendsNothing_isClosedQuietlyAfterTheHeaderTimeout() throws Exception {
        try (CofferServer server = start(shortTimeouts()); RawHttp client = RawHttp.connect(server, 6_000)) {
            long started = System.nanoTime();
            assertThat(client.closedQuietlyByServer()).isTrue();
            assertThat(seconds(started)).isBetween(0.8, 5.0);
        }
    }

    @Test
    void bodyStalledMidway_gets408AndTheConnectionIsClosed() throws Exception {
        try (CofferServer server = start(shortTimeouts()); RawHttp client = RawHttp.connect(server, 7_000)) {
            long started = System.nanoTime();
            client.send("POST /v1/secret/data/stalled HTTP/1.1\r\nHost: coffer\r\nX-Vault-Token: " + TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"data\":{\"k\":");

            assertThat(client.response().status()).isEqualTo(408);
            assertThat(client.closedByServer()).isTrue();
            assertThat(seconds(started)).isBetween(1.8, 6.0);
            awaitTrue(() -> server.httpLoad().heldRequestBytes() == 0);
        }
    }

    @Test
    void keepAliveConnection_waitsLongerThanTheHeaderTimeoutBetweenRequests_thenIsClosedWhenIdle() throws Exception {
        try (CofferServer server = start(shortTimeouts()); RawHttp client = RawHttp.connect(server, 8_000)) {
            String health = "GET /v1/sys/health HTTP/1.1\r\nHost: coffer\r\n\r\n";
            assertThat(client.send(health).response().status()).isEqualTo(200);
            Thread.sleep(1_600); // past the 1 s header timeout, within the 3 s idle timeout
            assertThat(client.send(health).response().status()).isEqualTo(200);

            long idleSince = System.nanoTime();
            assertThat(client.closedByServer()).isTrue();
            assertThat(seconds(idleSince)).isBetween(2.5, 7.0);
        }
    }

    @Test
    void clientThatPipelinesAndNeverReadsItsAnswers_isClosedAfterTheIdleTimeout() throws Exception {
        try (CofferServer server = start(shortTimeouts())) {
            String value = "v".repeat(1024 * 1024);
            assertThat(new Http(server.url()).send("POST", "/v1/secret/data/large", TOKEN,
                    "{\"data\":{\"k\":\"" + value + "\"}}").status()).isEqualTo(200);
            try (RawHttp client = RawHttp.connect(server, 15_000)) {
                StringBuilder requests = new StringBuilder();
                for (int i = 0; i < 40; i++) {
                    requests.append("GET /v1/secret/data/large HTTP/1.1\r\nHost: coffer\r\nX-Vault-Token: ")
                            .append(TOKEN).append("\r\n\r\n");
                }
                client.send(requests.toString());
                long stalled = System.nanoTime();
                Thread.sleep(5_000); // reads nothing: the answers back up into the server
                assertThat(client.closedByServer()).isTrue();
                assertThat(seconds(stalled)).isLessThan(14.0);
            }
        }
    }

    @Test
    void slowServer_isNotMistakenForASlowClient() throws Exception {
        ReadHookStorage storage = new ReadHookStorage();
        ServerConfig config = shortTimeouts().listen("127.0.0.1:0").dataDir(dir).tlsDisable(true).build();
        try (CofferServer server = CofferServer.start(config, c -> storage); RawHttp client = RawHttp.connect(server, 15_000)) {
            storage.beforeGet(key -> sleep(3_500)); // longer than the read and idle timeouts
            long started = System.nanoTime();
            RawHttp.Response response = client.send("GET /v1/sys/init HTTP/1.1\r\nHost: coffer\r\n\r\n").response();

            assertThat(seconds(started)).isGreaterThan(3.0);
            assertThat(response.status()).isEqualTo(200);

            // A request pipelined behind a slow one: its header clock waits for the server.
            client.send("GET /v1/sys/init HTTP/1.1\r\nHost: coffer\r\n\r\n");
            Thread.sleep(200);
            client.send("GET /v1/sys/init HTTP/1.1\r\nHost: coffer\r\n");
            assertThat(client.response().status()).isEqualTo(200);
            storage.beforeGet(key -> { });
            Thread.sleep(500);
            assertThat(client.send("\r\n").response().status()).isEqualTo(200);
            assertThat(server.httpLoad().timedOutRequests()).isZero();
        }
    }

    @Test
    void connectionsOverThePerClientCap_areRefusedWith503() throws Exception {
        try (CofferServer server = start(ServerConfig.builder().maxConnections(100).maxConnectionsPerClient(3))) {
            List<RawHttp> admitted = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    admitted.add(RawHttp.connect(server, 5_000));
                }
                awaitTrue(() -> server.httpLoad().openConnections() == 3);
                try (RawHttp extra = RawHttp.connect(server, 5_000)) {
                    RawHttp.Response refusal = extra.response();
                    assertThat(refusal.status()).isEqualTo(503);
                    assertThat(refusal.body()).contains("too many open connections");
                    assertThat(extra.closedByServer()).isTrue();
                }
                // Another client address is not affected, and the admitted ones still work.
                try (RawHttp other = RawHttp.connect(server, "127.0.0.2", 5_000)) {
                    assertThat(other.send("GET /v1/sys/health HTTP/1.1\r\nHost: c\r\n\r\n").response().status()).isEqualTo(200);
                }
                assertThat(admitted.get(0).send("GET /v1/sys/health HTTP/1.1\r\nHost: c\r\n\r\n").response().status())
                        .isEqualTo(200);
                assertThat(server.httpLoad().refusedConnections()).isEqualTo(1);

                // A closed connection frees its place.
                admitted.remove(0).close();
                awaitTrue(() -> server.httpLoad().openConnections() == 2);
                admitted.add(RawHttp.connect(server, 5_000));
                assertThat(admitted.get(2).send("GET /v1/sys/health HTTP/1.1\r\nHost: c\r\n\r\n").response().status())
                        .isEqualTo(200);
            } finally {
                for (RawHttp c : admitted) {
                    c.close();
                }
            }
        }
    }

    @Test
    void connectionsOverTheTotalCap_areRefusedWhicheverClientOpensThem() throws Exception {
        try (CofferServer server = start(ServerConfig.builder().maxConnections(4).maxConnectionsPerClient(3))) {
            List<RawHttp> admitted = new ArrayList<>();
            try {
                for (String from : List.of("127.0.0.1", "127.0.0.1", "127.0.0.2", "127.0.0.3")) {
                    admitted.add(RawHttp.connect(server, from, 5_000));
                }
                awaitTrue(() -> server.httpLoad().openConnections() == 4);
                try (RawHttp extra = RawHttp.connect(server, "127.0.0.4", 5_000)) {
                    assertThat(extra.response().status()).isEqualTo(503);
                }
                assertThat(server.httpLoad().refusedConnections()).isEqualTo(1);
            } finally {
                for (RawHttp c : admitted) {
                    c.close();
                }
            }
            awaitTrue(() -> server.httpLoad().openConnections() == 0);
        }
    }

    @Test
    void halfSentBodies_cannotHoldMoreThanTheBudget_andTheBudgetReturnsToZero() throws Exception {
        int mib = 1024 * 1024;
        long budget = 4L * mib;
        try (CofferServer server = start(ServerConfig.builder().maxRequestBytes(mib).maxRequestMemory(budget))) {
            byte[] almostABody = new byte[900 * 1024];
            Arrays.fill(almostABody, (byte) 'a');
            List<RawHttp> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 12; i++) {
                    RawHttp client = RawHttp.connect(server, 5_000);
                    stalled.add(client);
                    try {
                        client.send(bodyHead(mib)).send(almostABody);
                    } catch (IOException refusedAndClosed) {
                        // the server may close before the whole prefix is written
                    }
                    assertThat(server.httpLoad().heldRequestBytes()).isLessThanOrEqualTo(budget);
                }
                // At most four bodies of 900 KiB fit in 4 MiB (which depends on the order the server
                // reads them in); every other one is refused at once. The server reads the
                // connections in parallel and reserves as bytes arrive, so a body can be refused
                // while a body refused an instant earlier still holds its part: then fewer than
                // four fit, never more, and every body is either refused or held whole.
                awaitTrue(() -> {
                    HttpLoad load = server.httpLoad();
                    return load.refusedRequestBodies() >= 8 && load.refusedRequestBodies() < 12
                            && load.heldRequestBytes() == (12 - load.refusedRequestBodies()) * (long) almostABody.length;
                }, () -> server.httpLoad().toString());
                long refusedBodies = server.httpLoad().refusedRequestBodies();
                int refused = 0;
                for (RawHttp client : stalled) {
                    client.readTimeout(300);
                    if (!client.nothingToRead()) {
                        RawHttp.Response refusal = client.readTimeout(5_000).response();
                        assertThat(refusal.status()).isEqualTo(503);
                        assertThat(refusal.body()).contains("too many request bodies in memory");
                        assertThat(client.closedByServer()).isTrue();
                        refused++;
                    }
                }
                assertThat(refused).isEqualTo(refusedBodies);
            } finally {
                for (RawHttp c : stalled) {
                    c.abort();
                }
            }
            awaitTrue(() -> server.httpLoad().heldRequestBytes() == 0);

            // Many more aborted half bodies leak nothing, and full bodies are accepted again.
            for (int i = 0; i < 40; i++) {
                RawHttp client = RawHttp.connect(server, 5_000);
                client.send(bodyHead(mib)).send(Arrays.copyOf(almostABody, 100 * 1024));
                client.abort();
            }
            awaitTrue(() -> server.httpLoad().heldRequestBytes() == 0 && server.httpLoad().openConnections() == 0);
            try (RawHttp client = RawHttp.connect(server, 10_000)) {
                String body = "{\"data\":{\"k\":\"" + "v".repeat(mib / 2) + "\"}}";
                client.send("POST /v1/secret/data/big HTTP/1.1\r\nHost: coffer\r\nX-Vault-Token: " + TOKEN
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
                assertThat(client.response().status()).isEqualTo(200);
            }
            awaitTrue(() -> server.httpLoad().heldRequestBytes() == 0);
        }
    }

    @Test
    void awsDoorBodyOverTheBudget_getsAnAwsShapedServiceUnavailable() throws Exception {
        int mib = 1024 * 1024;
        try (CofferServer server = start(ServerConfig.builder().maxRequestBytes(mib).maxRequestMemory(mib));
                RawHttp holder = RawHttp.connect(server, 5_000); RawHttp aws = RawHttp.connect(server, 5_000)) {
            holder.send(bodyHead(mib)).send(new byte[900 * 1024]);
            awaitTrue(() -> server.httpLoad().heldRequestBytes() == 900 * 1024);
            aws.send("POST / HTTP/1.1\r\nHost: coffer\r\nX-Amz-Target: secretsmanager.GetSecretValue\r\n"
                    + "Content-Type: application/x-amz-json-1.1\r\nContent-Length: " + mib + "\r\n\r\n");
            try {
                aws.send(new byte[200 * 1024]);
            } catch (IOException refusedAndClosed) {
                // the server may close before the whole prefix is written
            }
            RawHttp.Response refusal = aws.response();
            assertThat(refusal.status()).isEqualTo(503);
            assertThat(refusal.body()).contains("\"__type\":\"ServiceUnavailable\"");
        }
    }

    @Test
    void chunkedBodiesWithoutContentLength_countAgainstTheBudgetToo() throws Exception {
        int mib = 1024 * 1024;
        try (CofferServer server = start(ServerConfig.builder().maxRequestBytes(mib).maxRequestMemory(mib))) {
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            byte[] chunkHead = (Integer.toHexString(chunk.length) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            String head = "POST /v1/secret/data/chunked HTTP/1.1\r\nHost: coffer\r\nX-Vault-Token: " + TOKEN
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
            try (RawHttp first = RawHttp.connect(server, 5_000); RawHttp second = RawHttp.connect(server, 5_000)) {
                first.send(head);
                for (int i = 0; i < 10; i++) { // 640 KiB held, body not finished
                    first.send(chunkHead).send(chunk).send("\r\n");
                }
                awaitTrue(() -> server.httpLoad().heldRequestBytes() == 10L * chunk.length);
                second.send(head);
                try {
                    for (int i = 0; i < 10; i++) {
                        second.send(chunkHead).send(chunk).send("\r\n");
                    }
                } catch (IOException refusedAndClosed) {
                    // expected once the budget is exhausted
                }
                assertThat(second.response().status()).isEqualTo(503);
                assertThat(server.httpLoad().heldRequestBytes()).isLessThanOrEqualTo(mib);
            }
            awaitTrue(() -> server.httpLoad().heldRequestBytes() == 0);
        }
    }

    private static String bodyHead(int contentLength) {
        return "POST /v1/secret/data/half HTTP/1.1\r\nHost: coffer\r\nX-Vault-Token: " + TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        awaitTrue(condition, () -> "");
    }

    private static void awaitTrue(BooleanSupplier condition, Supplier<String> state) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("condition not met within 5 s " + state.get());
            }
            Thread.sleep(20);
        }
    }

    /** Stands for a slow server: a read that takes {@code millis}. */
    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
