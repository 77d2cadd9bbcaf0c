package io.coffer.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StorageKeysCompareTest {

    /** Characters whose UTF-16 order differs from their UTF-8 order, and plain ones. */
    private static final int[] CODE_POINTS = {'a', 'b', '/', '0', 0x7F, 0x80, 0x7FF, 0x800, 0xE000, 0xFFFD, 0x10000, 0x1F600,
        0x10FFFF};

    @Test
    void compare_ordersLikeTheUtf8BytesOfTheKeys() {
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            String a = randomKey(random);
            String b = random.nextInt(4) == 0 ? a + randomKey(random) : randomKey(random);
            int expected = Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                    b.getBytes(StandardCharsets.UTF_8)));
            assertThat(Integer.signum(StorageKeys.compare(a, b))).as("%s vs %s", a, b).isEqualTo(expected);
            assertThat(Integer.signum(StorageKeys.compare(b, a))).isEqualTo(-expected);
        }
        assertThat(StorageKeys.compare("same/key", "same/key")).isZero();
    }

    private static String randomKey(Random random) {
        StringBuilder b = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            b.appendCodePoint(CODE_POINTS[random.nextInt(CODE_POINTS.length)]);
        }
        return b.toString();
    }
}
