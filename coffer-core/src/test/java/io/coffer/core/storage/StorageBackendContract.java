package io.coffer.core.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link StorageBackend} must have. A backend's test extends this class and
 * supplies a fresh, empty backend per test; this suite closes it. Shipped in coffer-core's test
 * jar so that backends in other modules run the same suite.
 */
public abstract class StorageBackendContract {

    /** Bounds the concurrency tests: a deadlock fails the test instead of hanging the build. */
    private static final Duration CONCURRENCY_DEADLINE = Duration.ofSeconds(60);

    protected StorageBackend storage;

    /** A new, empty backend. Called once before each test. */
    protected abstract StorageBackend newBackend() throws Exception;

    @BeforeEach
    void openBackend() throws Exception {
        storage = newBackend();
    }

    @AfterEach
    void closeBackend() {
        if (storage != null) {
            storage.close();
        }
    }

    // --- get / put / delete -------------------------------------------------------------------

    @Test
    void get_missingKey_isEmpty() {
        assertThat(storage.get("missing")).isEmpty();
        assertThat(storage.get("a/b/missing")).isEmpty();
    }

    @Test
    void put_thenGet_returnsTheValue() {
        storage.put("sys/token/abc", bytes("ciphertext"));

        assertThat(storage.get("sys/token/abc")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("ciphertext")));
    }

    @Test
    void put_existingKey_replacesTheWholeValue() {
        storage.put("k", bytes("a much longer first value"));
        storage.put("k", bytes("short"));

        assertThat(storage.get("k")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("short")));
    }

    @Test
    void delete_existingKey_removesOnlyThatKey() {
        storage.put("a", bytes("1"));
        storage.put("a/b", bytes("2"));
        storage.put("ab", bytes("3"));

        storage.delete("a");

        assertThat(storage.get("a")).isEmpty();
        assertThat(storage.get("a/b")).isPresent();
        assertThat(storage.get("ab")).isPresent();
    }

    @Test
    void delete_missingKey_succeeds() {
        storage.delete("never/written");

        assertThat(storage.get("never/written")).isEmpty();
    }

    @Test
    void put_afterDelete_storesAgain() {
        storage.put("k", bytes("1"));
        storage.delete("k");
        storage.put("k", bytes("2"));

        assertThat(storage.get("k")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("2")));
    }

    @Test
    void put_emptyValue_isStoredAndDistinctFromMissing() {
        storage.put("empty", new byte[0]);

        assertThat(storage.get("empty")).hasValueSatisfying(v -> assertThat(v).isEmpty());
        assertThat(storage.list("")).containsExactly("empty");
    }

    @Test
    void put_everyByteValue_roundTrips() {
        byte[] value = new byte[512];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) i;
        }

        storage.put("binary", value);

        assertThat(storage.get("binary")).hasValueSatisfying(v -> assertThat(v).isEqualTo(value));
    }

    @Test
    void put_largeValue_roundTrips() {
        byte[] value = new byte[1024 * 1024];
        new Random(42).nextBytes(value);

        storage.put("large", value);

        assertThat(storage.get("large")).hasValueSatisfying(v -> assertThat(v).isEqualTo(value));
    }

    @Test
    void put_thenMutateInput_doesNotChangeStoredValue() {
        byte[] value = bytes("original");
        storage.put("k", value);

        Arrays.fill(value, (byte) 'x');

        assertThat(storage.get("k")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("original")));
    }

    @Test
    void get_thenMutateOutput_doesNotChangeStoredValue() {
        storage.put("k", bytes("original"));

        Arrays.fill(storage.get("k").orElseThrow(), (byte) 'x');

        assertThat(storage.get("k")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("original")));
    }

    @Test
    void get_unicodeKey_isDistinctFromSimilarKeys() {
        storage.put("caf\u00e9", bytes("composed"));
        storage.put("cafe\u0301", bytes("decomposed"));
        storage.put("cafe", bytes("plain"));
        storage.put("emoji/\uD83D\uDE00", bytes("smile"));

        assertThat(storage.get("caf\u00e9")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("composed")));
        assertThat(storage.get("cafe\u0301")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("decomposed")));
        assertThat(storage.get("cafe")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("plain")));
        assertThat(storage.get("emoji/\uD83D\uDE00")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("smile")));
    }

    // --- key rules ----------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "/a", "a/", "/", "a//b", "//", "a\uD800", "\uDC00b", "a/\uDE00\uD83D"})
    void invalidKey_isRejectedByEveryOperation(String key) {
        assertThatThrownBy(() -> storage.get(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.put(key, bytes("v"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.delete(key)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullKey_isRejected() {
        assertThatThrownBy(() -> storage.get(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.put(null, bytes("v"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.delete(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidKey_isRejectedWithoutStoringAnything() {
        assertThatThrownBy(() -> storage.put("a//b", bytes("v"))).isInstanceOf(IllegalArgumentException.class);

        assertThat(storage.list("")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "/", "/a/", "a//", "a//b/", "a\uD800/"})
    void invalidPrefix_isRejectedByList(String prefix) {
        assertThatThrownBy(() -> storage.list(prefix)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.listPage(prefix, "", 10)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- list ---------------------------------------------------------------------------------

    @Test
    void list_emptyStorage_isEmpty() {
        assertThat(storage.list("")).isEmpty();
    }

    @Test
    void list_root_returnsTopLevelValuesAndFolders() {
        putAll("core/seal", "core/keyring", "logical/abc/secret", "sys/policy/default", "top");

        assertThat(storage.list("")).containsExactly("core/", "logical/", "sys/", "top");
    }

    @Test
    void list_nestedPrefix_returnsOneLevelOnly() {
        putAll("a/b", "a/c/d", "a/c/e", "a/c/f/g", "b/x");

        assertThat(storage.list("a/")).containsExactly("b", "c/");
        assertThat(storage.list("a/c/")).containsExactly("d", "e", "f/");
        assertThat(storage.list("a/c/f/")).containsExactly("g");
    }

    @Test
    void list_keyThatIsAlsoAFolder_appearsAsBoth() {
        putAll("a", "a/b");

        assertThat(storage.list("")).containsExactly("a", "a/");
        assertThat(storage.list("a/")).containsExactly("b");
    }

    @Test
    void list_prefixSiblings_areSortedByBytes() {
        putAll("a/b", "a/b0", "a/b/c", "a/b-", "a/b.x/y", "a/b/d/e");

        // '-' (0x2D) < '.' (0x2E) < '/' (0x2F) < '0' (0x30)
        assertThat(storage.list("a/")).containsExactly("b", "b-", "b.x/", "b/", "b0");
        assertThat(storage.list("a/b/")).containsExactly("c", "d/");
    }

    @Test
    void list_doesNotLeakKeysOfSiblingPrefixes() {
        putAll("ab/c", "a0", "a/x", "a.b/c");

        assertThat(storage.list("a/")).containsExactly("x");
    }

    @Test
    void list_unicodeKeys_areOrderedByUtf8Bytes() {
        // UTF-16 order would put the emoji (a surrogate pair, 0xD83D...) before U+FFFD and U+E000;
        // UTF-8 byte order puts it last (F0 > EF > EE).
        putAll("u/z", "u/\u00e9", "u/\uFFFD", "u/\uD83D\uDE00", "u/\uE000", "u/Z", "u/a", "u/\u00e9/x");

        assertThat(storage.list("u/"))
                .containsExactly("Z", "a", "z", "\u00e9", "\u00e9/", "\uE000", "\uFFFD", "\uD83D\uDE00");
        assertThat(storage.list("u/\u00e9/")).containsExactly("x");
    }

    @Test
    void list_manyKeysInOneFolder_showsTheFolderOnce() {
        for (int i = 0; i < 100; i++) {
            storage.put("f/deep/" + i + "/leaf", bytes("v"));
        }
        putAll("f/after", "f/before");

        assertThat(storage.list("f/")).containsExactly("after", "before", "deep/");
        assertThat(storage.list("f/deep/")).hasSize(100).doesNotHaveDuplicates();
    }

    @Test
    void list_missingPrefix_isEmpty() {
        putAll("a/b");

        assertThat(storage.list("missing/")).isEmpty();
        assertThat(storage.list("a/b/")).isEmpty();
    }

    @Test
    void list_afterLastKeyOfFolderDeleted_dropsTheFolder() {
        putAll("a/b/c", "a/d");

        storage.delete("a/b/c");

        assertThat(storage.list("a/")).containsExactly("d");
    }

    @Test
    void list_randomKeys_matchesAModelForEveryPrefix() {
        Random random = new Random(7);
        List<String> segments = List.of("a", "b", "a0", "a-", "\u00e9", "\uD83D\uDE00", "\uFFFD", "z.z", "A");
        TreeSet<String> keys = new TreeSet<>(StorageKeys::compare);
        while (keys.size() < 400) {
            int depth = 1 + random.nextInt(4);
            StringBuilder key = new StringBuilder();
            for (int d = 0; d < depth; d++) {
                key.append(d == 0 ? "" : "/").append(segments.get(random.nextInt(segments.size())));
            }
            keys.add(key.toString());
        }
        // One big folder, so that listing steps through some folders and seeks past others.
        for (int i = 0; i < 50; i++) {
            keys.add("b/big/" + i);
        }
        keys.forEach(k -> storage.put(k, bytes(k)));

        TreeSet<String> prefixes = new TreeSet<>(StorageKeys::compare);
        prefixes.add("");
        for (String key : keys) {
            for (int slash = key.indexOf('/'); slash >= 0; slash = key.indexOf('/', slash + 1)) {
                prefixes.add(key.substring(0, slash + 1));
            }
        }
        for (String prefix : prefixes) {
            assertThat(storage.list(prefix)).as("list(%s)", prefix).containsExactlyElementsOf(modelList(keys, prefix));
        }
    }

    // --- listPage -----------------------------------------------------------------------------

    @Test
    void listPage_anyLimit_pagesThroughTheWholeListInOrder() {
        putPagingFixture();
        List<String> all = storage.list("p/");
        assertThat(all).hasSize(250);

        for (int limit : new int[] {1, 2, 3, 7, 10, 49, 100, 249, 250, 251, 1000}) {
            List<String> collected = new ArrayList<>();
            String after = "";
            for (int pages = 0; pages <= all.size(); pages++) {
                List<String> page = storage.listPage("p/", after, limit);
                assertThat(page.size()).as("page size at limit %d", limit).isLessThanOrEqualTo(limit);
                if (page.isEmpty()) {
                    break;
                }
                collected.addAll(page);
                after = page.get(page.size() - 1);
            }
            assertThat(collected).as("limit %d", limit).containsExactlyElementsOf(all);
        }
    }

    @Test
    void listPageBefore_anyLimit_pagesThroughTheWholeListBackwards() {
        putPagingFixture();
        List<String> reversed = new ArrayList<>(storage.list("p/"));
        java.util.Collections.reverse(reversed);

        for (int limit : new int[] {1, 2, 3, 7, 10, 49, 100, 249, 250, 251, 1000}) {
            List<String> collected = new ArrayList<>();
            String before = "";
            for (int pages = 0; pages <= reversed.size(); pages++) {
                List<String> page = storage.listPageBefore("p/", before, limit);
                assertThat(page.size()).as("page size at limit %d", limit).isLessThanOrEqualTo(limit);
                if (page.isEmpty()) {
                    break;
                }
                collected.addAll(page);
                before = page.get(page.size() - 1);
            }
            assertThat(collected).as("limit %d", limit).containsExactlyElementsOf(reversed);
        }
    }

    @Test
    void listPageBefore_before_isExclusiveForValuesAndFolders() {
        putAll("q/b", "q/b/x", "q/b/y", "q/b/z/w", "q/b-", "q/b0", "q/c", "a", "a/b", "r/s");

        assertThat(storage.listPageBefore("q/", "", 10)).containsExactly("c", "b0", "b/", "b-", "b");
        assertThat(storage.listPageBefore("q/", "b0", 10)).containsExactly("b/", "b-", "b");
        assertThat(storage.listPageBefore("q/", "b/", 10)).containsExactly("b-", "b");
        assertThat(storage.listPageBefore("q/", "b", 10)).isEmpty();
        assertThat(storage.listPageBefore("q/b/", "", 10)).containsExactly("z/", "y", "x");
        assertThat(storage.listPageBefore("", "", 10)).containsExactly("r/", "q/", "a/", "a");
        assertThat(storage.listPageBefore("", "q/", 2)).containsExactly("a/", "a");
    }

    @Test
    void listPage_root_pagesLikeList() {
        putAll("a", "a/b", "b/c/d", "c", "d/e");

        assertThat(storage.listPage("", "", 2)).containsExactly("a", "a/");
        assertThat(storage.listPage("", "a/", 2)).containsExactly("b/", "c");
        assertThat(storage.listPage("", "c", 2)).containsExactly("d/");
    }

    @Test
    void listPage_after_isExclusiveForValuesAndFolders() {
        putAll("q/b", "q/b/x", "q/b/y", "q/b-", "q/b0", "q/c");

        assertThat(storage.list("q/")).containsExactly("b", "b-", "b/", "b0", "c");
        assertThat(storage.listPage("q/", "b", 10)).containsExactly("b-", "b/", "b0", "c");
        assertThat(storage.listPage("q/", "b/", 10)).containsExactly("b0", "c");
        assertThat(storage.listPage("q/", "b0", 10)).containsExactly("c");
        assertThat(storage.listPage("q/", "c", 10)).isEmpty();
    }

    @Test
    void listPage_afterNotAnEntry_startsAtTheNextEntryInListOrder() {
        putPagingFixture();
        List<String> all = storage.list("p/");

        for (String after : List.of("0", "k", "k005", "k005/", "k005/zz", "k005/a/b", "folder/zzz", "~", "\u00e9", "-")) {
            List<String> expected = all.stream().filter(e -> StorageKeys.compare(e, after) > 0).limit(5).toList();
            assertThat(storage.listPage("p/", after, 5)).as("after %s", after).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void listPage_missingPrefix_isEmpty() {
        assertThat(storage.listPage("missing/", "", 10)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void listPage_nonPositiveLimit_isRejected(int limit) {
        assertThatThrownBy(() -> storage.listPage("", "", limit)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- concurrency --------------------------------------------------------------------------

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentWriters_allWritesLandAndReadBackIntact() throws Exception {
        int threads = 8;
        int putsPerThread = 200;
        int sharedKeys = 10;
        AtomicBoolean writing = new AtomicBoolean(true);

        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                writers.add(executor.submit(() -> {
                    start.await();
                    for (int i = 0; i < putsPerThread; i++) {
                        storage.put("c/t" + thread + "/k" + i, bytes(thread + ":" + i));
                        storage.put("c/shared/k" + (i % sharedKeys), bytes(thread + ":" + i));
                    }
                    return null;
                }));
            }
            // A reader runs alongside: whatever it sees mid-flight must be well-formed.
            Future<?> reader = executor.submit(() -> {
                start.await();
                while (writing.get()) {
                    assertThat(storage.list("c/")).isSortedAccordingTo(StorageKeys::compare).doesNotHaveDuplicates();
                    storage.get("c/shared/k0").ifPresent(v -> assertThat(new String(v, UTF_8)).matches("\\d+:\\d+"));
                }
                return null;
            });
            start.countDown();
            try {
                for (Future<?> writer : writers) {
                    writer.get(CONCURRENCY_DEADLINE.toSeconds(), TimeUnit.SECONDS);
                }
            } finally {
                writing.set(false);
            }
            reader.get(CONCURRENCY_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }

        List<String> expectedTop = new ArrayList<>(List.of("shared/"));
        for (int t = 0; t < threads; t++) {
            expectedTop.add("t" + t + "/");
            assertThat(storage.list("c/t" + t + "/")).hasSize(putsPerThread);
            for (int i = 0; i < putsPerThread; i++) {
                byte[] expected = bytes(t + ":" + i);
                assertThat(storage.get("c/t" + t + "/k" + i)).hasValueSatisfying(v -> assertThat(v).isEqualTo(expected));
            }
        }
        assertThat(storage.list("c/")).containsExactlyElementsOf(expectedTop);
        assertThat(storage.list("c/shared/")).hasSize(sharedKeys);
        for (int k = 0; k < sharedKeys; k++) {
            String value = new String(storage.get("c/shared/k" + k).orElseThrow(), UTF_8);
            // Last writer wins: the value is whole and is one that some thread wrote to this key.
            assertThat(value).matches("\\d+:\\d+");
            assertThat(Integer.parseInt(value.substring(value.indexOf(':') + 1)) % sharedKeys).isEqualTo(k);
        }
    }

    // --- helpers ------------------------------------------------------------------------------

    protected static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    protected final void putAll(String... keys) {
        for (String key : keys) {
            storage.put(key, bytes(key));
        }
    }

    /** 250 entries under "p/": 200 values and 50 folders of 1 to 30 keys, interleaved by name. */
    private void putPagingFixture() {
        for (int i = 0; i < 200; i++) {
            storage.put(String.format("p/k%03d", i), bytes("v" + i));
        }
        for (int i = 0; i < 50; i++) {
            for (int j = 0; j <= i % 30; j++) {
                storage.put(String.format("p/k%03d/%d", i * 4 + 1, j), bytes("v"));
            }
        }
    }

    /** {@link StorageBackend#list} computed the obvious way. */
    private static List<String> modelList(TreeSet<String> keys, String prefix) {
        TreeSet<String> children = new TreeSet<>(StorageKeys::compare);
        for (String key : keys) {
            if (key.startsWith(prefix)) {
                children.add(StorageKeys.childOf(prefix, key));
            }
        }
        return List.copyOf(children);
    }
}
