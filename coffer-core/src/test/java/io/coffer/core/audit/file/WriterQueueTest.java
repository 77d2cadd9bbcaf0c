package io.coffer.core.audit.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriterQueueTest {

    @Test
    void manyProducersOneConsumer_everyTaskArrivesOnceInEachProducersOrder() throws Exception {
        WriterQueue<int[]> queue = new WriterQueue<>(64);
        int producers = 16;
        int perProducer = 2_000;
        List<int[]> received = new ArrayList<>();
        Thread consumer = Thread.ofPlatform().start(() -> {
            queue.consumer(Thread.currentThread());
            try {
                while (received.size() < producers * perProducer) {
                    received.add(queue.take());
                    queue.drainTo(received, 100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < perProducer; i++) {
                    try {
                        assertThat(queue.offer(new int[] {producer, i}, Duration.ofSeconds(30))).isTrue();
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        consumer.join(Duration.ofSeconds(30));

        assertThat(received).hasSize(producers * perProducer);
        Map<Integer, Integer> next = new HashMap<>();
        for (int[] task : received) {
            int expected = next.getOrDefault(task[0], 0);
            assertThat(task[1]).as("order of producer %d", task[0]).isEqualTo(expected);
            next.put(task[0], expected + 1);
        }
        assertThat(queue.poll()).isNull();
    }

    @Test
    void full_offerWaitsForRoomThenGivesUp_butCloseRequestsAlwaysGetIn() throws Exception {
        WriterQueue<String> queue = new WriterQueue<>(2);
        assertThat(queue.offer("a", Duration.ofSeconds(1))).isTrue();
        assertThat(queue.offer("b", Duration.ofSeconds(1))).isTrue();

        assertThat(queue.offer("c", Duration.ofMillis(50))).isFalse();
        queue.offerAlways("close");

        assertThat(queue.poll()).isEqualTo("a");
        assertThat(queue.offer("c", Duration.ofMillis(50))).as("a queued close request takes room too").isFalse();
        assertThat(queue.poll()).isEqualTo("b");
        assertThat(queue.offer("c", Duration.ofMillis(50))).isTrue();
        assertThat(queue.poll()).isEqualTo("close");
        assertThat(queue.poll()).isEqualTo("c");
    }
}
