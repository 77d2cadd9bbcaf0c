package io.coffer.bench;

import io.coffer.core.engine.kv.KvEngineFactory;
import io.coffer.core.handler.RequestHandler;
import io.coffer.core.json.Json;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Request;
import io.coffer.core.logical.Response;
import io.coffer.core.node.CofferNode;
import io.coffer.core.storage.InMemoryStorage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The core request path of a KV v2 read without HTTP: {@code CofferNode.handler().handle(Request)}
 * on a dev-mode node (in-memory storage, unsealed, KV v2 at {@code secret/}, root token), the same
 * secret the HTTP benchmark reads. {@link #kvReadRendered} adds the JSON rendering of Vault's
 * response envelope, which is what the HTTP adapter does next; {@link #buildRequest} is the cost of
 * building the core request alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class RequestPathBenchmark {

    static final String TOKEN = "bench-root";
    static final String PATH = "secret/data/bench/db";

    /** The secret of the HTTP benchmark: a realistic database credential. */
    static Map<String, Object> secret() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("username", "svc_orders");
        data.put("password", "pK7#vQ2m!Xz9Lr4tWb8e");
        data.put("url", "jdbc:postgresql://orders-db.internal:5432/orders?sslmode=verify-full");
        return data;
    }

    private CofferNode node;
    private RequestHandler handler;

    @Setup(Level.Trial)
    public void setUp() {
        node = CofferNode.builder(new InMemoryStorage()).engine(new KvEngineFactory()).build();
        node.startDev(Optional.of(TOKEN));
        handler = node.handler();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", secret());
        handler.handle(Request.builder(Operation.UPDATE, PATH).data(body).clientToken(TOKEN).remoteAddress("127.0.0.1").build());
        Response check = kvRead();
        if (check.data().isEmpty()) {
            throw new IllegalStateException("the benchmark secret is not readable");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        node.close();
    }

    @Benchmark
    public Request buildRequest() {
        return Request.builder(Operation.READ, PATH).clientToken(TOKEN).remoteAddress("127.0.0.1").build();
    }

    /** Token lookup, policy check, routing, KV read (one barrier get and decrypt), response. */
    @Benchmark
    public Response kvRead() {
        return handler.handle(buildRequest());
    }

    /** {@link #kvRead} plus the Vault envelope rendered to JSON bytes, as the HTTP adapter does. */
    @Benchmark
    public byte[] kvReadRendered() {
        Request request = buildRequest();
        Response response = handler.handle(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_id", request.id());
        body.put("lease_id", "");
        body.put("renewable", false);
        body.put("lease_duration", 0);
        body.put("data", response.data().orElse(null));
        body.put("wrap_info", null);
        body.put("warnings", null);
        body.put("auth", null);
        body.put("mount_type", "");
        return Json.write(body);
    }
}
