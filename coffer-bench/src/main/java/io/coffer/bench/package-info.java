/**
 * Coffer's benchmarks. JMH micro-benchmarks of the in-process hot path ({@link
 * io.coffer.bench.BarrierBenchmark}: the AES-GCM barrier; {@link io.coffer.bench.RequestPathBenchmark}:
 * the core request path of a KV v2 read, without HTTP), and {@link io.coffer.bench.BenchDevServer},
 * an in-process dev server for the HTTP load benchmark ({@code coffer-bench/run-http-bench.sh}).
 *
 * <p>Build and run: {@code ./mvnw -B -ntp -pl coffer-bench -am package -DskipTests}, then
 * {@code java -jar coffer-bench/target/benchmarks.jar}. Results and commands are in
 * {@code docs/benchmarks.md}.
 */
package io.coffer.bench;
