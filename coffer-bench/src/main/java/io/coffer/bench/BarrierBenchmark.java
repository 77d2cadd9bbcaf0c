package io.coffer.bench;

import io.coffer.core.barrier.AesGcm;
import io.coffer.core.barrier.AesGcmBarrier;
import io.coffer.core.storage.InMemoryStorage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The barrier's cost per value: AES-256-GCM alone ({@link AesGcm}), and through
 * {@link AesGcmBarrier} over {@link InMemoryStorage} (path check, keyring lookup, storage).
 * The value is the size of a KV v2 version document holding a small DB credential.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class BarrierBenchmark {

    static final String KEY = "logical/5f0c6b1e-2f4a-4c1b-9d7e-3a8b2c1d0e9f/versions/bench/db/1";

    /** Plaintext size in bytes: 200 is about one stored KV version of a DB credential. */
    @Param({"200", "4096"})
    int size;

    private byte[] key;
    private byte[] plaintext;
    private byte[] ciphertext;
    private AesGcmBarrier barrier;

    @Setup(Level.Trial)
    public void setUp() {
        key = AesGcm.newKey();
        plaintext = new byte[size];
        byte[] pattern = "{\"username\":\"app_orders\",\"password\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < size; i++) {
            plaintext[i] = pattern[i % pattern.length];
        }
        ciphertext = AesGcm.encrypt(1, key, KEY, plaintext);
        barrier = new AesGcmBarrier(new InMemoryStorage(), Clock.systemUTC());
        barrier.initialize(AesGcm.newKey());
        barrier.put(KEY, plaintext);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        barrier.seal();
    }

    @Benchmark
    public byte[] aesGcmEncrypt() {
        return AesGcm.encrypt(1, key, KEY, plaintext);
    }

    @Benchmark
    public byte[] aesGcmDecrypt() {
        return AesGcm.decrypt(key, KEY, ciphertext);
    }

    /** Encrypt and store: what a KV write pays per stored document. */
    @Benchmark
    public void barrierPut() {
        barrier.put(KEY, plaintext);
    }

    /** Load and decrypt: what a KV read pays per stored document. */
    @Benchmark
    public byte[] barrierGet() {
        return barrier.get(KEY).orElseThrow();
    }
}
