package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.core.mount.MountEntry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flood of wrong-password userpass logins, every client under the per-client rate limit, against
 * a server whose login work pool has one thread (and so one waiting place): the logins the pool
 * cannot take are refused with 429 and {@code Retry-After} at once, KV reads with a valid token
 * keep answering promptly meanwhile, and the server works normally afterwards. A refused login is
 * audited as any refused login is.
 *
 * <p>Before the pool, every bcrypt check ran on a request's virtual thread and held one of the few
 * carrier threads for its whole length, so the reads queued behind the flood's checks.
 */
class LoginFloodHttpTest {

    static final String ROOT = DevServer.ROOT_TOKEN;
    /** Client addresses of the flood: all loopback, each its own rate-limit client. */
    static final List<String> FLOOD_CLIENTS = List.of("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5");
    static final int SENDERS_PER_CLIENT = 4;
    /** Each sender's pace: 4 senders x 8/s = 32 logins/s per client, under its 40/s with bursts of 80. */
    static final Duration SEND_INTERVAL = Duration.ofMillis(125);
    static final Duration FLOOD = Duration.ofSeconds(4);

    static CofferServer server;
    static Http http;
    @TempDir
    static Path auditDir;

    @BeforeAll
    static void start() {
        server = DevServer.start(b -> b.loginWorkers(1));
        http = new Http(server.url());
        server.node().handler().authMounts().mount("userpass/", "userpass", "", Map.of(), MountEntry.MountConfig.DEFAULT);
        assertThat(http.put("/v1/auth/userpass/users/alice", ROOT, "{\"password\":\"alice-pw-1\"}").status()).isEqualTo(204);
        assertThat(http.put("/v1/secret/data/app/db", ROOT, "{\"data\":{\"user\":\"svc\"}}").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One login attempt's outcome, as the client saw it. */
    record Attempt(int status, String body, String retryAfter, long nanos) {
    }

    @Test
    void loginFlood_getsPromptRefusals_whileReadsStayFast_andTheServerRecovers() throws Exception {
        List<Long> idleReads = readLatencies(Duration.ofSeconds(1));

        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        AtomicInteger transportErrors = new AtomicInteger();
        AtomicInteger names = new AtomicInteger();
        long floodEnds = System.nanoTime() + FLOOD.toNanos();
        List<Thread> senders = new ArrayList<>();
        for (String client : FLOOD_CLIENTS) {
            HttpClient from = HttpClient.newBuilder().localAddress(InetAddress.getByName(client))
                    .connectTimeout(Duration.ofSeconds(5)).build();
            for (int i = 0; i < SENDERS_PER_CLIENT; i++) {
                senders.add(Thread.ofVirtual().start(() -> {
                    while (System.nanoTime() < floodEnds) {
                        long began = System.nanoTime();
                        // A new user name each time (none exists): the per-user limit never applies,
                        // and an unknown user costs a full bcrypt check as a wrong password does.
                        String user = "ghost-" + names.incrementAndGet();
                        try {
                            HttpResponse<String> r = from.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/auth/userpass/login/" + user))
                                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                                    .PUT(HttpRequest.BodyPublishers.ofString("{\"password\":\"wrong\"}")).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            attempts.add(new Attempt(r.statusCode(), r.body(), r.headers().firstValue("Retry-After").orElse(null),
                                    System.nanoTime() - began));
                        } catch (IOException e) {
                            transportErrors.incrementAndGet();
                        } catch (InterruptedException e) {
                            return;
                        }
                        long rest = SEND_INTERVAL.toNanos() - (System.nanoTime() - began);
                        if (rest > 0) {
                            try {
                                Thread.sleep(Duration.ofNanos(rest));
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }
                }));
            }
        }
        Thread.sleep(500); // let the flood fill the pool
        List<Long> floodReads = readLatencies(Duration.ofSeconds(2));
        for (Thread t : senders) {
            t.join(Duration.ofSeconds(40));
        }

        List<Attempt> refused = attempts.stream().filter(a -> a.status() == 429).toList();
        List<Attempt> checked = attempts.stream().filter(a -> a.status() == 400).toList();
        assertThat(transportErrors.get()).as("connections failed").isZero();
        assertThat(attempts).as("every login was refused, by the pool or by bcrypt")
                .allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(400, 429));
        assertThat(checked).as("logins the pool took were checked and refused as wrong").isNotEmpty()
                .allSatisfy(a -> assertThat(a.body()).isEqualTo("{\"errors\":[\"invalid username or password\"]}"));
        assertThat(refused).as("logins the full pool refused (of %d attempts)", attempts.size()).isNotEmpty()
                .allSatisfy(a -> {
                    assertThat(a.body()).isEqualTo("{\"errors\":[\"too many logins are being checked at once; retry later\"]}");
                    assertThat(a.retryAfter()).isEqualTo("1");
                });
        // Refusals do not wait for a check: they come back well before a checked login does.
        assertThat(median(refused.stream().map(Attempt::nanos).toList()))
                .as("median 429 latency (ns) vs median checked login %d ns", median(checked.stream().map(Attempt::nanos).toList()))
                .isLessThan(Duration.ofMillis(250).toNanos())
                .isLessThan(median(checked.stream().map(Attempt::nanos).toList()));

        long idle = median(idleReads);
        long flooded = median(floodReads);
        // A loaded shared machine makes everything slower; what the flood must not do is make reads
        // wait for bcrypt checks (tens of milliseconds each, queued).
        assertThat(flooded).as("median KV read during the flood (ns); idle median %d ns, %d reads", idle, floodReads.size())
                .isLessThan(Math.max(Duration.ofMillis(40).toNanos(), 5 * idle));

        // Afterwards: a right password logs in, and the token it gets reads.
        Http.Reply login = http.put("/v1/auth/userpass/login/alice", null, "{\"password\":\"alice-pw-1\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(http.get("/v1/secret/data/app/db", ROOT).status()).isEqualTo(200);
    }

    @Test
    void loginsTheFullPoolRefuses_areAuditedAsRefused() throws Exception {
        Path file = auditDir.resolve("audit.log");
        Http.Reply enabled = http.put("/v1/sys/audit/flood", ROOT,
                Http.json(Map.of("type", "file", "options", Map.of("file_path", file.toString()))));
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(204);
        try {
            // Eight logins at once at one thread and one waiting place: most are refused.
            List<Thread> senders = new ArrayList<>();
            ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
            for (int i = 0; i < 8; i++) {
                String user = "audited-" + i;
                senders.add(Thread.ofVirtual().start(() -> statuses.add(
                        http.put("/v1/auth/userpass/login/" + user, null, "{\"password\":\"wrong\"}").status())));
            }
            for (Thread t : senders) {
                t.join(Duration.ofSeconds(30));
            }
            long refused = statuses.stream().filter(s -> s == 429).count();
            assertThat(refused).as("statuses %s", statuses).isPositive();
            List<JsonNode> refusals = AuditRecords.vaultRecords(file).stream()
                    .filter(r -> r.path("type").asText().equals("response")
                            && r.path("request").path("path").asText().startsWith("auth/userpass/login/audited-")
                            && r.path("error").asText().equals("too many logins are being checked at once; retry later"))
                    .toList();
            assertThat(refusals).hasSize((int) refused);
        } finally {
            assertThat(http.send("DELETE", "/v1/sys/audit/flood", ROOT, null).status()).isEqualTo(204);
        }
    }

    /** Sequential KV reads with a valid token for {@code span}; the latency of each, in nanoseconds. */
    private static List<Long> readLatencies(Duration span) {
        List<Long> latencies = new ArrayList<>();
        long ends = System.nanoTime() + span.toNanos();
        while (System.nanoTime() < ends) {
            long began = System.nanoTime();
            Http.Reply r = http.get("/v1/secret/data/app/db", ROOT);
            latencies.add(System.nanoTime() - began);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        return latencies;
    }

    private static long median(List<Long> values) {
        assertThat(values).isNotEmpty();
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
