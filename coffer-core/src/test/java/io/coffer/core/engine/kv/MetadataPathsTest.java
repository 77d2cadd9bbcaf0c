package io.coffer.core.engine.kv;

import static io.coffer.core.engine.kv.KvHarness.MOUNT_PREFIX;
import static io.coffer.core.engine.kv.KvHarness.data;
import static io.coffer.core.engine.kv.KvHarness.dataJson;
import static io.coffer.core.engine.kv.KvHarness.failure;
import static io.coffer.core.engine.kv.KvHarness.map;
import static io.coffer.core.engine.kv.KvHarness.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.error.ClientText;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Response;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MetadataPathsTest {

    private final KvHarness h = new KvHarness();

    private void putVersions(String key, int count) {
        for (int i = 1; i <= count; i++) {
            h.put(key, "{\"v\":" + i + "}");
        }
    }

    private Map<String, Object> metadata(String key) {
        return data(h.read("metadata/" + key));
    }

    private static void assertInvalid(CofferException e, String message) {
        assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(e.messages()).containsExactly(message);
    }

    // ------------------------------------------------------------------ read

    @Test
    void read_afterWrites_returnsVaultShapeInKeyOrder() {
        h.put("app", "{\"v\":1}");
        h.clock.advance(Duration.ofSeconds(2));
        h.put("app", "{\"v\":2}");

        assertThat(dataJson(h.read("metadata/app"))).isEqualTo("{\"cas_required\":false,"
                + "\"created_time\":\"2026-03-22T02:24:06.945319214Z\",\"current_version\":2,\"custom_metadata\":null,"
                + "\"delete_version_after\":\"0s\",\"max_versions\":0,\"oldest_version\":0,"
                + "\"updated_time\":\"2026-03-22T02:24:08.945319214Z\",\"versions\":{"
                + "\"1\":{\"created_time\":\"2026-03-22T02:24:06.945319214Z\",\"deletion_time\":\"\",\"destroyed\":false},"
                + "\"2\":{\"created_time\":\"2026-03-22T02:24:08.945319214Z\",\"deletion_time\":\"\",\"destroyed\":false}}}");
    }

    @Test
    void read_missingKey_is404WithNoErrors() {
        CofferException e = failure(() -> h.read("metadata/nope"));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(e.messages()).isEmpty();
    }

    @Test
    void read_emptyPath_is404() {
        h.put("app", "{}");
        assertThat(failure(() -> h.read("metadata/")).kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
    }

    @Test
    void read_versions_areKeyedAsStringsInGoOrder() {
        putVersions("app", 10);
        assertThat(map(metadata("app").get("versions")).keySet())
                .containsExactly("1", "10", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    // ------------------------------------------------------------------ max_versions and pruning

    @Test
    void write_beyondDefaultMaxVersions_prunesOldestAndTracksOldestVersion() {
        putVersions("app", 9);
        assertThat(metadata("app")).containsEntry("oldest_version", 0L);
        h.put("app", "{\"v\":10}");
        assertThat(metadata("app")).containsEntry("oldest_version", 1L).containsEntry("current_version", 10L);
        assertThat(map(metadata("app").get("versions"))).hasSize(10);

        h.put("app", "{\"v\":11}");

        Map<String, Object> meta = metadata("app");
        assertThat(meta).containsEntry("oldest_version", 2L).containsEntry("current_version", 11L);
        assertThat(map(meta.get("versions")).keySet()).hasSize(10).doesNotContain("1").contains("2", "11");
        assertThat(h.versionEntries("app")).hasSize(10);
        CofferException e = failure(() -> h.read("data/app", "version", "1"));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(e.messages()).isEmpty();
        assertThat(map(data(h.read("data/app", "version", "2")).get("data"))).containsEntry("v", 2);
    }

    @Test
    void write_keyMaxVersions_limitsVersionsKept() {
        h.write("metadata/app", "{\"max_versions\":3}");
        putVersions("app", 5);

        Map<String, Object> meta = metadata("app");
        assertThat(map(meta.get("versions")).keySet()).containsExactly("3", "4", "5");
        assertThat(meta).containsEntry("oldest_version", 3L).containsEntry("max_versions", 3);
        assertThat(h.versionEntries("app")).hasSize(3);
    }

    @Test
    void write_mountMaxVersions_limitsVersionsKept() {
        h.write("config", "{\"max_versions\":2}");
        putVersions("app", 4);
        assertThat(map(metadata("app").get("versions")).keySet()).containsExactly("3", "4");
        assertThat(h.versionEntries("app")).hasSize(2);
    }

    @Test
    void write_mountAndKeyMaxVersions_theLargerWinsAsInVault() {
        h.write("config", "{\"max_versions\":2}");
        h.write("metadata/big", "{\"max_versions\":4}");
        h.write("metadata/small", "{\"max_versions\":1}");
        putVersions("big", 6);
        putVersions("small", 6);

        assertThat(map(metadata("big").get("versions"))).hasSize(4);
        assertThat(map(metadata("small").get("versions"))).hasSize(2);
    }

    @Test
    void write_afterLoweringMaxVersions_prunesSeveralAtOnce() {
        putVersions("app", 6);
        h.write("metadata/app", "{\"max_versions\":2}");
        assertThat(map(metadata("app").get("versions"))).hasSize(6);

        h.put("app", "{\"v\":7}");

        assertThat(map(metadata("app").get("versions")).keySet()).containsExactly("6", "7");
        assertThat(metadata("app")).containsEntry("oldest_version", 6L);
        assertThat(h.versionEntries("app")).hasSize(2);
    }

    @Test
    void write_pruningDestroyedVersion_leavesNoStorageBehind() {
        h.write("metadata/app", "{\"max_versions\":2}");
        putVersions("app", 2);
        h.write("destroy/app", "{\"versions\":[1]}");
        putVersions("app", 2);
        assertThat(h.versionEntries("app")).hasSize(2);
    }

    // ------------------------------------------------------------------ write

    @Test
    void write_missingKey_createsMetadataWithoutVersions() {
        Response r = h.write("metadata/app", "{\"max_versions\":5,\"cas_required\":true,\"delete_version_after\":\"3h25m19s\","
                + "\"custom_metadata\":{\"owner\":\"team-a\",\"env\":\"prod\"}}");

        assertThat(status(r)).isEqualTo(204);
        assertThat(dataJson(h.read("metadata/app"))).isEqualTo("{\"cas_required\":true,"
                + "\"created_time\":\"2026-03-22T02:24:06.945319214Z\",\"current_version\":0,"
                + "\"custom_metadata\":{\"env\":\"prod\",\"owner\":\"team-a\"},\"delete_version_after\":\"3h25m19s\","
                + "\"max_versions\":5,\"oldest_version\":0,\"updated_time\":\"2026-03-22T02:24:06.945319214Z\",\"versions\":{}}");
    }

    @Test
    void write_noFields_createsNothing() {
        assertThat(status(h.write("metadata/app", "{}"))).isEqualTo(204);
        assertThat(failure(() -> h.read("metadata/app")).kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
    }

    @Test
    void write_existingKey_keepsFieldsNotGivenAndUpdatedTime() {
        h.write("metadata/app", "{\"max_versions\":5,\"custom_metadata\":{\"a\":\"1\"}}");
        h.put("app", "{}");
        h.clock.advance(Duration.ofMinutes(1));

        h.write("metadata/app", "{\"cas_required\":true}");

        Map<String, Object> meta = metadata("app");
        assertThat(meta).containsEntry("max_versions", 5).containsEntry("cas_required", true)
                .containsEntry("updated_time", "2026-03-22T02:24:06.945319214Z");
        assertThat(map(meta.get("custom_metadata"))).containsExactly(Map.entry("a", "1"));
    }

    @Test
    void write_customMetadata_replacesTheWholeMap() {
        h.write("metadata/app", "{\"custom_metadata\":{\"a\":\"1\",\"b\":\"2\"}}");
        h.write("metadata/app", "{\"custom_metadata\":{\"c\":\"3\"}}");
        assertThat(map(metadata("app").get("custom_metadata"))).containsExactly(Map.entry("c", "3"));
    }

    @Test
    void write_emptyOrNullCustomMetadata_clearsItToNull() {
        h.write("metadata/app", "{\"custom_metadata\":{\"a\":\"1\"}}");
        h.write("metadata/app", "{\"custom_metadata\":{}}");
        assertThat(metadata("app")).containsEntry("custom_metadata", null);

        h.write("metadata/app", "{\"custom_metadata\":{\"a\":\"1\"}}");
        h.write("metadata/app", "{\"custom_metadata\":null}");
        assertThat(metadata("app")).containsEntry("custom_metadata", null);
    }

    @Test
    void write_customMetadataNonStringScalars_areDecodedWeakly() {
        h.write("metadata/app", "{\"custom_metadata\":{\"n\":42,\"b\":true,\"f\":1.5}}");
        assertThat(map(metadata("app").get("custom_metadata")))
                .containsExactly(Map.entry("b", "1"), Map.entry("f", "1.5"), Map.entry("n", "42"));
    }

    @Test
    void write_customMetadataIsShownOnDataReadsAndWrites() {
        h.write("metadata/app", "{\"custom_metadata\":{\"owner\":\"me\"}}");
        assertThat(map(data(h.put("app", "{}")).get("custom_metadata"))).containsEntry("owner", "me");
        assertThat(map(map(data(h.read("data/app")).get("metadata")).get("custom_metadata"))).containsEntry("owner", "me");
    }

    @Test
    void write_tooManyCustomMetadataKeys_is400() {
        String pairs = IntStream.range(0, 65).mapToObj(i -> "\"k" + i + "\":\"v\"").collect(Collectors.joining(","));
        assertInvalid(failure(() -> h.write("metadata/app", "{\"custom_metadata\":{" + pairs + "}}")),
                "1 error occurred:\n\t* custom_metadata validation failed: payload must contain at most 64 keys, provided 65\n\n");
        String ok = IntStream.range(0, 64).mapToObj(i -> "\"k" + i + "\":\"v\"").collect(Collectors.joining(","));
        assertThat(status(h.write("metadata/app", "{\"custom_metadata\":{" + ok + "}}"))).isEqualTo(204);
    }

    @Test
    void write_customMetadataKeyTooLong_is400() {
        String key = "k".repeat(129);
        assertInvalid(failure(() -> h.write("metadata/app", "{\"custom_metadata\":{\"" + key + "\":\"v\"}}")),
                "1 error occurred:\n\t* custom_metadata validation failed: length of key \""
                        + "k".repeat(ClientText.MAX_CHARS) + ClientText.TRUNCATED + "\" is 129 but must be 0 < len(key) <= 128\n\n");
        assertThat(status(h.write("metadata/app", "{\"custom_metadata\":{\"" + "k".repeat(128) + "\":\"v\"}}")))
                .isEqualTo(204);
    }

    @Test
    void write_customMetadataValueTooLongOrEmpty_is400WithoutEchoingTheValue() {
        String value = "x".repeat(513);
        CofferException e = failure(() -> h.write("metadata/app", "{\"custom_metadata\":{\"a\":\"" + value + "\",\"b\":\"\"}}"));
        assertInvalid(e, "2 errors occurred:\n"
                + "\t* custom_metadata validation failed: length of value for key \"a\" is 513 but must be 0 < len(value) <= 512\n"
                + "\t* custom_metadata validation failed: length of value for key \"b\" is 0 but must be 0 < len(value) <= 512\n\n");
        assertThat(e.getMessage()).doesNotContain(value);
        assertThat(status(h.write("metadata/app", "{\"custom_metadata\":{\"a\":\"" + "x".repeat(512) + "\"}}"))).isEqualTo(204);
    }

    @Test
    void write_customMetadataLengthsCountUtf8Bytes() {
        // 43 three-byte characters: 129 bytes.
        String key = "€".repeat(43);
        CofferException e = failure(() -> h.write("metadata/app", "{\"custom_metadata\":{\"" + key + "\":\"v\"}}"));
        assertThat(e.getMessage()).contains("is 129 but must be 0 < len(key) <= 128");
    }

    @Test
    void write_customMetadataUnprintable_is400() {
        CofferException e = failure(() -> h.write("metadata/app", "{\"custom_metadata\":{\"a\\u0001\":\"v\\n\"}}"));
        assertThat(e.getMessage())
                .contains("custom_metadata validation failed: key \"a\\u0001\" contains unprintable characters")
                .contains("custom_metadata validation failed: value for key \"a\\u0001\" contains unprintable characters");
    }

    @Test
    void write_customMetadataNestedValue_is400() {
        CofferException e = failure(() -> h.write("metadata/app", "{\"custom_metadata\":{\"a\":{\"b\":\"c\"}}}"));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(e.getMessage()).startsWith("custom_metadata validation failed");
    }

    @Test
    void write_negativeMaxVersions_is400() {
        assertThat(failure(() -> h.write("metadata/app", "{\"max_versions\":-1}")).kind())
                .isEqualTo(CofferException.Kind.INVALID_REQUEST);
    }

    @Test
    void write_negativeDeleteVersionAfter_is400() {
        assertThat(failure(() -> h.write("metadata/app", "{\"delete_version_after\":-5}")).kind())
                .isEqualTo(CofferException.Kind.INVALID_REQUEST);
    }

    @Test
    void write_weakTypes_areAccepted() {
        h.write("metadata/app", "{\"max_versions\":\"4\",\"cas_required\":\"true\",\"delete_version_after\":3600}");
        assertThat(metadata("app")).containsEntry("max_versions", 4).containsEntry("cas_required", true)
                .containsEntry("delete_version_after", "1h0m0s");
    }

    @Test
    void write_casRequiredFalseWhileMountRequiresIt_warns() {
        h.write("config", "{\"cas_required\":true}");
        Response r = h.write("metadata/app", "{\"cas_required\":false}");
        assertThat(status(r)).isEqualTo(200);
        assertThat(r.data()).isEmpty();
        assertThat(r.warnings()).containsExactly(
                "\"cas_required\" set to false, but is mandated by backend config. This value will be ignored.");
        assertThat(metadata("app")).containsEntry("cas_required", false);
    }

    @Test
    void write_emptyPath_is400MissingPath() {
        assertInvalid(failure(() -> h.write("metadata/", "{\"max_versions\":1}")), "missing path");
    }

    // ------------------------------------------------------------------ patch

    @Test
    void patch_existingKey_changesOnlyGivenFields() {
        h.write("metadata/app", "{\"max_versions\":5,\"cas_required\":true,\"custom_metadata\":{\"a\":\"1\",\"b\":\"2\"}}");

        Response r = h.patch("metadata/app", "{\"max_versions\":7,\"custom_metadata\":{\"b\":null,\"c\":\"3\"}}");

        assertThat(status(r)).isEqualTo(204);
        Map<String, Object> meta = metadata("app");
        assertThat(meta).containsEntry("max_versions", 7).containsEntry("cas_required", true);
        assertThat(map(meta.get("custom_metadata"))).containsExactly(Map.entry("a", "1"), Map.entry("c", "3"));
    }

    @Test
    void patch_customMetadataNull_clearsIt() {
        h.write("metadata/app", "{\"custom_metadata\":{\"a\":\"1\"}}");
        h.patch("metadata/app", "{\"custom_metadata\":null}");
        assertThat(metadata("app")).containsEntry("custom_metadata", null);
    }

    @Test
    void patch_deleteVersionAfterZero_clearsIt() {
        h.write("metadata/app", "{\"delete_version_after\":\"1h\"}");
        h.patch("metadata/app", "{\"delete_version_after\":\"0s\"}");
        assertThat(metadata("app")).containsEntry("delete_version_after", "0s");
    }

    @Test
    void patch_deleteVersionAfter_appliesToNextWrite() {
        h.put("app", "{}");
        h.patch("metadata/app", "{\"delete_version_after\":\"2m\"}");
        assertThat(data(h.put("app", "{}")).get("deletion_time")).isEqualTo("2026-03-22T02:26:06.945319214Z");
        assertThat(metadata("app")).containsEntry("delete_version_after", "2m0s");
    }

    @Test
    void patch_missingKey_is404WithoutBody() {
        Response r = h.patch("metadata/nope", "{\"max_versions\":1}");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.data()).isEmpty();
        assertThat(failure(() -> h.read("metadata/nope")).kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
    }

    @Test
    void patch_invalidCustomMetadata_is400() {
        h.write("metadata/app", "{\"max_versions\":1}");
        assertThat(failure(() -> h.patch("metadata/app", "{\"custom_metadata\":{\"a\":\"\"}}")).getMessage())
                .contains("length of value for key \"a\" is 0");
    }

    @Test
    void patch_mergedCustomMetadataOverLimit_is400() {
        String first = IntStream.range(0, 64).mapToObj(i -> "\"k" + i + "\":\"v\"").collect(Collectors.joining(","));
        h.write("metadata/app", "{\"custom_metadata\":{" + first + "}}");
        assertThat(failure(() -> h.patch("metadata/app", "{\"custom_metadata\":{\"extra\":\"v\"}}")).getMessage())
                .contains("at most 64 keys, provided 65");
    }

    @Test
    void patch_casRequiredFalseWhileMountRequiresIt_warns() {
        h.write("metadata/app", "{\"max_versions\":1}");
        h.write("config", "{\"cas_required\":true}");
        assertThat(h.patch("metadata/app", "{\"cas_required\":false}").warnings()).hasSize(1);
    }

    // ------------------------------------------------------------------ delete

    @Test
    void delete_removesAllVersionsAndMetadata() {
        putVersions("app", 3);
        h.write("destroy/app", "{\"versions\":[2]}");
        h.put("app/child", "{\"keep\":true}");

        Response r = h.delete("metadata/app");

        assertThat(status(r)).isEqualTo(204);
        assertThat(h.versionEntries("app")).isEmpty();
        assertThat(h.allBackendKeys()).doesNotContain(MOUNT_PREFIX + "metadata/app");
        assertThat(failure(() -> h.read("data/app")).kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(failure(() -> h.read("metadata/app")).kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(map(data(h.read("data/app/child")).get("data"))).containsEntry("keep", true);
    }

    @Test
    void delete_thenWrite_startsAgainAtVersionOne() {
        putVersions("app", 3);
        h.delete("metadata/app");
        assertThat(data(h.put("app", "{}")).get("version")).isEqualTo(1L);
    }

    @Test
    void delete_missingKey_is204() {
        assertThat(status(h.delete("metadata/nope"))).isEqualTo(204);
    }

    // ------------------------------------------------------------------ list

    @Test
    void list_root_returnsKeysAndFolders() {
        h.put("b", "{}");
        h.put("a", "{}");
        h.put("a/x", "{}");
        h.put("dir/deep/y", "{}");
        h.write("metadata/meta-only", "{\"max_versions\":1}");

        Response r = h.list("metadata/");

        assertThat(status(r)).isEqualTo(200);
        assertThat(dataJson(r)).isEqualTo("{\"keys\":[\"a\",\"a/\",\"b\",\"dir/\",\"meta-only\"]}");
    }

    @Test
    void list_folder_returnsOneLevel() {
        h.put("dir/a", "{}");
        h.put("dir/sub/b", "{}");
        h.put("dir/sub/c", "{}");
        h.put("other", "{}");

        assertThat(data(h.list("metadata/dir/")).get("keys")).isEqualTo(java.util.List.of("a", "sub/"));
        assertThat(data(h.list("metadata/dir/sub/")).get("keys")).isEqualTo(java.util.List.of("b", "c"));
    }

    @Test
    void list_folderWithoutTrailingSlash_listsItToo() {
        h.put("dir/a", "{}");
        assertThat(data(h.list("metadata/dir")).get("keys")).isEqualTo(java.util.List.of("a"));
    }

    @Test
    void list_emptyFolder_is404WithNoErrors() {
        h.put("dir/a", "{}");
        CofferException e = failure(() -> h.list("metadata/nothing/"));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(e.messages()).isEmpty();
    }

    @Test
    void list_emptyMount_is404WithNoErrors() {
        CofferException e = failure(() -> h.list("metadata/"));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(e.messages()).isEmpty();
    }

    @Test
    void list_softDeletedKeys_areListedUnlessExcluded() {
        h.put("live", "{}");
        h.put("gone", "{}");
        h.delete("data/gone");
        h.put("dir/x", "{}");

        assertThat(data(h.list("metadata/")).get("keys")).isEqualTo(java.util.List.of("dir/", "gone", "live"));
        Response r = h.call(Operation.LIST, "metadata/", Map.of("exclude_deleted", "true"));
        assertThat(data(r).get("keys")).isEqualTo(java.util.List.of("dir/", "live"));
    }

    @Test
    void list_afterMetadataDelete_keyIsGone() {
        h.put("a", "{}");
        h.put("b", "{}");
        h.delete("metadata/a");
        assertThat(data(h.list("metadata/")).get("keys")).isEqualTo(java.util.List.of("b"));
    }
}
